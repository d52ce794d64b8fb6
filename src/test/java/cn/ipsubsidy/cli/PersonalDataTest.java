package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import cn.ipsubsidy.claims.EntityIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resident ID numbers are masked on the terminal and in the log file (320706********1236); the
 * payout workbook keeps them whole, since payment needs them.
 */
class PersonalDataTest {
  static final String PERSON =
      "32070619800101123" + EntityIds.residentIdCheckChar("32070619800101123");
  static final String MISTYPED = "320706198001011238"; // wrong check digit: still somebody's
  static final String PERSON_MASKED = "320706********1236";
  static final String MISTYPED_MASKED = "320706********1238";

  @TempDir Path dir;

  /** The log of this test JVM (logback-test.xml uses the same masking layout as logback.xml). */
  static String testLog() throws Exception {
    Path log =
        Path.of(System.getProperty("ipsubsidy.home", "target/ipsubsidy-home"), "logs", "test.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private Path claims(String name) throws Exception {
    return Files.writeString(
        dir.resolve(name),
        "申报编号,主体代码,主体名称,主体类型,所属地区,条款,事项日期,备注\n"
            + "P1,"
            + PERSON
            + ",张三,个人,海州区,lyg-2021/14a,2025-02-01,\n"
            + "P2,"
            + MISTYPED
            + ",李四,个人,海州区,lyg-2021/14a,2025-02-01,身份证 "
            + PERSON
            + "\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void theTerminalShowsIdsMaskedAndTheWorkbookKeepsThem() throws Exception {
    Path f = claims(PERSON + ".csv"); // a file named by the applicant's number
    // on a ledger of its own: the default one outlives the build, and refuses this file next time
    Cli r = Cli.inDir(dir, "calc", f.toString());
    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.out())
        .contains("主体代码 (B)「" + MISTYPED_MASKED + "」")
        .contains(PERSON_MASKED + ".csv")
        .doesNotContain(PERSON)
        .doesNotContain(MISTYPED);
    try (XSSFWorkbook wb = new XSSFWorkbook(dir.resolve(PERSON + "-payout.xlsx").toFile())) {
      DataFormatter fmt = new DataFormatter();
      assertThat(fmt.formatCellValue(wb.getSheet("明细").getRow(1).getCell(1))).isEqualTo(PERSON);
      assertThat(fmt.formatCellValue(wb.getSheet("问题").getRow(1).getCell(3))).isEqualTo(MISTYPED);
    }
    assertThat(testLog()).contains(PERSON_MASKED).doesNotContain(PERSON).doesNotContain(MISTYPED);
  }

  @Test
  void errorsAndVerboseStackTracesAreMaskedToo() throws Exception {
    Path missing = dir.resolve(MISTYPED + ".xlsx");
    Cli r = Cli.run("calc", missing.toString(), "--verbose");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains(MISTYPED_MASKED + ".xlsx")
        .contains("\tat cn.ipsubsidy") // --verbose shows the trace …
        .doesNotContain(MISTYPED); // … masked
    assertThat(testLog()).contains(MISTYPED_MASKED).doesNotContain(MISTYPED);
  }

  /** The production configuration, not the test one, masks the log file. */
  @Test
  void theShippedLogbackConfigurationMasks() throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    LogConfigurator.configure(context, dir.resolve("logs"));
    context
        .getLogger("cn.ipsubsidy.test")
        .error(
            "claims of " + PERSON,
            new IllegalStateException("bad row for " + MISTYPED, new RuntimeException(PERSON)));
    context.stop();
    String log = Files.readString(dir.resolve("logs/ipsubsidy.log"), StandardCharsets.UTF_8);
    assertThat(log)
        .contains("claims of " + PERSON_MASKED)
        .contains("bad row for " + MISTYPED_MASKED)
        .contains("java.lang.IllegalStateException")
        .doesNotContain(PERSON)
        .doesNotContain(MISTYPED);
  }
}
