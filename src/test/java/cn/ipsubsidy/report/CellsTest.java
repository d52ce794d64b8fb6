package cn.ipsubsidy.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Column widths and wrapped lines, measured without fonts after Calibri's proportions. */
class CellsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"0", "0.5", "0.01", "9.99", "12345.6", "999999.995", "1000000", "-1234.5", "123"})
  void moneyWidthIsTheWidthOfTheDisplayedAmount(String amount) {
    BigDecimal v = new BigDecimal(amount);
    assertThat(Cells.moneyWidth(v)).isEqualTo(Cells.displayWidth(Money.format(v)));
  }

  @Test
  void widthsFollowCalibrisProportions() {
    // capitals and digits are wider than a cell of one: an 18-character credit code needs 20
    assertThat(Cells.displayWidth("91320706MA10000017")).isEqualTo(20);
    assertThat(Cells.displayWidth("连云港经济技术开发区")).isEqualTo(20);
    assertThat(Cells.displayWidth("1,000,000.00")).isEqualTo(12);
    assertThat(Cells.displayWidth("paid")).isEqualTo(4);
    assertThat(Cells.displayWidth("")).isZero();
    assertThat(Cells.displayWidth(null)).isZero();
    assertThat(Cells.displayWidth("汉".repeat(100), 60)).as("counted up to the limit").isEqualTo(60);
  }

  @Test
  void wrappedTextTakesTheLinesItNeeds() {
    assertThat(Cells.lines("核发", 30)).isEqualTo(1);
    assertThat(Cells.lines("第一行\n第二行", 30)).isEqualTo(2);
    assertThat(Cells.lines("汉".repeat(40), 30)).as("15 a line").isEqualTo(3);
    assertThat(Cells.lines("aaaa bbbb", 5)).as("a word moves whole").isEqualTo(2);
    assertThat(Cells.lines("x".repeat(70), 30)).as("a word longer than a line").isEqualTo(3);
    assertThat(Cells.lines("a" + " ".repeat(100) + "b", 30))
        .as("spaces fill one line")
        .isEqualTo(2);
  }
}
