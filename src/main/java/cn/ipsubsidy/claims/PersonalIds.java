package cn.ipsubsidy.claims;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resident ID numbers (居民身份证号码) are personal data: the payout workbook and the audit log keep them,
 * since payment needs them, but the terminal and the log file show them masked, as {@code
 * 320706********1238}: the first six characters (the issuing district) and the last four.
 *
 * <p>Masked wherever they stand in a text (a cell, a reason, a file name), in the forms a clerk
 * types: 18 characters with an X or x last, full-width digits, blanks or hyphens between the
 * digits; and the old 15-digit numbers. Whether the check digit is right does not matter: a
 * mistyped number is still somebody's. A unified social credit code that is all digits looks the
 * same and is masked too, which costs nothing.
 */
public final class PersonalIds {
  private static final String DIGIT = "[0-9\uFF10-\uFF19]";
  private static final String SEP = "[ \u3000\\-]?";
  private static final String NOT_ALNUM = "[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]";

  /**
   * 17 digits and a digit or X, with at most one separator between characters; or 15 digits. Not
   * after a period and a hyphen: that is a run id (2025Q1-20261122-151407-7560), whose date, time
   * and four hex digits, when all four are digits, read as 18 digits with hyphens.
   */
  private static final Pattern ID =
      Pattern.compile(
          "(?<!Q[1-4]-)(?<!"
              + NOT_ALNUM
              + ")(?:(?:"
              + DIGIT
              + SEP
              + "){17}[0-9\uFF10-\uFF19Xx\uFF38\uFF58]|(?:"
              + DIGIT
              + SEP
              + "){14}"
              + DIGIT
              + ")(?!"
              + NOT_ALNUM
              + ")");

  private PersonalIds() {}

  /** {@code text} with every resident ID number masked; null stays null. */
  public static String mask(String text) {
    if (text == null || text.length() < 15) {
      return text;
    }
    Matcher m = ID.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      out.append(text, last, m.start()).append(masked(m.group()));
      last = m.end();
    } while (m.find());
    return out.append(text, last, text.length()).toString();
  }

  /** "320706********1238": six and four characters kept, the rest starred, separators dropped. */
  private static String masked(String id) {
    String plain = Text.upper(Text.halfWidth(id)).replaceAll("[^0-9X]", "");
    return plain.substring(0, 6)
        + "*".repeat(plain.length() - 10)
        + plain.substring(plain.length() - 4);
  }
}
