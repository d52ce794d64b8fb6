package cn.ipsubsidy.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the flow one-directional and the domain free of I/O, as buckpal guards its hexagon: the
 * engine and the policies are pure, so every amount can be recomputed and tested without files,
 * databases or spreadsheets.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.ipsubsidy");
  }

  @Test
  void engineAndPoliciesTouchNoFilesDatabasesSpreadsheetsOrCsv() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "cn.ipsubsidy.engine..", "cn.ipsubsidy.policy..", "cn.ipsubsidy.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.nio.file..",
            "java.sql..",
            "javax.sql..",
            "org.apache.poi..",
            "org.apache.commons.csv..",
            "org.apache.commons.io..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileInputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileOutputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileReader")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileWriter")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.RandomAccessFile")
        .because("the engine is a pure function of claims, policies and prior payouts")
        .check(classes);
  }

  /**
   * Every error the tool throws toward the clerk says what is wrong in both languages and what it
   * concerns ({@link cn.ipsubsidy.domain.ClerkFacing}), so the command line maps it to its exit
   * code in one place; one that does not would reach the terminal as an internal error (exit 70).
   * OutputPlacingException is caught inside the posting protocol and never reaches the terminal.
   */
  @Test
  void exceptionsTheClerkMeetsSayWhatIsWrongInBothLanguages() {
    classes()
        .that()
        .areAssignableTo(Exception.class)
        .and()
        .haveSimpleNameEndingWith("Exception")
        .and()
        .doNotHaveSimpleName("OutputPlacingException")
        .should()
        .implement(cn.ipsubsidy.domain.ClerkFacing.class)
        .check(classes);
  }

  /**
   * {@code outputs} (the posting protocol's files: journal, staging, placing, settling) sits below
   * the jobs and above the file writing of {@code report} and the {@code ledger} whose runs it
   * settles: it knows nothing of claims, policies or amounts, and neither report nor ledger knows
   * it.
   */
  @Test
  void dataFlowsOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage("cn.ipsubsidy..")
        .layer("cli")
        .definedBy("cn.ipsubsidy.cli..")
        .layer("app")
        .definedBy("cn.ipsubsidy.app..")
        .layer("outputs")
        .definedBy("cn.ipsubsidy.outputs..")
        .layer("claims")
        .definedBy("cn.ipsubsidy.claims..")
        .layer("report")
        .definedBy("cn.ipsubsidy.report..")
        .layer("ledger")
        .definedBy("cn.ipsubsidy.ledger..")
        .layer("engine")
        .definedBy("cn.ipsubsidy.engine..")
        .layer("policy")
        .definedBy("cn.ipsubsidy.policy..")
        .layer("domain")
        .definedBy("cn.ipsubsidy.domain..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("app")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("outputs")
        .mayOnlyBeAccessedByLayers("app", "cli")
        .whereLayer("claims")
        .mayOnlyBeAccessedByLayers("app", "cli")
        .whereLayer("report")
        .mayOnlyBeAccessedByLayers("outputs", "app", "cli")
        .whereLayer("ledger")
        .mayOnlyBeAccessedByLayers("outputs", "app", "cli")
        .whereLayer("engine")
        .mayOnlyBeAccessedByLayers("report", "ledger", "app", "cli")
        .whereLayer("policy")
        .mayOnlyBeAccessedByLayers("engine", "report", "ledger", "app", "cli")
        .whereLayer("domain")
        .mayOnlyBeAccessedByLayers(
            "policy", "engine", "claims", "report", "ledger", "outputs", "app", "cli")
        .check(classes);
  }
}
