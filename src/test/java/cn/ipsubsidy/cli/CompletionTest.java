package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipsubsidy generate-completion} writes picocli's bash completion script (zsh runs it after
 * {@code bashcompinit}): bash accepts it, and it completes commands, subcommands and --lang.
 */
class CompletionTest {
  @TempDir static Path dir;
  static Path script;

  @BeforeAll
  static void generate() throws IOException {
    Cli r = Cli.run("generate-completion");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_ipsubsidy")
        .contains("calc")
        .contains("ledger")
        .contains("reconcile")
        .contains("--lang");
    script = Files.writeString(dir.resolve("ipsubsidy_completion"), r.out());
  }

  private static Bash bash(String... lines) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("bash", "-c", String.join("\n", lines)).start();
    } catch (IOException e) {
      assumeTrue(false, "no bash here");
      throw e;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Bash(p.exitValue(), out, err);
  }

  record Bash(int exit, String out, String err) {}

  @Test
  void bashAcceptsTheScript() throws Exception {
    Bash r = bash("bash -n '" + script + "'");
    assertThat(r.exit()).as(r.err()).isZero();
  }

  /** What TAB offers after the words typed so far ({@code compopt} complains outside a TAB). */
  private static List<String> complete(String... words) throws Exception {
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append(" '").append(w).append("'");
    }
    Bash r =
        bash(
            "source '" + script + "'",
            "COMP_WORDS=(" + array + ")",
            "COMP_CWORD=" + (words.length - 1),
            "COMP_LINE='" + String.join(" ", words) + "'",
            "_complete_ipsubsidy",
            "printf '%s\\n' \"${COMPREPLY[@]}\"");
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out().lines().toList();
  }

  @Test
  void itCompletesCommandsSubcommandsAndLanguages() throws Exception {
    assertThat(complete("ipsubsidy", "ca")).containsExactly("calc");
    assertThat(complete("ipsubsidy", "re")).containsExactlyInAnyOrder("report", "reconcile");
    assertThat(complete("ipsubsidy", "ledger", "")).containsExactly("runs", "show", "verify");
    assertThat(complete("ipsubsidy", "calc", "--lang", "")).containsExactly("zh", "en");
    assertThat(complete("ipsubsidy", "calc", "--dr")).containsExactly("--dry-run");
  }
}
