package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar in a child process, as on a Chinese Windows PC: {@code file.encoding=UTF-8} (as
 * the launchers set it) while the console reads GBK ({@code sun.stdout.encoding=GBK}, what the JVM
 * sets on a code-page-936 cmd.exe). The bytes on stdout and stderr must decode as GBK.
 */
class ConsoleCharsetIT {
  static final Path JAR =
      Path.of(System.getProperty("all.jar", "target/ipsubsidy-0.1.0-all.jar")).toAbsolutePath();
  static final Charset GBK = Charset.forName("GBK");

  @TempDir Path dir;

  record Run(int exit, byte[] out, byte[] err) {}

  private Run java(String stdoutEncoding, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8",
                "-Dsun.stdout.encoding=" + stdoutEncoding,
                "-Dsun.stderr.encoding=" + stdoutEncoding,
                "-jar",
                JAR.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("IPSUBSIDY_HOME", dir.resolve("home").toString());
    Path out = dir.resolve("out.bin");
    Path err = dir.resolve("err.bin");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Run(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
  }

  /** Bytes that are the GBK encoding of a text holding {@code expected}, and not UTF-8. */
  private static void assertGbk(byte[] bytes, String expected) {
    String text = new String(bytes, GBK);
    assertThat(text).contains(expected);
    assertThat(text.getBytes(GBK)).as("round trip through GBK").isEqualTo(bytes);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain(expected);
  }

  @Test
  void policiesOnACodePage936ConsoleAreWrittenInGbk() throws Exception {
    assertThat(JAR).as("made by ./mvnw package").exists();
    Run r = java("GBK", "--lang", "zh", "policies");
    assertThat(r.exit()).as(new String(r.err(), GBK)).isZero();
    assertGbk(r.out(), "连政发〔2021〕79号");
    assertGbk(r.out(), "锡政办发〔2020〕11号");
  }

  @Test
  void anErrorOnACodePage936ConsoleIsWrittenInGbk() throws Exception {
    Run r = java("GBK", "--lang", "zh", "calc", "不存在的申报表.xlsx");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertGbk(r.err(), "不存在的申报表.xlsx");
    assertThat(new String(r.err(), GBK)).startsWith("ipsubsidy: ").doesNotContain("Exception");
    // the shaded jar's own log set-up (LogConfigurator, through META-INF/services): the file in
    // IPSUBSIDY_HOME, UTF-8 whatever the console, in the shipped pattern
    Path log = dir.resolve("home/logs/ipsubsidy.log");
    assertThat(log).exists();
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .containsPattern("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(Z|[+-]\\d\\d:\\d\\d) ERROR")
        .contains("不存在的申报表.xlsx");
  }

  /**
   * A whole run prints its own lines and nothing else: no library's start-up chatter (SLF4J warns
   * on stderr when two threads set it up at once, as the workbook warm-up and the run could).
   */
  @Test
  void aRunPrintsOnlyItsOwnLines() throws Exception {
    Path repo = Path.of("").toAbsolutePath();
    for (int i = 0; i < 3; i++) {
      Run r =
          java(
              "GBK",
              "--lang",
              "zh",
              "calc",
              repo.resolve("samples/claims-2025Q1-lianyungang.xlsx").toString(),
              "--rules",
              repo.resolve("samples/local-rules.yaml").toString(),
              "--dry-run",
              "--force",
              "--ledger",
              "jdbc:sqlite:" + dir.resolve("l.db"),
              "--out",
              dir.resolve("p.xlsx").toString());
      assertThat(r.exit()).as(new String(r.err(), GBK)).isZero();
      assertGbk(r.out(), "核发合计");
      assertThat(new String(r.err(), GBK)).doesNotContain("SLF4J").doesNotContain("WARN");
    }
  }

  @Test
  void aUtf8ConsoleIsWrittenInUtf8() throws Exception {
    Run r = java("UTF-8", "--lang", "zh", "policies");
    assertThat(r.exit()).isZero();
    assertThat(new String(r.out(), StandardCharsets.UTF_8)).contains("连政发〔2021〕79号");
  }
}
