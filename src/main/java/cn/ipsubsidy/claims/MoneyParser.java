package cn.ipsubsidy.claims;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money cells (计算基数, 扣除金额, 发生费用, 核定金额): a number, or text such as {@code 12,345.60}, {@code
 * １２３４５.６}, {@code ¥1,000}, {@code ￥1,000}, {@code 1000元}, {@code 1.5万} or {@code 1.5万元}. The
 * result has scale 2; an empty cell gives an empty result.
 */
public final class MoneyParser {
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
  private static final BigDecimal FLOAT_NOISE = new BigDecimal("1e-9");

  /** Chinese numerals, capital (壹万元) and plain (一万); 万 and 元 are allowed as units. */
  private static final Pattern CHINESE_NUMERALS =
      Pattern.compile("[零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億亿圆圓角整一二两三四五六七八九十百千]");

  private static final Pattern FORM =
      Pattern.compile(
          "(?<sign1>[-\u2212])?\\s*(?<cur>[\u00A5])?\\s*(?<sign2>[-\u2212])?\\s*"
              + "(?<num>[0-9.,]+)\\s*(?<wan>万)?\\s*(?<yuan>元)?");

  private static final Pattern SCIENTIFIC = Pattern.compile(".*[0-9][eE][-+]?[0-9].*");
  private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}(,[0-9]{3})+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]*");

  private MoneyParser() {}

  /** Parses the text of a text cell (or a CSV field). */
  public static Parsed<BigDecimal> parseText(String text) {
    if (text == null || Text.isBlank(text)) {
      return Parsed.empty();
    }
    String shown = Text.trim(text);
    String t = Text.halfWidth(shown);
    if (CHINESE_NUMERALS.matcher(t).find()) {
      return Parsed.error(
          "不支持中文数字金额，请用阿拉伯数字填写：" + shown,
          "Chinese numerals are not supported; write the figure in digits: " + shown);
    }
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("nan") || lower.contains("inf") || t.contains("∞")) {
      return Parsed.error("不是数字：" + shown, "not a number: " + shown);
    }
    if (SCIENTIFIC.matcher(t).matches()) {
      return Parsed.error(
          "不接受科学计数法，请写出完整金额：" + shown,
          "scientific notation is not accepted; write the full amount: " + shown);
    }
    if ((t.startsWith("(") && t.endsWith(")")) || (t.startsWith("（") && t.endsWith("）"))) {
      return Parsed.error("金额不能为负数：" + shown, "amount must not be negative: " + shown);
    }
    Matcher m = FORM.matcher(t);
    if (!m.matches()) {
      return Parsed.error(
          "无法识别的金额：" + shown + "（应如 12,345.60、¥1,000、1.5万元）",
          "not an amount: " + shown + " (write e.g. 12,345.60, ¥1,000 or 1.5万元)");
    }
    String num = m.group("num");
    int dot = num.indexOf('.');
    if (dot >= 0 && num.indexOf('.', dot + 1) >= 0) {
      return Parsed.error("数字格式不对：" + shown, "malformed number: " + shown);
    }
    String intPart = dot < 0 ? num : num.substring(0, dot);
    String fracPart = dot < 0 ? "" : num.substring(dot + 1);
    if (!DIGITS.matcher(fracPart).matches()
        || (intPart.contains(",") && !GROUPED.matcher(intPart).matches())) {
      return Parsed.error("千分位逗号位置不对：" + shown, "misplaced thousands separator: " + shown);
    }
    intPart = intPart.replace(",", "");
    if (intPart.isEmpty() && fracPart.isEmpty()) {
      return Parsed.error("无法识别的金额：" + shown, "not an amount: " + shown);
    }
    if (m.group("sign1") != null || m.group("sign2") != null) {
      return Parsed.error("金额不能为负数：" + shown, "amount must not be negative: " + shown);
    }
    BigDecimal value =
        new BigDecimal(
            (intPart.isEmpty() ? "0" : intPart) + "." + (fracPart.isEmpty() ? "0" : fracPart));
    if (m.group("wan") != null) {
      value = value.multiply(TEN_THOUSAND);
    }
    return fen(value, shown);
  }

  /**
   * Parses a numeric cell. Floating-point noise beyond the fen (0.30000000000000004) is dropped.
   */
  public static Parsed<BigDecimal> parseNumber(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Parsed.error("不是数字", "not a number");
    }
    BigDecimal v = BigDecimal.valueOf(value);
    if (v.signum() < 0) {
      return Parsed.error(
          "金额不能为负数：" + v.toPlainString(), "amount must not be negative: " + v.toPlainString());
    }
    if (v.scale() > 2) {
      BigDecimal rounded = v.setScale(2, RoundingMode.HALF_UP);
      if (v.subtract(rounded).abs().compareTo(FLOAT_NOISE) <= 0) {
        return Parsed.ok(rounded);
      }
    }
    return fen(v, v.toPlainString());
  }

  private static Parsed<BigDecimal> fen(BigDecimal value, String shown) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > 2) {
      return Parsed.error(
          "金额最多两位小数（到分）：" + shown, "an amount has at most two decimals (fen): " + shown);
    }
    return Parsed.ok(value.setScale(2, RoundingMode.UNNECESSARY));
  }
}
