package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The terminal is written in the charset it reads: GBK on a code-page-936 cmd.exe, UTF-8 on Windows
 * Terminal and Linux, whatever {@code file.encoding} says. The end-to-end check, the jar in a child
 * process with {@code sun.stdout.encoding=GBK}, is {@code ConsoleCharsetIT}.
 */
class TerminalCharsetTest {

  private static Charset redirected(Map<String, String> props, String stream) {
    return TerminalCharset.choose(null, props::get, stream);
  }

  @Test
  void aWindowsConsoleOnCodePage936IsWrittenInGbk() {
    Map<String, String> props =
        Map.of(
            "sun.stdout.encoding", "GBK",
            "sun.stderr.encoding", "ms936",
            "native.encoding", "GBK",
            "file.encoding", "UTF-8");
    assertThat(redirected(props, "sun.stdout.encoding")).isEqualTo(Charset.forName("GBK"));
    assertThat(redirected(props, "sun.stderr.encoding")).isEqualTo(Charset.forName("x-mswin-936"));
  }

  @Test
  void windowsTerminalOnCodePage65001IsWrittenInUtf8() {
    // JDK 17 reports the UTF-8 code page by its Windows name, which it cannot look up
    Map<String, String> props = Map.of("sun.stdout.encoding", "cp65001", "native.encoding", "GBK");
    assertThat(redirected(props, "sun.stdout.encoding")).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void aRedirectedStreamFollowsThePlatformsNativeEncoding() {
    // `ipsubsidy calc ... > out.txt` on a Chinese PC: Notepad opens it as GBK
    assertThat(redirected(Map.of("native.encoding", "GBK"), "sun.stdout.encoding"))
        .isEqualTo(Charset.forName("GBK"));
    assertThat(redirected(Map.of("native.encoding", "UTF-8"), "sun.stdout.encoding"))
        .isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void aCharsetThatCannotWriteChineseGivesWayToUtf8() {
    // a Linux login without a locale reports ANSI_X3.4-1968: every character would be a '?'
    assertThat(redirected(Map.of("native.encoding", "ANSI_X3.4-1968"), "sun.stdout.encoding"))
        .isEqualTo(StandardCharsets.UTF_8);
    assertThat(
            redirected(
                Map.of("sun.stdout.encoding", "ISO-8859-1", "native.encoding", "GBK"),
                "sun.stdout.encoding"))
        .isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void anUnknownNameIsPassedOverForTheNextSource() {
    assertThat(
            redirected(
                Map.of("sun.stdout.encoding", "no-such-charset", "native.encoding", "GB18030"),
                "sun.stdout.encoding"))
        .isEqualTo(Charset.forName("GB18030"));
    assertThat(TerminalCharset.named("  ")).isNull();
    assertThat(TerminalCharset.named("bad name!")).isNull();
  }

  /**
   * cmd.exe reads a batch file in the console's OEM code page: a Chinese character in a .cmd file
   * is garbled on a Chinese PC. Every launcher stays ASCII, with CRLF line ends (cmd.exe misreads
   * labels in LF-only files).
   */
  @Test
  void everyCmdFileIsAsciiWithCrlfLineEnds() throws IOException {
    List<Path> cmds;
    try (Stream<Path> files = Files.walk(Path.of("."))) {
      cmds =
          files
              .filter(p -> p.toString().endsWith(".cmd"))
              .filter(p -> !p.startsWith("./target") && !p.startsWith("./.git"))
              .toList();
    }
    assertThat(cmds)
        .extracting(p -> Path.of(".").relativize(p).toString().replace('\\', '/'))
        .contains("mvnw.cmd", "scripts/ipsubsidy.cmd", "src/dist/bin/ipsubsidy.cmd");
    for (Path cmd : cmds) {
      byte[] bytes = Files.readAllBytes(cmd);
      for (int i = 0; i < bytes.length; i++) {
        assertThat(bytes[i] & 0xff).as("%s byte %d is ASCII", cmd, i).isLessThan(0x80);
        if (bytes[i] == '\n') {
          assertThat(i > 0 && bytes[i - 1] == '\r').as("%s: CRLF at byte %d", cmd, i).isTrue();
        }
      }
    }
  }
}
