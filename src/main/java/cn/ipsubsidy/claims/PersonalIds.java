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
 * same and is masked too, which costs nothing. A ledger run id is left alone, so that the clerk can
 * copy it into {@code --replace} or {@code report}.
 */
public final class PersonalIds {
  private static final String DIGIT = "[0-9\uFF10-\uFF19]";
  private static final String SEP = "[ \u3000\\-]?";
  private static final String NOT_ALNUM = "[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]";

  /**
   * A ledger run id, {@code 2025Q1-20260301-143906-4689}: its date, time and a random suffix that
   * is all digits about one time in seven make 18 digits with hyphens, which is not a person.
   */
  private static final String RUN_ID_PREFIX = "[0-9]{4}Q[1-4]-";

  /** 17 digits and a digit or X, with at most one separator between characters; or 15 digits. */
  private static final Pattern ID =
      Pattern.compile(
          "(?<!"
              + NOT_ALNUM
              + ")(?<!"
              + RUN_ID_PREFIX
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
