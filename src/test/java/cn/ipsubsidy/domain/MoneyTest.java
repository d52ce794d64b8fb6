package cn.ipsubsidy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Money#format} writes exactly what DecimalFormat("#,##0.00", HALF_UP) writes. */
class MoneyTest {
  private static String reference(BigDecimal v) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(v);
  }

  @Test
  void formatsLikeDecimalFormat() {
    String[] fixed = {
      "0",
      "0.00",
      "0.001",
      "0.005",
      "0.004",
      "-0.004",
      "-0.005",
      "1",
      "12",
      "123",
      "999.995",
      "1000",
      "12345.6",
      "-1234.5",
      "100000000",
      "123456789012.345",
      "99999999999999999.99",
      "123456789012345678901234567890.125",
      "1E+3",
      "5E-3"
    };
    for (String s : fixed) {
      BigDecimal v = new BigDecimal(s);
      assertThat(Money.format(v)).as(s).isEqualTo(reference(v));
    }
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal v = BigDecimal.valueOf(rnd.nextLong(), rnd.nextInt(6));
      assertThat(Money.format(v)).as(v.toString()).isEqualTo(reference(v));
    }
  }
}
