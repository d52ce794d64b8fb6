package cn.ipsubsidy.report;

/**
 * Keeps text that came from a claims file (or anywhere else) from being run as a formula when a
 * clerk opens or re-imports the payout workbook or the audit CSV (OWASP "CSV injection"): a value
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is
 * prefixed with a single quote. Applied to every text cell written; numbers are written as numbers
 * and never pass through here.
 */
public final class FormulaGuard {
  private FormulaGuard() {}

  /** The value as it may be written safely; null stays null (an empty cell). */
  public static String neutralise(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return isDangerous(value.charAt(0)) ? "'" + value : value;
  }

  /** Whether a cell starting with {@code c} could be taken for a formula. */
  static boolean isDangerous(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
