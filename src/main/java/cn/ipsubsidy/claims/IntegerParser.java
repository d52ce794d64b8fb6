package cn.ipsubsidy.claims;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Whole-number cells (数量 ≥ 1; 指标, 指标2 ≥ 0): a numeric cell with an integral value, or integer text
 * (full-width digits and proper thousands grouping allowed).
 */
public final class IntegerParser {
  private static final Pattern PLAIN = Pattern.compile("[0-9]+(\\.0*)?");
  private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}(,[0-9]{3})+(\\.0*)?");
  private static final Pattern DECIMAL = Pattern.compile("[-\u2212+]?[0-9,]*\\.[0-9]+");
  private static final Pattern NEGATIVE = Pattern.compile("[-\u2212][0-9.,]+");
  private static final Pattern CHINESE = Pattern.compile("[零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]");
  private static final double FLOAT_NOISE = 1e-9;

  private IntegerParser() {}

  /** Parses integer text at least {@code min} and at most {@code max}. */
  public static Parsed<Long> parseText(String text, long min, long max) {
    if (text == null || Text.isBlank(text)) {
      return Parsed.empty();
    }
    String shown = Text.trim(text);
    String t = Text.halfWidth(shown);
    if (PLAIN.matcher(t).matches() || GROUPED.matcher(t).matches()) {
      String digits = t.replace(",", "");
      int dot = digits.indexOf('.');
      if (dot >= 0) {
        digits = digits.substring(0, dot);
      }
      BigDecimal v = new BigDecimal(digits);
      return bounded(v, min, max, shown);
    }
    if (NEGATIVE.matcher(t).matches()) {
      return Parsed.error("不能为负数：" + shown, "must not be negative: " + shown);
    }
    if (DECIMAL.matcher(t).matches()) {
      return Parsed.error("须为整数：" + shown, "must be a whole number: " + shown);
    }
    if (CHINESE.matcher(t).find()) {
      return Parsed.error(
          "不支持中文数字，请用阿拉伯数字填写：" + shown,
          "Chinese numerals are not supported; write the number in digits: " + shown);
    }
    return Parsed.error("不是整数：" + shown, "not a whole number: " + shown);
  }

  /** Parses a numeric cell; floating-point noise (2.9999999999999996) is tolerated. */
  public static Parsed<Long> parseNumber(double value, long min, long max) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Parsed.error("不是数字", "not a number");
    }
    double r = Math.rint(value);
    String shown = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    if (value < 0 && r != 0) {
      return Parsed.error("不能为负数：" + shown, "must not be negative: " + shown);
    }
    if (Math.abs(value - r) > FLOAT_NOISE) {
      return Parsed.error("须为整数：" + shown, "must be a whole number: " + shown);
    }
    return bounded(BigDecimal.valueOf(r), min, max, shown);
  }

  private static Parsed<Long> bounded(BigDecimal v, long min, long max, String shown) {
    if (v.compareTo(BigDecimal.valueOf(min)) < 0) {
      return Parsed.error("须至少为 " + min + "：" + shown, "must be at least " + min + ": " + shown);
    }
    if (v.compareTo(BigDecimal.valueOf(max)) > 0) {
      return Parsed.error("数值过大：" + shown, "number too large: " + shown);
    }
    return Parsed.ok(v.longValueExact());
  }
}
