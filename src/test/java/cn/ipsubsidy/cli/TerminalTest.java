package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help.Ansi;

/**
 * Colours on a terminal only, never in a file, a pipe or a test, and never with NO_COLOR; the
 * language from IPSUBSIDY_LANG when the command line does not name one.
 */
class TerminalTest {
  static final String ESC = "\u001b";

  @TempDir Path dir;
  Path claims;

  /** One good row and one with bad data: a paid total and a count of rejected rows. */
  @BeforeEach
  void claims() throws IOException {
    claims =
        Files.writeString(
            dir.resolve("claims.csv"),
            String.join(",", BadInputs.H7)
                + ",计算基数\n"
                + String.join(",", BadInputs.G1)
                + ",\n"
                + String.join(",", BadInputs.G1).replace("G1,", "G2,").replace("2b", "9a")
                + ",1.2.3\n",
            StandardCharsets.UTF_8);
  }

  @Test
  void noEscapeSequenceWhenTheOutputIsNoTerminal() {
    Cli calc = Cli.inDir(dir, "calc", claims.toString(), "--dry-run");
    assertThat(calc.exit()).as(calc.all()).isEqualTo(1);
    assertThat(calc.out()).contains("核发合计：200,000.00 元").contains("不予核发 1");
    for (Cli r :
        List.of(
            calc,
            Cli.run("validate", claims.toString()),
            Cli.en("validate", claims.toString()),
            Cli.run("--help"),
            Cli.en("calc", "--help"),
            Cli.run("calc", "nope.xlsx"))) {
      assertThat(r.all()).doesNotContain(ESC);
    }
  }

  /** What a terminal gets: the total in bold, the rejected and bad-data counts in red. */
  @Test
  void onATerminalTotalsAreBoldAndRejectedCountsRed() {
    StringWriter out = new StringWriter();
    int exit =
        IpSubsidy.execute(
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            Messages.of(Lang.EN),
            Ansi.ON,
            "calc",
            claims.toString(),
            "--dry-run",
            "--ledger",
            "jdbc:sqlite:" + dir.resolve("ledger.db"));
    assertThat(exit).isEqualTo(1);
    String bold = ESC + "[1m";
    String red = ESC + "[31m" + ESC + "[1m";
    String reset = ESC + "[0m";
    assertThat(out.toString())
        .contains("total paid: " + bold + "200,000.00" + reset + " yuan")
        .contains("rejected " + red + "1" + reset)
        .contains("(bad data " + red + "1" + reset + ")")
        .contains("capped 0 · review 0");
    assertThat(out.toString().replaceAll(ESC + "\\[[0-9;]*m", ""))
        .contains("rows 2 · paid 1 · capped 0 · review 0 · rejected 1 (bad data 1)");
  }

  record Child(int exit, String out, String err) {}

  /** ipsubsidy in a new JVM whose locale is English, with {@code env} added. */
  private static Child ipsubsidy(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of(
            "-Duser.language=en",
            "-Dstdout.encoding=UTF-8",
            "-Dstderr.encoding=UTF-8",
            "-Dipsubsidy.home=" + System.getProperty("ipsubsidy.home"),
            "-cp",
            System.getProperty("java.class.path"),
            IpSubsidy.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().keySet().removeAll(List.of(Lang.ENV, "NO_COLOR", "CLICOLOR_FORCE"));
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Child(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  /**
   * Two real processes, as a terminal has them: CLICOLOR_FORCE stands in for the terminal a test
   * lacks, and then NO_COLOR (https://no-color.org) wins over it; IPSUBSIDY_LANG chooses Chinese
   * over the JVM's English, and then --lang wins over it.
   */
  @Test
  void noColorAndIpsubsidyLang() throws Exception {
    Child forced =
        ipsubsidy(Map.of("CLICOLOR_FORCE", "1", Lang.ENV, "zh"), "validate", claims.toString());
    assertThat(forced.exit()).as(forced.err()).isEqualTo(1);
    assertThat(forced.out())
        .contains("数据错误 " + ESC + "[31m" + ESC + "[1m1" + ESC + "[0m 行")
        .doesNotContain("bad data");
    Child plain =
        ipsubsidy(
            Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "1", Lang.ENV, "zh"),
            "validate",
            claims.toString(),
            "--lang",
            "en");
    assertThat(plain.exit()).as(plain.err()).isEqualTo(1);
    assertThat(plain.out())
        .contains("rows with bad data: 1")
        .doesNotContain("数据错误")
        .doesNotContain(ESC);
  }
}
