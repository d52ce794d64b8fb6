package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input ends with exit 2 and one clear line in the chosen language; no stack trace reaches the
 * clerk.
 */
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
  void usageAndRulesFileErrorsAreOneLineInEachLanguage() throws IOException {
    Cli missing = Cli.run("calc");
    clearOneLiner(missing);
    assertThat(missing.err())
        .contains("命令行有误：缺少必需的参数：'CLAIMS'")
        .contains("ipsubsidy calc --help")
        .doesNotContain("invalid command line");
    Cli missingEn = Cli.en("calc");
    clearOneLiner(missingEn);
    assertThat(missingEn.err())
        .contains("invalid command line: Missing required parameter: 'CLAIMS'")
        .contains("ipsubsidy calc --help")
        .doesNotContain("命令行有误");

    Path rules = Files.writeString(dir.resolve("rules.yaml"), "clauses: {}\n");
    // outputs into the test's folder: the samples folder may hold a clerk's earlier outputs
    String[] args = {
      "calc",
      "samples/claims-2025Q1-wuxi.csv",
      "--rules",
      rules.toString(),
      "--out",
      dir.resolve("payout.xlsx").toString()
    };
    Cli bad = Cli.run(args);
    clearOneLiner(bad);
    assertThat(bad.err())
        .contains("政策或本地规则文件有误：")
        .contains("rules.yaml:1")
        .contains("缺少必需的键 “office”")
        .doesNotContain("policy or rules file error");
    Cli badEn = Cli.en(args);
    clearOneLiner(badEn);
    assertThat(badEn.err())
        .contains("policy or rules file error: ")
        .contains("rules.yaml:1")
        .contains("office")
        .doesNotContain("政策或本地规则文件有误");
  }

  /**
   * An Error (not an Exception) gets one line and exit 70 (internal error, sysexits' EX_SOFTWARE),
   * not the JVM's trace and 1, nor 2, which a cron job reads as the clerk's typing error.
   */
  @Test
  void anErrorIsOneLineAndExitSeventy() {
    for (Lang lang : Lang.values()) {
      java.io.StringWriter err = new java.io.StringWriter();
      int code =
          IpSubsidy.report(
              new OutOfMemoryError("Java heap space"),
              new java.io.PrintWriter(err),
              false,
              Messages.of(lang));
      assertThat(code).isEqualTo(ExitCode.INTERNAL).isEqualTo(70);
      assertThat(err.toString().strip().lines()).hasSize(1);
      assertThat(err.toString()).contains(IpSubsidy.logFile().toString());
      if (lang == Lang.ZH) {
        assertThat(err.toString()).contains("内存不足，未写出任何文件").doesNotContain("out of memory");
      } else {
        assertThat(err.toString())
            .contains("out of memory, nothing was written")
            .doesNotContain("内存");
      }
    }
  }

  /** A defect (an unexpected exception) exits 70 with the log file's path, in either language. */
  @Test
  void aDefectExitsSeventyAndNamesTheLogFile() {
    for (Lang lang : Lang.values()) {
      java.io.StringWriter err = new java.io.StringWriter();
      int code =
          IpSubsidy.report(
              new IllegalStateException("a bug"),
              new java.io.PrintWriter(err),
              false,
              Messages.of(lang));
      assertThat(code).isEqualTo(70);
      assertThat(err.toString().strip().lines()).hasSize(1);
      assertThat(err.toString())
          .contains(IpSubsidy.logFile().toString())
          .contains(lang == Lang.ZH ? "内部错误" : "internal error")
          .doesNotContain("IllegalStateException");
    }
  }

  /**
   * The same errors, one from the tool and one from the claims reader, in --lang zh and --lang en:
   * each line names the file, in one language only.
   */
  @Test
  void theSameErrorInChineseOrInEnglish() throws IOException {
    Path text = Files.writeString(dir.resolve("claims.xlsx"), "申报编号,主体代码\nA,B\n");
    for (Path f : List.of(dir.resolve("nope.xlsx"), text)) {
      Cli zh = Cli.run("calc", f.toString());
      Cli en = Cli.en("calc", f.toString());
      clearOneLiner(zh);
      clearOneLiner(en);
      String zhLine = zh.err().replace(f.toString(), "FILE");
      String enLine = en.err().replace(f.toString(), "FILE");
      assertThat(zhLine)
          .contains("FILE")
          .doesNotContain(" / ")
          .doesNotContainPattern("[a-z]{4,} [a-z]{2,} [a-z]{2,}");
      assertThat(enLine).contains("FILE").doesNotContain(" / ").doesNotContainPattern("\\p{IsHan}");
    }
    assertThat(Cli.run("calc", dir.resolve("nope.xlsx").toString()).err()).contains("文件不存在");
    assertThat(Cli.en("calc", dir.resolve("nope.xlsx").toString()).err())
        .contains("file not found");
  }

  /**
   * Without --lang and IPSUBSIDY_LANG (the build leaves it out of the tests' environment), the
   * JVM's locale chooses: Chinese on a Chinese system, English on any other.
   */
  @Test
  void theDefaultLanguageFollowsTheLocale() {
    assumeTrue(System.getenv(Lang.ENV) == null, "IPSUBSIDY_LANG is set");
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      assertThat(Cli.as("calc").err()).contains("命令行有误：缺少必需的参数");
      assertThat(Cli.as("calc", "--help").out()).contains("用法：").contains("计算一个季度的申报");
      Locale.setDefault(Locale.TRADITIONAL_CHINESE);
      assertThat(Cli.as("calc").err()).contains("命令行有误");
      for (Locale other : List.of(Locale.US, Locale.GERMANY, Locale.JAPAN)) {
        Locale.setDefault(other);
        assertThat(Cli.as("calc").err()).as(other.toString()).contains("invalid command line");
        assertThat(Cli.as("calc", "--help").out()).contains("Usage:").doesNotContain("用法");
      }
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      assertThat(Cli.as("calc", "--lang", "en").err()).contains("invalid command line");
      assertThat(Cli.as("--lang=en", "calc").err()).contains("invalid command line");
    } finally {
      Locale.setDefault(before);
    }
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
