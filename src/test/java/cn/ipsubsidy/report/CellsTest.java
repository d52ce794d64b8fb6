package cn.ipsubsidy.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.Money;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"0", "0.5", "0.01", "9.99", "12345.6", "999999.995", "1000000", "-1234.5", "123"})
  void moneyWidthIsTheLengthOfTheDisplayedAmount(String amount) {
    BigDecimal v = new BigDecimal(amount);
    assertThat(Cells.moneyWidth(v)).isEqualTo(Money.format(v).length());
  }
}
