package cn.ipsubsidy.claims;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Matches header cells to {@link ClaimColumn}s leniently: surrounding and internal whitespace,
 * full-width forms, English case, {@code _ - .} in English names, a leading or trailing {@code *}
 * (templates mark required columns so) and a trailing parenthesised unit such as {@code （元）},
 * {@code (元)} or {@code (yuan)} are all ignored.
 */
final class HeaderNames {
  private static final Map<String, ClaimColumn> BY_KEY = new HashMap<>();

  static {
    for (ClaimColumn c : ClaimColumn.values()) {
      BY_KEY.put(key(c.zh()), c);
      BY_KEY.put(key(c.en()), c);
    }
  }

  private HeaderNames() {}

  static Optional<ClaimColumn> match(String header) {
    if (header == null || Text.isBlank(header)) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_KEY.get(key(header)));
  }

  /** The comparison key of a header text. */
  static String key(String header) {
    String k = Text.halfWidth(Text.removeBlanks(header)).toLowerCase(Locale.ROOT);
    k = k.replace("_", "").replace("-", "").replace(".", "");
    String before;
    do {
      before = k;
      while (k.startsWith("*")) {
        k = k.substring(1);
      }
      while (k.endsWith("*")) {
        k = k.substring(0, k.length() - 1);
      }
      if (k.endsWith(")")) {
        int open = k.lastIndexOf('(');
        if (open > 0) {
          k = k.substring(0, open);
        }
      }
    } while (!k.equals(before));
    return k;
  }
}
