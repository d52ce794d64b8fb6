package cn.ipsubsidy.cli;

import java.io.Console;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.function.Function;

/**
 * The charset the terminal reads, so the same run is right on cmd.exe (code page 936, GBK),
 * PowerShell, Windows Terminal (UTF-8) and Linux. The JVM's default charset is no guide: the
 * launchers set {@code file.encoding=UTF-8} for files, while a Chinese cmd.exe shows GBK.
 *
 * <p>In order: the console's own charset ({@link Console#charset()}) when the JVM has a console;
 * else what the JVM found for that stream ({@code sun.stdout.encoding} / {@code
 * sun.stderr.encoding}, set on Windows when the stream is a console); else the platform's native
 * encoding ({@code native.encoding}: GBK on a Chinese Windows, so a file redirected with {@code >}
 * opens right in Notepad). A charset that cannot write Chinese at all (US-ASCII, what a Linux login
 * without a locale reports) gives way to UTF-8: every Linux terminal reads UTF-8, and a {@code ?}
 * for every character would tell the clerk nothing.
 */
final class TerminalCharset {
  /** A character every message has; a charset that cannot write it cannot show the terminal. */
  private static final String PROBE = "核发";

  private TerminalCharset() {}

  static Charset stdout() {
    return choose(System.console(), System::getProperty, "sun.stdout.encoding");
  }

  static Charset stderr() {
    return choose(System.console(), System::getProperty, "sun.stderr.encoding");
  }

  /**
   * @param console the JVM's console, or null when a stream is redirected
   * @param properties the system properties
   * @param streamProperty {@code sun.stdout.encoding} or {@code sun.stderr.encoding}
   */
  static Charset choose(
      Console console, Function<String, String> properties, String streamProperty) {
    if (console != null) {
      return writable(console.charset());
    }
    Charset stream = named(properties.apply(streamProperty));
    if (stream != null) {
      return writable(stream);
    }
    Charset nativeEncoding = named(properties.apply("native.encoding"));
    return writable(nativeEncoding != null ? nativeEncoding : Charset.defaultCharset());
  }

  private static Charset writable(Charset cs) {
    return cs.canEncode() && cs.newEncoder().canEncode(PROBE) ? cs : StandardCharsets.UTF_8;
  }

  /** The charset of that name, or null when the name is empty or unknown to this JVM. */
  static Charset named(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    if (name.trim().equalsIgnoreCase("cp65001")) {
      return StandardCharsets.UTF_8; // Windows' UTF-8 code page, which JDK 17 does not know by name
    }
    try {
      return Charset.forName(name.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }
}
