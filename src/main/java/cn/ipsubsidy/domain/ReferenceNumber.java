package cn.ipsubsidy.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 凭证号 compared in one canonical form, however the clerk typed it (clause catalog, revision 2, "one
 * number, however it is written").
 *
 * <p>The general form is Unicode NFKC (full-width → half-width), letters upper-cased and every
 * whitespace character removed: {@code tm-wk-2001}, {@code TM-WK-2001} and {@code ＴＭ－ＷＫ－２００１} are
 * one mark. A Chinese patent number — {@code ZL} or {@code CN} optional, 8 or 12 digits, an
 * optional {@code .}, the check character — is compared as {@code ZL} + digits + {@code .} + check
 * character, and its check character must match its digits (GB/T 18375, the CNIPA mod-11 rule:
 * weights 2,3,4,5,6,7,8,9 repeating over the digits, sum mod 11, 10 → X).
 *
 * <p>The patent form applies where the clause counts per patent (the caller says so) and to any
 * reference written with a {@code ZL} prefix; elsewhere only the general form, so a 13-digit
 * certificate or case number in another clause is never read as a patent.
 */
public final class ReferenceNumber {
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");
  private static final Pattern CHINESE_PATENT =
      Pattern.compile("(ZL|CN)?(\\d{8}|\\d{12})\\.?([0-9X])");

  private ReferenceNumber() {}

  /** NFKC, upper case, no whitespace. */
  public static String general(String typed) {
    if (visibleAscii(typed)) {
      // NFKC leaves every ASCII character as it is and there is no whitespace to remove: only the
      // case is left. Most references are typed so, and the engine and posting ask for each
      // several times (a million claims: millions of normalisations and regex scans saved).
      return typed.toUpperCase(Locale.ROOT);
    }
    String s = Normalizer.normalize(typed, Normalizer.Form.NFKC);
    s = WHITESPACE.matcher(s).replaceAll("");
    return s.toUpperCase(Locale.ROOT);
  }

  /** Whether every character is printable ASCII other than the space (U+0021 to U+007E). */
  private static boolean visibleAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '!' || c > '~') {
        return false;
      }
    }
    return true;
  }

  /**
   * The canonical form of one reference.
   *
   * @param perPatent whether the clause counts per patent (its references are patent numbers)
   */
  public static Canonical canonical(String typed, boolean perPatent) {
    String g = general(typed);
    if (!perPatent && !g.startsWith("ZL")) {
      return new Canonical(typed, g, null);
    }
    Matcher m = CHINESE_PATENT.matcher(g);
    if (!m.matches()) {
      return new Canonical(typed, g, null);
    }
    String digits = m.group(2);
    String check = m.group(3);
    String expected = checkCharacter(digits);
    String form = "ZL" + digits + "." + check;
    if (!expected.equals(check)) {
      return new Canonical(typed, form, expected);
    }
    return new Canonical(typed, form, null);
  }

  /** The check character of a Chinese application number's 8 or 12 digits. */
  public static String checkCharacter(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int weight = 2 + (i % 8);
      sum += (digits.charAt(i) - '0') * weight;
    }
    int r = sum % 11;
    return r == 10 ? "X" : Integer.toString(r);
  }

  /**
   * A reference as typed and as compared.
   *
   * @param expectedCheck the check character the digits call for when the typed one differs (bad
   *     data), else null
   */
  public record Canonical(String typed, String form, String expectedCheck) {
    public boolean checkFails() {
      return expectedCheck != null;
    }

    public Optional<Bilingual> problem() {
      if (expectedCheck == null) {
        return Optional.empty();
      }
      return Optional.of(
          Bilingual.of(
              "专利号“" + typed + "”校验位有误，按其数字应为 " + expectedCheck,
              "patent number \""
                  + typed
                  + "\" has a wrong check character: its digits call for "
                  + expectedCheck));
    }
  }
}
