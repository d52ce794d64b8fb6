package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office's defaults at work: a run takes its ledger, operator and lock wait from {@code
 * config.properties}, the environment and the command line win over it, {@code config} and {@code
 * --help} say where each value came from, and a bad line stops everything.
 */
class ConfigCommandTest {
  @TempDir Path dir;
  Path config;
  Path claims;

  @BeforeEach
  void claims() throws IOException {
    config = dir.resolve("config.properties");
    claims =
        Files.writeString(
            dir.resolve("claims.csv"),
            String.join(",", BadInputs.H7) + "\n" + String.join(",", BadInputs.G1) + "\n",
            StandardCharsets.UTF_8);
  }

  private Cli run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = IpSubsidy.execute(new PrintWriter(out), new PrintWriter(err), config, env, args);
    return new Cli(code, out.toString(), err.toString());
  }

  @Test
  void aRunTakesTheLedgerAndOperatorFromTheSettingsFile() throws IOException {
    Path ledger = dir.resolve("office.db");
    Files.writeString(
        config, "ledger=jdbc:sqlite:" + ledger + "\noperator=张三\n", StandardCharsets.UTF_8);
    Cli calc = run(Map.of(), "--lang", "zh", "calc", claims.toString(), "--period", "2025Q1");
    assertThat(calc.exit()).as(calc.all()).isZero();
    assertThat(ledger).exists();
    Cli runs = run(Map.of(), "--lang", "zh", "ledger", "runs");
    assertThat(runs.exit()).as(runs.all()).isZero();
    assertThat(runs.out()).contains("2025Q1").contains("张三");
  }

  @Test
  void theCommandLineWinsOverTheEnvironmentWhichWinsOverTheFile() throws IOException {
    Path fileLedger = dir.resolve("file.db");
    Path envLedger = dir.resolve("env.db");
    Path cliLedger = dir.resolve("cli.db");
    Files.writeString(config, "ledger=jdbc:sqlite:" + fileLedger + "\n");
    Map<String, String> env = Map.of("IPSUBSIDY_LEDGER", "jdbc:sqlite:" + envLedger);
    Cli byEnv = run(env, "--lang", "zh", "calc", claims.toString(), "--dry-run");
    assertThat(byEnv.exit()).as(byEnv.all()).isZero();
    assertThat(envLedger).exists();
    assertThat(fileLedger).doesNotExist();
    Cli byCli =
        run(
            env,
            "--lang",
            "zh",
            "calc",
            claims.toString(),
            "--dry-run",
            "--force",
            "--ledger",
            "jdbc:sqlite:" + cliLedger);
    assertThat(byCli.exit()).as(byCli.all()).isZero();
    assertThat(cliLedger).exists();
    assertThat(fileLedger).doesNotExist();
  }

  @Test
  void configListsEachSettingAndWhereItCameFromWithPasswordsMasked() throws IOException {
    Files.writeString(
        config,
        "# 财务科\nledger=jdbc:postgresql://db.lyg.gov.cn/subsidy?user=clerk&password=s3cret\n"
            + "lock-wait=90\n",
        StandardCharsets.UTF_8);
    Cli c = run(Map.of("IPSUBSIDY_OPERATOR", "李四"), "--lang", "zh", "config");
    assertThat(c.exit()).as(c.all()).isZero();
    assertThat(c.out())
        .doesNotContain("s3cret")
        .contains("设置文件：" + config)
        .contains(
            "  ledger    = jdbc:postgresql://db.lyg.gov.cn/subsidy?user=clerk&password=***  ("
                + config
                + " 第 2 行)")
        .contains("  operator  = 李四  (环境变量 IPSUBSIDY_OPERATOR)")
        .contains("  lock-wait = 90  (" + config + " 第 3 行)")
        .contains("  lang      = zh  (命令行)")
        .contains("  rules     = （未设置：不使用本地规则）  (内置默认值)");
    Cli en = run(Map.of(), "--lang", "en", "config");
    assertThat(en.out())
        .contains("  lock-wait = 90  (" + config + " line 3)")
        .contains("  operator  = " + System.getProperty("user.name"))
        .contains("(built-in default: the system user)");
  }

  @Test
  void langInTheSettingsFileChoosesTheLanguage() throws IOException {
    Files.writeString(config, "lang=en\n");
    Cli c = run(Map.of(), "config");
    assertThat(c.out())
        .contains("settings file: " + config)
        .contains("lang      = en  (" + config + " line 1)");
    assertThat(run(Map.of(), "--lang", "zh", "config").out()).contains("设置文件：");
  }

  @Test
  void helpShowsWhereEachDefaultComesFrom() throws IOException {
    Files.writeString(config, "lock-wait=90\noperator=张三\n", StandardCharsets.UTF_8);
    Cli help = run(Map.of(), "--lang", "zh", "calc", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains("默认值及其来源（设置文件 " + config + "）：")
        .contains("  operator  = 张三  (" + config + " 第 2 行)")
        .contains("  lock-wait = 90  (" + config + " 第 1 行)");
    // a command without any of the settings shows none
    Cli policies = run(Map.of(), "--lang", "en", "template", "--help");
    assertThat(policies.out()).doesNotContain("  operator  =");
  }

  /** A posted run carries its rules: the office's default rules do not make notice refuse it. */
  @Test
  void theDefaultRulesDoNotStopANoticeOfAPostedRun() throws IOException {
    Path rules = Files.copy(Path.of("samples/local-rules.yaml"), dir.resolve("local-rules.yaml"));
    Files.writeString(
        config, "ledger=jdbc:sqlite:" + dir.resolve("l.db") + "\nrules=" + rules + "\n");
    Cli calc = run(Map.of(), "--lang", "zh", "calc", claims.toString(), "--period", "2025Q1");
    assertThat(calc.exit()).as(calc.all()).isZero();
    java.util.regex.Matcher id = java.util.regex.Pattern.compile("运行 (\\S+) ·").matcher(calc.out());
    assertThat(id.find()).as(calc.out()).isTrue();
    Path out = dir.resolve("notice.xlsx");
    Cli notice = run(Map.of(), "--lang", "zh", "notice", id.group(1), "--out", out.toString());
    assertThat(notice.exit()).as(notice.all()).isZero();
    assertThat(out).exists();
    // typed with a run id, --rules is still refused
    Cli typed =
        run(
            Map.of(),
            "--lang",
            "zh",
            "notice",
            id.group(1),
            "--rules",
            rules.toString(),
            "--force");
    assertThat(typed.exit()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void aBadLineStopsEverythingNamingTheFileAndLine() throws IOException {
    Files.writeString(config, "ledger=jdbc:sqlite:" + dir.resolve("l.db") + "\nlock-wait=abc\n");
    Cli calc = run(Map.of(), "--lang", "en", "calc", claims.toString());
    assertThat(calc.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(calc.err())
        .isEqualTo(
            "ipsubsidy: settings file "
                + config
                + ", line 2: the seconds to wait must be a whole number from 0 to 999999: abc"
                + System.lineSeparator());
    assertThat(dir.resolve("l.db")).doesNotExist();
    assertThat(dir.resolve("claims-payout.xlsx")).doesNotExist();
  }
}
