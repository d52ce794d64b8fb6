package cn.ipsubsidy.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of yuan written in capital numerals (大写), as Chinese accounting writes it on a payment
 * document: {@code 100,000.00} is 人民币壹拾万元整, {@code 1,030.07} 人民币壹仟零叁拾元零柒分.
 *
 * <p>The rules are those of 会计基础工作规范 第五十二条: the digits 零壹贰叁肆伍陆柒捌玖, the units 拾佰仟万亿 and 元角分, the
 * prefix 人民币; 整 after an amount that ends at 元 or at 角, none after one that ends at 分. A 拾 at the
 * head of the amount is written 壹拾 (壹拾万, not 拾万), as accounting does, so that no digit can be put
 * before it. An amount below one yuan has no 元 part (0.05 is 人民币伍分); zero is 人民币零元整.
 *
 * <p>Zeros: 第五十二条 says "阿拉伯金额数字中间有'0'时，汉字大写金额要写'零'字；阿拉伯数字金额中间连续有几个'0'时，
 * 汉字大写金额中可以只写一个'零'字；阿拉伯金额数字万位或元位是'0'，或者数字中间连续有几个'0'，万位、元位也是'0'，但千位、角位不是'0'时，
 * 汉字大写金额可以只写一个零字，也可以不写'零'字". This class writes one 零 for every zero, or run of zeros, that stands
 * between two non-zero digits, the 元/角 boundary included, and none for zeros at the end. Where the
 * rule leaves the choice (a zero at the 万 or 元 place before a non-zero 千 or 角), it always takes the
 * form <em>with</em> 零: 1,680.32 is 壹仟陆佰捌拾元零叁角贰分 and 107,000.53 壹拾万零柒仟元零伍角叁分. That is one rule with
 * no exception, so every amount is written the same way, and it is the form that leaves no gap
 * where a digit could be added; both forms are lawful. The 零 stands after the unit of the section
 * it follows (万, 亿, 元): 1,000,001.00 is 壹佰万零壹元整, 100,010,000.00 壹亿零壹万元整, 1,000.05 壹仟元零伍分.
 *
 * <p>Accepted: 0 to 999,999,999,999.99 (up to 仟亿), with at most two decimals that are not zero
 * (12.340 is 12.34; 12.345 is refused, not rounded: an amount in words must be the amount).
 * Negative amounts are refused too: a payout is never negative and 第五十二条 has no form for one. Pure:
 * no I/O.
 */
public final class CapitalAmount {
  private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";

  /** Units of the places within a section of four digits, from the lowest. */
  private static final String[] PLACES = {"", "拾", "佰", "仟"};

  /** Units of the sections of four digits, from the lowest: 元 is written after all of them. */
  private static final String[] SECTIONS = {"", "万", "亿"};

  /** The largest amount written: 9,999 亿 and the rest. */
  public static final BigDecimal MAX = new BigDecimal("999999999999.99");

  private CapitalAmount() {}

  /**
   * {@code yuan} in capital numerals, e.g. 人民币壹万零伍元伍角整 for 10,005.50.
   *
   * @throws IllegalArgumentException when the amount is negative, above {@link #MAX}, or has a
   *     non-zero digit beyond the fen
   */
  public static String of(BigDecimal yuan) {
    Objects.requireNonNull(yuan, "yuan");
    if (yuan.signum() < 0) {
      throw new IllegalArgumentException("negative amount has no capital form: " + yuan);
    }
    if (yuan.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("amount above " + MAX + ": " + yuan);
    }
    long fen;
    try {
      fen = yuan.movePointRight(Money.SCALE).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount with more than two decimals: " + yuan, e);
    }
    if (fen == 0) {
      return "人民币零元整";
    }
    Words w = new Words();
    long whole = fen / 100;
    for (int s = SECTIONS.length - 1; s >= 0; s--) {
      int section = (int) (whole / pow10(4 * s) % 10_000);
      for (int p = PLACES.length - 1; p >= 0; p--) {
        w.digit((int) (section / pow10(p) % 10), PLACES[p]);
      }
      if (section != 0) {
        w.sb.append(SECTIONS[s]);
      }
    }
    if (whole != 0) {
      w.sb.append('元');
    }
    int jiao = (int) (fen / 10 % 10);
    int fenDigit = (int) (fen % 10);
    w.digit(jiao, "角");
    w.digit(fenDigit, "分");
    return fenDigit == 0 ? w.sb.append('整').toString() : w.sb.toString();
  }

  /** The words so far, and whether a zero waits for the next non-zero digit to write its 零. */
  private static final class Words {
    final StringBuilder sb = new StringBuilder("人民币");
    private boolean started;
    private boolean zero;

    void digit(int d, String unit) {
      if (d == 0) {
        zero |= started; // zeros before the first digit are not written
        return;
      }
      if (zero) {
        sb.append('零'); // one 零 for a run of zeros
        zero = false;
      }
      sb.append(DIGITS.charAt(d)).append(unit);
      started = true;
    }
  }

  private static long pow10(int n) {
    long v = 1;
    for (int i = 0; i < n; i++) {
      v *= 10;
    }
    return v;
  }
}
