package cn.ipsubsidy.cli;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.engine.Status;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The terminal's texts in one language, from {@code cn/ipsubsidy/cli/Messages_zh.properties} or
 * {@code Messages_en.properties}: the commands' usage help (picocli reads the same bundle) and
 * every line the commands print. Values are {@link String#format} patterns. What the domain already
 * says in both languages ({@link Bilingual}) is chosen here rather than written again.
 */
final class Messages {
  static final String BUNDLE = "cn.ipsubsidy.cli.Messages";

  private final Lang lang;
  private final ResourceBundle bundle;

  private Messages(Lang lang) {
    this.lang = lang;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            lang.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  static Messages of(Lang lang) {
    return new Messages(lang);
  }

  /** The messages of the command line {@code spec} belongs to. */
  static Messages of(CommandSpec spec) {
    return ((IpSubsidy) spec.root().userObject()).messages();
  }

  Lang lang() {
    return lang;
  }

  /** The same texts in {@code other}, e.g. for the log, which keeps both. */
  Messages in(Lang other) {
    return other == lang ? this : of(other);
  }

  ResourceBundle bundle() {
    return bundle;
  }

  /** The text of {@code key} with {@code args} filled in. */
  String get(String key, Object... args) {
    return String.format(Locale.ROOT, bundle.getString(key), args);
  }

  /** The half of a bilingual text in this language; the Chinese one when there is no English. */
  String pick(Bilingual text) {
    return lang == Lang.EN && !text.en().isEmpty() ? text.en() : text.zh();
  }

  /** A claim's status in this language: 核发 or paid. */
  String status(Status status) {
    return lang == Lang.EN ? status.en() : status.zh();
  }
}
