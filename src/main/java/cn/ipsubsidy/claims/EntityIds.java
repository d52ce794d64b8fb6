package cn.ipsubsidy.claims;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.EntityType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 主体代码: the 18-character unified social credit code (统一社会信用代码, GB 32100-2015) of an organisation,
 * or the 18-character resident ID number (居民身份证号码, GB 11643) of an individual.
 */
public final class EntityIds {
  /** GB 32100-2015 characters: digits and upper-case letters without I, O, Z, S, V. */
  public static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int[] USCC_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final int[] RESIDENT_WEIGHTS = {
    7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
  };
  private static final String RESIDENT_CHECK = "10X98765432";
  private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](\\.[0-9]+)?E\\+?[0-9]+");

  private EntityIds() {}

  /** Strips all whitespace, folds full-width forms and upper-cases. */
  public static String normalise(String raw) {
    return Text.upper(Text.halfWidth(Text.removeBlanks(raw)));
  }

  /**
   * The check character (18th) of a unified social credit code whose first 17 characters are given.
   *
   * @throws IllegalArgumentException if {@code first17} is not 17 characters of {@link
   *     #USCC_CHARSET}
   */
  public static String usccCheckChar(String first17) {
    if (first17 == null || first17.length() != 17) {
      throw new IllegalArgumentException("need 17 characters: " + first17);
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = USCC_CHARSET.indexOf(first17.charAt(i));
      if (v < 0) {
        throw new IllegalArgumentException(
            "character " + first17.charAt(i) + " at position " + (i + 1) + ": " + first17);
      }
      sum += v * USCC_WEIGHTS[i];
    }
    return String.valueOf(USCC_CHARSET.charAt((31 - sum % 31) % 31));
  }

  /**
   * The check character (18th) of a resident ID number whose first 17 digits are given.
   *
   * @throws IllegalArgumentException if {@code first17} is not 17 digits
   */
  public static char residentIdCheckChar(String first17) {
    if (first17 == null || first17.length() != 17) {
      throw new IllegalArgumentException("need 17 digits: " + first17);
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "character " + c + " at position " + (i + 1) + ": " + first17);
      }
      sum += (c - '0') * RESIDENT_WEIGHTS[i];
    }
    return RESIDENT_CHECK.charAt(sum % 11);
  }

  /** Why {@code id} (normalised) is not a valid unified social credit code, or empty if it is. */
  public static Optional<Bilingual> usccProblem(String id) {
    if (id.length() != 18) {
      return Optional.of(
          Bilingual.of(
              "统一社会信用代码应为 18 位，实为 " + id.length() + " 位",
              "a unified social credit code has 18 characters, found " + id.length()));
    }
    for (int i = 0; i < 18; i++) {
      char c = id.charAt(i);
      if (USCC_CHARSET.indexOf(c) < 0) {
        return Optional.of(
            Bilingual.of(
                "统一社会信用代码第 " + (i + 1) + " 位“" + c + "”不是有效字符（不使用 I、O、Z、S、V）",
                "character '"
                    + c
                    + "' at position "
                    + (i + 1)
                    + " is not allowed in a unified social credit code (I, O, Z, S, V are never"
                    + " used)"));
      }
    }
    String expected = usccCheckChar(id.substring(0, 17));
    if (!expected.equals(id.substring(17))) {
      return Optional.of(
          Bilingual.of(
              "统一社会信用代码校验位错误：应为 " + expected + "，实为 " + id.charAt(17),
              "wrong check character: expected " + expected + ", found " + id.charAt(17)));
    }
    return Optional.empty();
  }

  /** Why {@code id} (normalised) is not a valid resident ID number, or empty if it is. */
  public static Optional<Bilingual> residentIdProblem(String id) {
    if (id.length() != 18) {
      String zhOld = id.length() == 15 ? "（15 位旧号码请换成 18 位）" : "";
      String enOld =
          id.length() == 15 ? " (replace an old 15-digit number by the 18-digit one)" : "";
      return Optional.of(
          Bilingual.of(
              "身份证号应为 18 位，实为 " + id.length() + " 位" + zhOld,
              "a resident ID number has 18 characters, found " + id.length() + enOld));
    }
    for (int i = 0; i < 17; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.of(
            Bilingual.of(
                "身份证号第 " + (i + 1) + " 位“" + c + "”应为数字",
                "character '"
                    + c
                    + "' at position "
                    + (i + 1)
                    + " of a resident ID must be a digit"));
      }
    }
    char last = id.charAt(17);
    if (!(last >= '0' && last <= '9') && last != 'X') {
      return Optional.of(
          Bilingual.of(
              "身份证号第 18 位“" + last + "”应为数字或 X",
              "the last character of a resident ID must be a digit or X, found '" + last + "'"));
    }
    String birth = id.substring(6, 14);
    try {
      LocalDate.of(
          Integer.parseInt(birth.substring(0, 4)),
          Integer.parseInt(birth.substring(4, 6)),
          Integer.parseInt(birth.substring(6, 8)));
    } catch (DateTimeException e) {
      return Optional.of(
          Bilingual.of(
              "身份证号中的出生日期不存在：" + birth,
              "the birth date in the resident ID does not exist: " + birth));
    }
    char expected = residentIdCheckChar(id.substring(0, 17));
    if (expected != last) {
      return Optional.of(
          Bilingual.of(
              "身份证号校验位错误：应为 " + expected + "，实为 " + last,
              "wrong check digit: expected " + expected + ", found " + last));
    }
    return Optional.empty();
  }

  /**
   * Normalises and checks a 主体代码 text for the given 主体类型: a resident ID for {@link
   * EntityType#INDIVIDUAL}, a unified social credit code for every other type; either when the type
   * is unknown (null).
   */
  public static Parsed<String> parse(String raw, EntityType typeOrNull) {
    if (raw == null || Text.isBlank(raw)) {
      return Parsed.empty();
    }
    String id = normalise(raw);
    if (SCIENTIFIC.matcher(id).matches()) {
      return Parsed.error(
          "号码被 Excel 改成了科学计数法，请把该列设为文本后重新输入",
          "Excel turned the number into scientific notation; format the column as text and"
              + " re-enter the ID");
    }
    Optional<Bilingual> asUscc = usccProblem(id);
    Optional<Bilingual> asResident = residentIdProblem(id);
    if (typeOrNull == EntityType.INDIVIDUAL) {
      if (asResident.isEmpty()) {
        return Parsed.ok(id);
      }
      if (asUscc.isEmpty()) {
        return Parsed.error(
            "个人应填 18 位身份证号，这是统一社会信用代码",
            "an individual needs a resident ID number; this is a unified social credit code");
      }
      return Parsed.error(asResident.get());
    }
    if (typeOrNull != null) {
      if (asUscc.isEmpty()) {
        return Parsed.ok(id);
      }
      if (asResident.isEmpty()) {
        return Parsed.error(
            "单位应填统一社会信用代码，这是身份证号",
            "an organisation needs a unified social credit code; this is a resident ID number");
      }
      return Parsed.error(asUscc.get());
    }
    if (asUscc.isEmpty() || asResident.isEmpty()) {
      return Parsed.ok(id);
    }
    return Parsed.error(
        "既不是有效的统一社会信用代码，也不是有效的身份证号（" + asUscc.get().zh() + "）",
        "neither a valid unified social credit code nor a valid resident ID ("
            + asUscc.get().en()
            + ")");
  }
}
