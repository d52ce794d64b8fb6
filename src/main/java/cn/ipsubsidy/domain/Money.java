package cn.ipsubsidy.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money is yuan as {@link BigDecimal} with two decimals (fen). Every percentage result is rounded
 * half-up to the fen at the step where it is made (clause catalog, "Money").
 */
public final class Money {
  public static final int SCALE = 2;
  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
  public static final BigDecimal FEN = new BigDecimal("0.01");

  /** DecimalFormat is costly to build and not thread-safe: one per thread, reused. */
  private static final ThreadLocal<DecimalFormat> DISPLAY =
      ThreadLocal.withInitial(
          () -> {
            DecimalFormat f =
                new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
            f.setRoundingMode(RoundingMode.HALF_UP);
            return f;
          });

  private Money() {}

  /** Rounds half-up to the fen. */
  public static BigDecimal fen(BigDecimal amount) {
    return amount.setScale(SCALE, RoundingMode.HALF_UP);
  }

  public static BigDecimal of(String plain) {
    return fen(new BigDecimal(plain));
  }

  public static BigDecimal of(long yuan) {
    return fen(BigDecimal.valueOf(yuan));
  }

  public static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public static boolean isPositive(BigDecimal amount) {
    return amount != null && amount.compareTo(FEN) >= 0;
  }

  /** "12,345.60": the display form used in explanations and the audit trail. */
  public static String format(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    BigDecimal fen = amount.setScale(SCALE, RoundingMode.HALF_UP);
    if (fen.precision() > 18 || (amount.signum() < 0 && fen.signum() == 0)) {
      return DISPLAY.get().format(amount);
    }
    // the same text as DecimalFormat("#,##0.00", HALF_UP), without its cost (a million claims
    // format tens of millions of amounts into their trace)
    long unscaled = fen.unscaledValue().longValue();
    long abs = Math.abs(unscaled);
    String digits = Long.toString(abs / 100);
    StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3 + 4);
    if (unscaled < 0) {
      sb.append('-');
    }
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    sb.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      sb.append(',').append(digits, i, i + 3);
    }
    long cents = abs % 100;
    return sb.append('.')
        .append((char) ('0' + cents / 10))
        .append((char) ('0' + cents % 10))
        .toString();
  }

  /** "12345.60": the plain form, parseable again, used in CSV and YAML. */
  public static String plain(BigDecimal amount) {
    return amount == null ? "" : fen(amount).toPlainString();
  }
}
