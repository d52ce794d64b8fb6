package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The two bundles say the same things: the same keys, every key the commands ask for, and a
 * description for every command, option and parameter of the usage help in either language; and
 * --lang works on every command.
 */
class MessagesTest {
  private static Set<String> keys(Lang lang) {
    return new TreeSet<>(Messages.of(lang).bundle().keySet());
  }

  @Test
  void bothLanguagesHaveTheSameKeys() {
    assertThat(keys(Lang.ZH)).isEqualTo(keys(Lang.EN));
  }

  /** Every {@code get("key"} in the cli package's sources names a key of the bundles. */
  @Test
  void everyKeyTheCommandsAskForIsThere() throws IOException {
    Pattern get = Pattern.compile("\\.get\\(\\s*\"([a-zA-Z][\\w.-]*)\"");
    Set<String> asked = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/cn/ipsubsidy/cli"))) {
      for (Path f : files.toList()) {
        Matcher m = get.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          asked.add(m.group(1));
        }
      }
    }
    assertThat(asked).hasSizeGreaterThan(60);
    for (Lang lang : Lang.values()) {
      assertThat(keys(lang)).as(lang.toString()).containsAll(asked);
    }
  }

  /** Every format pattern takes the same arguments in both languages. */
  @Test
  void theSamePlaceholdersInBothLanguages() {
    Pattern placeholder = Pattern.compile("%(\\d+\\$)?[-0-9]*[sd]");
    for (String key : keys(Lang.ZH)) {
      List<List<String>> each = new ArrayList<>();
      for (Lang lang : Lang.values()) {
        List<String> found = new ArrayList<>();
        Matcher m = placeholder.matcher(Messages.of(lang).bundle().getString(key));
        while (m.find()) {
          found.add(m.group().replaceAll("-?\\d+(?=[sd])", ""));
        }
        Collections.sort(found);
        each.add(found);
      }
      assertThat(each.get(1)).as(key).isEqualTo(each.get(0));
    }
  }

  private static List<CommandSpec> allCommands(CommandSpec spec) {
    List<CommandSpec> all = new ArrayList<>(List.of(spec));
    for (CommandLine sub : spec.subcommands().values()) {
      if (!all.contains(sub.getCommandSpec())) {
        all.addAll(allCommands(sub.getCommandSpec()));
      }
    }
    return all;
  }

  @Test
  void everyCommandOptionAndParameterIsDescribedInBothLanguages() {
    for (Lang lang : Lang.values()) {
      CommandSpec root = IpSubsidy.commandLine(Messages.of(lang), Ansi.OFF).getCommandSpec();
      List<CommandSpec> commands = allCommands(root);
      assertThat(commands).hasSizeGreaterThanOrEqualTo(16);
      for (CommandSpec c : commands) {
        String name = c.qualifiedName() + " (" + lang + ")";
        String[] text = c.usageMessage().description();
        String[] header = c.usageMessage().header();
        assertThat(String.join("", text) + String.join("", header)).as(name).isNotBlank();
        List<ArgSpec> args = new ArrayList<>(c.options());
        args.addAll(c.positionalParameters());
        for (ArgSpec a : args) {
          assertThat(String.join("", a.description()))
              .as(name + " " + a.paramLabel() + " " + a)
              .isNotBlank();
        }
      }
    }
  }

  /** --lang is global: before the command or after it, on every command, help included. */
  @Test
  void everyCommandTakesLang() {
    List<CommandSpec> commands =
        allCommands(IpSubsidy.commandLine(Messages.of(Lang.EN), Ansi.OFF).getCommandSpec());
    for (CommandSpec c : commands) {
      List<String> path = new ArrayList<>();
      for (CommandSpec s = c; s.parent() != null; s = s.parent()) {
        path.add(0, s.name());
      }
      List<String> zh = new ArrayList<>(path);
      zh.addAll(List.of("--help", "--lang", "zh"));
      List<String> en = new ArrayList<>(List.of("--lang=en"));
      en.addAll(path);
      en.add("--help");
      Cli inChinese = Cli.as(zh.toArray(new String[0]));
      Cli inEnglish = Cli.as(en.toArray(new String[0]));
      assertThat(inChinese.exit()).as(zh + inChinese.all()).isZero();
      assertThat(inEnglish.exit()).as(en + inEnglish.all()).isZero();
      assertThat(inChinese.out()).as(zh.toString()).contains("用法：").doesNotContain("Usage:");
      assertThat(inEnglish.out()).as(en.toString()).contains("Usage:").doesNotContain("用法");
    }
  }
}
