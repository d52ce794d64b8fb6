package cn.ipsubsidy.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Column widths, measured without fonts after Calibri's proportions. */
class CellsTest {
  @Test
  void widthsFollowCalibrisProportions() {
    // capitals and digits are wider than a cell of one: an 18-character credit code needs 20
    assertThat(Cells.displayWidth("91320706MA10000017")).isEqualTo(20);
    assertThat(Cells.displayWidth("连云港经济技术开发区")).isEqualTo(20);
    assertThat(Cells.displayWidth("1,000,000.00")).isEqualTo(12);
    assertThat(Cells.displayWidth("paid")).isEqualTo(4);
    assertThat(Cells.displayWidth("")).isZero();
    assertThat(Cells.displayWidth(null)).isZero();
  }
}
