package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Only the command a command line runs is built ({@link IpSubsidy#only}), and {@code --version} is
 * answered without building any: faster starts, the same answers as with the whole tree.
 */
class CommandLineBuildTest {

  @Test
  void theOneCommandIsFoundPastTheRootOptions() {
    assertThat(IpSubsidy.only(new String[] {"calc", "q1.xlsx"})).isEqualTo("calc");
    assertThat(IpSubsidy.only(new String[] {"--lang", "zh", "calc", "q1.xlsx"})).isEqualTo("calc");
    assertThat(IpSubsidy.only(new String[] {"-v", "--lang=en", "ledger", "runs"}))
        .isEqualTo("ledger");
    assertThat(IpSubsidy.only(new String[] {"--version"})).isEmpty();
    assertThat(IpSubsidy.only(new String[] {"--lang", "en", "-V"})).isEmpty();
  }

  @Test
  void anythingThatNeedsTheWholeTreeGetsIt() {
    assertThat(IpSubsidy.only(new String[] {})).isNull(); // the root's usage lists every command
    assertThat(IpSubsidy.only(new String[] {"--help"})).isNull();
    assertThat(IpSubsidy.only(new String[] {"-h", "--version"})).isNull();
    assertThat(IpSubsidy.only(new String[] {"help", "calc"})).isNull();
    assertThat(IpSubsidy.only(new String[] {"generate-completion"})).isNull();
    assertThat(IpSubsidy.only(new String[] {"clac"})).isNull(); // "did you mean calc"
    // the value of --lang is not a command, whatever it says
    assertThat(IpSubsidy.only(new String[] {"--lang", "calc"})).isNull();
  }

  @Test
  void versionSaysWhatPicocliWouldSay() {
    StringWriter viaPicocli = new StringWriter();
    IpSubsidy.commandLine(Messages.of(Lang.EN), Ansi.OFF)
        .printVersionHelp(new PrintWriter(viaPicocli, true), Ansi.OFF);
    Cli fast = Cli.run("--version");
    assertThat(fast.exit()).isZero();
    assertThat(fast.out()).isEqualTo(viaPicocli.toString()).startsWith("ipsubsidy 0.1.0");
    assertThat(Cli.run("--lang", "en", "-V").out()).isEqualTo(viaPicocli.toString());
  }

  @Test
  void aCommandsHelpIsTheSameBuiltAloneAsInTheWholeTree() {
    for (String name : new String[] {"calc", "ledger", "notice", "config"}) {
      StringWriter whole = new StringWriter();
      CommandLine tree = IpSubsidy.commandLine(Messages.of(Lang.EN), Ansi.OFF);
      tree.getSubcommands().get(name).usage(new PrintWriter(whole, true), Ansi.OFF);
      Cli alone = Cli.run("--lang", "en", name, "--help");
      assertThat(alone.exit()).as(name).isZero();
      // the one section the whole tree has not: where this machine's defaults come from
      String withoutDefaults =
          alone
              .out()
              .replaceAll("(?s)\\R\\RDefaults and where they come from.*?\\R(?=\\R|$)", "\n");
      assertThat(withoutDefaults.strip()).as(name).isEqualTo(whole.toString().strip());
    }
  }
}
