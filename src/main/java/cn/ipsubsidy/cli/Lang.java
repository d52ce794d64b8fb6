package cn.ipsubsidy.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of the terminal: Chinese or English. Chosen by {@code --lang}, else by the
 * environment variable {@code IPSUBSIDY_LANG}, else by the JVM's locale (Chinese when its language
 * is Chinese). The payout workbook, the audit log and the 问题 sheet stay bilingual whatever it is.
 */
enum Lang {
  ZH(Locale.CHINESE),
  EN(Locale.ENGLISH);

  static final String OPTION = "--lang";
  static final String ENV = "IPSUBSIDY_LANG";

  private final Locale locale;

  Lang(Locale locale) {
    this.locale = locale;
  }

  Locale locale() {
    return locale;
  }

  /** "zh" or "en": what {@code --lang} takes. */
  String code() {
    return locale.getLanguage();
  }

  /**
   * A language as people write it: {@code zh}, {@code EN}, a locale such as {@code zh_CN.UTF-8} or
   * {@code en-US}; empty when it is neither Chinese nor English.
   */
  static Optional<Lang> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String language = text.strip().toLowerCase(Locale.ROOT).split("[_.@-]", 2)[0];
    for (Lang l : values()) {
      if (l.code().equals(language)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /** The JVM's default when neither the command line nor the environment names a language. */
  static Lang of(Locale locale) {
    return "zh".equals(locale.getLanguage()) ? ZH : EN;
  }

  /**
   * The language a command line runs in, known before picocli parses it, so that its usage help and
   * its parse errors come in that language too: the last {@code --lang X} or {@code --lang=X}
   * before any {@code --}, else {@code env}, else {@code locale}. A value that is no language is
   * left for picocli to reject.
   */
  static Lang choose(String[] args, String env, Locale locale) {
    Optional<Lang> chosen = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ("--".equals(a)) {
        break;
      }
      if (OPTION.equals(a) && i + 1 < args.length) {
        chosen = parse(args[++i]);
      } else if (a.startsWith(OPTION + "=")) {
        chosen = parse(a.substring(OPTION.length() + 1));
      }
    }
    return chosen.or(() -> parse(env)).orElseGet(() -> of(locale));
  }

  /** The values {@code --lang} completes to and shows in its help. */
  static final class Codes implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of(ZH.code(), EN.code()).iterator();
    }
  }
}
