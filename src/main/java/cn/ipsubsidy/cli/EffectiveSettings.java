package cn.ipsubsidy.cli;

import cn.ipsubsidy.ledger.Ledger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Each office setting as it is in effect, and where it came from (the command line, an environment
 * variable, a line of the config file, or the tool's own default): what {@code ipsubsidy config}
 * lists and {@code --help} shows under the options. Ledger URLs with their passwords masked.
 */
final class EffectiveSettings {
  /**
   * One setting: its key, its value as shown, and where it came from, in the terminal's language.
   */
  record Row(String key, String value, String source) {}

  static final String SECTION_KEY = "officeDefaults";

  private final OfficeDefaults defaults;
  private final Messages messages;

  EffectiveSettings(OfficeDefaults defaults, Messages messages) {
    this.defaults = defaults;
    this.messages = messages;
  }

  /**
   * @param keys the settings to list, in {@link OfficeDefaults#KEYS}' order
   * @param fromCommandLine the settings given on this command line (they win)
   * @param commandLineValue the value of a setting given on the command line
   */
  List<Row> rows(
      Collection<String> keys,
      Set<String> fromCommandLine,
      java.util.function.Function<String, String> commandLineValue) {
    List<Row> rows = new ArrayList<>();
    for (String key : OfficeDefaults.KEYS) {
      if (!keys.contains(key)) {
        continue;
      }
      if (fromCommandLine.contains(key)) {
        rows.add(
            row(key, commandLineValue.apply(key), messages.get("settings.source.commandLine")));
        continue;
      }
      Optional<OfficeDefaults.Setting> s = defaults.setting(key);
      if (s.isPresent()) {
        rows.add(row(key, s.get().value(), source(s.get().source())));
      } else {
        rows.add(builtIn(key));
      }
    }
    return rows;
  }

  private Row row(String key, String value, String source) {
    return new Row(key, key.equals("ledger") ? Ledger.mask(value) : value, source);
  }

  private String source(OfficeDefaults.Source source) {
    if (source instanceof OfficeDefaults.Source.FileLine f) {
      return messages.get("settings.source.file", f.file(), f.line());
    }
    return messages.get(
        "settings.source.env", ((OfficeDefaults.Source.Environment) source).variable());
  }

  /** What the tool takes when nothing names the setting. */
  private Row builtIn(String key) {
    String builtIn = messages.get("settings.source.builtIn");
    return switch (key) {
      case "ledger" -> row(key, "jdbc:sqlite:" + Ledger.home().resolve("ledger.db"), builtIn);
      case "operator" ->
          row(
              key,
              System.getProperty("user.name", "unknown"),
              messages.get("settings.source.osUser"));
      case "lang" ->
          row(
              key,
              Lang.of(Locale.getDefault()).code(),
              messages.get("settings.source.systemLanguage"));
      case "lock-wait" -> row(key, "30", builtIn);
      case "rules" -> row(key, messages.get("settings.unset.rules"), builtIn);
      case "policy" -> row(key, messages.get("settings.unset.policy"), builtIn);
      default -> throw new IllegalArgumentException(key);
    };
  }

  /** The rows one a line, two spaces in, the keys aligned: {@code ledger = … (source)}. */
  static String lines(List<Row> rows) {
    int keyWidth = rows.stream().mapToInt(r -> r.key().length()).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (Row r : rows) {
      sb.append("  ")
          .append(r.key())
          .append(" ".repeat(keyWidth - r.key().length()))
          .append(" = ")
          .append(r.value())
          .append("  (")
          .append(r.source())
          .append(')')
          .append(System.lineSeparator());
    }
    return sb.toString();
  }

  /**
   * Adds, under the options of every command that has one of the settings, where each of their
   * defaults comes from now. Installed on the command line that runs, not on the one the man pages
   * are made from: a man page cannot know this machine's config file.
   */
  void installHelpSections(CommandLine cmd) {
    List<String> sections = new ArrayList<>(cmd.getHelpSectionKeys());
    int at = sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST);
    sections.add(at < 0 ? sections.size() : at + 1, SECTION_KEY);
    cmd.setHelpSectionKeys(sections); // picocli sets it on every subcommand too
    installRenderers(cmd);
  }

  private void installRenderers(CommandLine cmd) {
    cmd.getHelpSectionMap().put(SECTION_KEY, help -> helpSection(help.commandSpec()));
    cmd.getSubcommands().values().forEach(this::installRenderers);
  }

  private String helpSection(CommandLine.Model.CommandSpec spec) {
    List<String> keys =
        spec.options().stream()
            .map(OfficeDefaults::key)
            .filter(OfficeDefaults.KEYS::contains)
            .toList();
    if (keys.isEmpty()) {
      return "";
    }
    String file =
        defaults.fileExists()
            ? defaults.file().toString()
            : messages.get("settings.file.missing", defaults.file());
    return String.format("%n")
        + messages.get("settings.help.heading", file)
        + String.format("%n")
        + lines(rows(keys, Set.of(), k -> null));
  }

  /** The option of a command that a setting is the default of, if it has one. */
  static Optional<OptionSpec> option(CommandLine.Model.CommandSpec spec, String key) {
    return spec.options().stream().filter(o -> OfficeDefaults.key(o).equals(key)).findFirst();
  }
}
