package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends with exit 2 and one clear bilingual line; no stack trace reaches the clerk. */
class CliErrorsTest {
  @TempDir Path dir;

  private static void clearOneLiner(Cli r) {
    assertThat(r.exit()).as(r.all()).isEqualTo(2);
    assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aFileThatDoesNotExist() {
    Cli r = Cli.run("calc", dir.resolve("nope.xlsx").toString());
    clearOneLiner(r);
    assertThat(r.err()).contains("nope.xlsx");
  }

  @Test
  void aTextFileRenamedXlsx() throws IOException {
    Path f = dir.resolve("claims.xlsx");
    Files.writeString(f, "申报编号,主体代码\nA,B\n");
    Cli r = Cli.run("calc", f.toString());
    clearOneLiner(r);
    assertThat(r.err()).contains("claims.xlsx");
    assertThat(dir.resolve("claims-payout.xlsx")).doesNotExist();
  }

  @Test
  void aSheetWithNoHeaderRow() throws IOException {
    Path f = dir.resolve("empty.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        var out = Files.newOutputStream(f)) {
      wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("2025年第一季度");
      wb.write(out);
    }
    Cli r = Cli.run("calc", f.toString());
    clearOneLiner(r);
    assertThat(dir.resolve("empty-payout.xlsx")).doesNotExist();
  }

  @Test
  void aBadPeriodAndAnUnknownOptionAreUsageErrors() {
    assertThat(Cli.run("calc", "x.xlsx", "--period", "2025-1").exit()).isEqualTo(2);
    assertThat(Cli.run("calc", "x.xlsx", "--bogus").exit()).isEqualTo(2);
    assertThat(Cli.run("calc").exit()).isEqualTo(2);
  }

  @Test
  void usageAndRulesFileErrorsAreOneBilingualLineToo() throws IOException {
    Cli missing = Cli.run("calc");
    clearOneLiner(missing);
    assertThat(missing.err())
        .contains("命令行有误 / invalid command line: Missing required parameter: 'CLAIMS'")
        .contains("ipsubsidy calc --help");
    Path rules = Files.writeString(dir.resolve("rules.yaml"), "clauses: {}\n");
    // outputs into the test's folder: the samples folder may hold a clerk's earlier outputs
    Cli bad =
        Cli.run(
            "calc",
            "samples/claims-2025Q1-wuxi.csv",
            "--rules",
            rules.toString(),
            "--out",
            dir.resolve("payout.xlsx").toString());
    clearOneLiner(bad);
    assertThat(bad.err())
        .contains("政策或本地规则文件有误 / policy or rules file error: ")
        .contains("rules.yaml:1")
        .contains("office");
  }

  /** An Error (not an Exception) gets the same one line and exit 2, not the JVM's trace and 1. */
  @Test
  void anErrorIsOneLineAndExitTwo() {
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        IpSubsidy.report(
            new OutOfMemoryError("Java heap space"), new java.io.PrintWriter(err), false);
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("内存不足").contains("out of memory, nothing was written");
  }

  @Test
  void anUnknownPolicy() throws IOException {
    Path f = dir.resolve("c.csv");
    Files.writeString(f, "申报编号,主体代码,主体名称\n");
    Cli r = Cli.run("calc", f.toString(), "--policy", "sh-2030");
    clearOneLiner(r);
    assertThat(r.err()).contains("sh-2030");
  }
}
