package cn.ipsubsidy.claims;

import java.util.Locale;

/** Small text helpers shared by the cell parsers: blank detection, trimming and width folding. */
final class Text {
  private Text() {}

  /**
   * Whitespace as a clerk means it: Java whitespace, no-break spaces, the ideographic space and the
   * zero-width characters that copy-paste from web pages leaves behind.
   */
  static boolean isBlankChar(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '\u200B'
        || c == '\u200C'
        || c == '\u200D'
        || c == '\u2060'
        || c == '\uFEFF';
  }

  static boolean isBlank(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isBlankChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Trims {@link #isBlankChar} characters at both ends; null stays null. */
  static String trim(String s) {
    if (s == null) {
      return null;
    }
    int b = 0;
    int e = s.length();
    while (b < e && isBlankChar(s.charAt(b))) {
      b++;
    }
    while (e > b && isBlankChar(s.charAt(e - 1))) {
      e--;
    }
    return s.substring(b, e);
  }

  /** Removes every {@link #isBlankChar} character. */
  static String removeBlanks(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isBlankChar(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Folds full-width forms to ASCII: ０-９, Ａ-Ｚ, ａ-ｚ and punctuation (U+FF01-U+FF5E), the ideographic
   * space and the full-width yen sign ￥ (to ¥). Other characters are kept.
   */
  static String halfWidth(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char h = c;
      if (c >= '\uFF01' && c <= '\uFF5E') {
        h = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        h = ' ';
      } else if (c == '\uFFE5') {
        h = '\u00A5';
      }
      if (h != c && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        b.append(h);
      }
    }
    return b == null ? s : b.toString();
  }

  /** Trim, fold to half width; the common first step of every typed parser. */
  static String clean(String s) {
    return halfWidth(trim(s));
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /** A header or cell text on one line: trimmed, runs of whitespace (line breaks) as one space. */
  static String oneLine(String s) {
    String t = trim(s);
    StringBuilder b = new StringBuilder(t.length());
    boolean space = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (isBlankChar(c)) {
        space = true;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.toString();
  }
}
