package cn.ipsubsidy.cli;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.policy.PolicyLoader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The office's defaults, so a clerk does not type {@code --rules}, {@code --ledger}, {@code
 * --operator} every quarter: {@code $IPSUBSIDY_HOME/config.properties}, each overridden by its
 * environment variable ({@code IPSUBSIDY_LEDGER}, {@code IPSUBSIDY_LOCK_WAIT}, …), each of those by
 * the command line. The keys are the long option names without dashes, as picocli's {@link
 * CommandLine.PropertiesDefaultProvider} reads them; this provider is written here instead because
 * it must also say where each value came from (for {@code --help} and {@code config}), name the
 * line of a bad one, and take a Windows path as written.
 *
 * <p>Only the six settings an office keeps are accepted. {@code force=true} or {@code replace=…} in
 * a file nobody looks at would overwrite outputs or replace posted runs unasked, so any other key
 * is an error naming its line, as is a key set twice (which {@link java.util.Properties} would take
 * silently, the last one winning).
 *
 * <p>The file is read as UTF-8 (a BOM is skipped), else as GB18030, what Notepad on a Chinese PC
 * saves as "ANSI". Values are taken as written: a backslash is a backslash ({@code
 * rules=D:\资助\local-rules.yaml}), where {@code Properties} would drop it as an escape. A relative
 * path is relative to the file's folder, not to wherever the clerk happens to be.
 */
final class OfficeDefaults implements CommandLine.IDefaultValueProvider {
  static final String FILE_NAME = "config.properties";

  /** The settings, in the order {@code config} lists them. */
  static final List<String> KEYS =
      List.of("ledger", "rules", "operator", "policy", "lang", "lock-wait");

  private static final Pattern POLICY_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** Where a setting's value came from. */
  sealed interface Source {
    /** A line of the config file. */
    record FileLine(Path file, int line) implements Source {}

    /** An environment variable. */
    record Environment(String variable) implements Source {}
  }

  /** A setting in effect: its key, its value as the option will take it, and where it came from. */
  record Setting(String key, String value, Source source) {}

  private final Path file;
  private final boolean fileExists;
  private final Map<String, Setting> settings;

  private OfficeDefaults(Path file, boolean fileExists, Map<String, Setting> settings) {
    this.file = file;
    this.fileExists = fileExists;
    this.settings = Map.copyOf(settings);
  }

  /** No file and no environment: what tests and the man pages are made with. */
  static OfficeDefaults none(Path file) {
    return new OfficeDefaults(file, false, Map.of());
  }

  /**
   * The config file in the tool's home folder ({@code IPSUBSIDY_HOME}, …), with the environment.
   */
  static OfficeDefaults load(Map<String, String> env) {
    return load(cn.ipsubsidy.ledger.Ledger.home().resolve(FILE_NAME), env);
  }

  /**
   * @param file the config file; a missing file is no error (most offices have none)
   * @param env the environment variables
   * @throws ConfigFileException naming the file and line of a bad key or value
   */
  static OfficeDefaults load(Path file, Map<String, String> env) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    boolean exists = Files.isRegularFile(file);
    if (exists) {
      readFile(file, settings);
    }
    for (String key : KEYS) {
      String variable = environmentVariable(key);
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        Optional<Bilingual> bad = check(key, value.strip());
        if (bad.isPresent() && key.equals("lang")) {
          continue; // IPSUBSIDY_LANG=fr_FR, set for other programs: the system language, as before
        }
        if (bad.isPresent()) {
          throw new ConfigFileException(variable, bad.get());
        }
        settings.put(key, new Setting(key, value.strip(), new Source.Environment(variable)));
      }
    }
    return new OfficeDefaults(file, exists, settings);
  }

  /**
   * {@code IPSUBSIDY_} and the key in capitals: {@code lock-wait} → {@code IPSUBSIDY_LOCK_WAIT}.
   */
  static String environmentVariable(String key) {
    return "IPSUBSIDY_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  Path file() {
    return file;
  }

  boolean fileExists() {
    return fileExists;
  }

  /** The setting of that key from the file or the environment, if either sets it. */
  Optional<Setting> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return null;
    }
    Setting s = settings.get(key(option));
    return s == null ? null : s.value();
  }

  /** The settings key of an option: its long name without dashes ({@code --lock-wait}). */
  static String key(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  private static void readFile(Path file, Map<String, Setting> settings) {
    List<String> lines = decode(file);
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i).strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int sep = separator(line);
      if (sep < 0) {
        throw new ConfigFileException(
            file,
            lineNo,
            Bilingual.of(
                "不是“名称=值”的形式：" + line + "；可用的设置项：" + String.join("、", KEYS),
                "not of the form key=value: "
                    + line
                    + "; the settings are "
                    + String.join(", ", KEYS)));
      }
      String key = line.substring(0, sep).strip();
      String value = line.substring(sep + 1).strip();
      if (!KEYS.contains(key)) {
        throw new ConfigFileException(
            file,
            lineNo,
            Bilingual.of(
                "未知的设置项“" + key + "”；可用的设置项：" + String.join("、", KEYS),
                "unknown setting '" + key + "'; the settings are " + String.join(", ", KEYS)));
      }
      Setting earlier = settings.get(key);
      if (earlier != null) {
        int at = ((Source.FileLine) earlier.source()).line();
        throw new ConfigFileException(
            file,
            lineNo,
            Bilingual.of(
                "“" + key + "”已在第 " + at + " 行设置过；请只保留一行",
                "'" + key + "' is set on line " + at + " already; keep one of them"));
      }
      if (value.isEmpty()) {
        continue; // "rules=" leaves the setting unset, as a clerk clearing it means
      }
      if (key.equals("rules") && !Path.of(value).isAbsolute()) {
        value = file.toAbsolutePath().getParent().resolve(value).normalize().toString();
      }
      Optional<Bilingual> bad = check(key, value);
      if (bad.isPresent()) {
        throw new ConfigFileException(file, lineNo, bad.get());
      }
      settings.put(key, new Setting(key, value, new Source.FileLine(file, lineNo)));
    }
  }

  /** The first {@code =} or {@code :}, as {@link java.util.Properties} splits a line. */
  private static int separator(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }

  /** What is wrong with a value, if anything. */
  static Optional<Bilingual> check(String key, String value) {
    switch (key) {
      case "ledger" -> {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.startsWith("jdbc:sqlite:") && !v.startsWith("jdbc:postgresql:")) {
          return bad(
              "账本须为 jdbc:sqlite:路径 或 jdbc:postgresql://主机/库?user=… 的形式：" + mask(value),
              "the ledger must be jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB?user=…: "
                  + mask(value));
        }
      }
      case "rules" -> {
        if (!Files.isRegularFile(Path.of(value))) {
          return bad("本地规则文件不存在：" + value, "no such local rules file: " + value);
        }
      }
      case "operator" -> {
        if (value.codePoints().anyMatch(Character::isISOControl)) {
          return bad("操作员姓名含控制字符", "the operator's name holds a control character");
        }
      }
      case "policy" -> {
        List<String> ids =
            PolicyLoader.bundledFileNames().stream()
                .map(n -> n.replaceFirst("\\.ya?ml$", ""))
                .toList();
        if (!POLICY_ID.matcher(value).matches() || !ids.contains(value)) {
          return bad(
              "未登记的政策“" + value + "”；已登记：" + String.join("、", ids),
              "unknown policy '" + value + "'; registered: " + String.join(", ", ids));
        }
      }
      case "lang" -> {
        if (Lang.parse(value).isEmpty()) {
          return bad("语言须为 zh 或 en：" + value, "the language must be zh or en: " + value);
        }
      }
      case "lock-wait" -> {
        if (!value.matches("[0-9]{1,6}")) {
          return bad(
              "等待秒数须为 0 至 999999 的整数：" + value,
              "the seconds to wait must be a whole number from 0 to 999999: " + value);
        }
      }
      default -> throw new IllegalArgumentException("not a setting: " + key);
    }
    return Optional.empty();
  }

  private static Optional<Bilingual> bad(String zh, String en) {
    return Optional.of(Bilingual.of(zh, en));
  }

  /** A ledger URL as the terminal may show it: passwords masked. */
  static String mask(String value) {
    return cn.ipsubsidy.ledger.Ledger.mask(value);
  }

  /**
   * The file's lines: UTF-8 when it is valid UTF-8, else GB18030 (a Chinese Notepad's "ANSI", which
   * holds every character GBK does).
   */
  private static List<String> decode(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new ConfigFileException(
          file, 0, Bilingual.of("无法读取：" + e.getMessage(), "cannot be read: " + e.getMessage()));
    }
    String text;
    try {
      text = strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, Charset.forName("GB18030"));
    }
    return text.lines().toList();
  }

  private static java.nio.charset.CharsetDecoder strict(Charset cs) {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
