package cn.ipsubsidy.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import org.junit.jupiter.api.Test;

/**
 * The policy package turns text into records: it opens no files, databases, workbooks or CSV
 * (classpath resources through an InputStream are fine). The project's architecture test may say
 * the same for every package; this one guards the loader and local rules meanwhile.
 */
class PolicyPackageIoTest {
  private static final JavaClasses POLICY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.ipsubsidy.policy");

  @Test
  void policyClassesTouchNoFilesDatabasesWorkbooksOrCsv() {
    noClasses()
        .that()
        .resideInAPackage("cn.ipsubsidy.policy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.nio.file..", "java.sql..", "org.apache.poi..", "org.apache.commons.csv..")
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(
            File.class,
            FileInputStream.class,
            FileOutputStream.class,
            FileReader.class,
            FileWriter.class,
            RandomAccessFile.class)
        .check(POLICY);
  }
}
