package cn.ipsubsidy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Amounts in capital numerals (会计基础工作规范 第五十二条), each worked out by hand digit by digit. Where the
 * rule lets the 零 at the 万 or 元 place be left out, the form with 零 is expected (see {@link
 * CapitalAmount}).
 */
class CapitalAmountTest {
  @ParameterizedTest(name = "{0} → {1} ({2})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          100000.00       | 人民币壹拾万元整                                 | exact 十万; 壹拾 at the head, not 拾
          10005.50        | 人民币壹万零伍元伍角整                           | run of zeros inside: one 零; 分 zero after 角: 整
          0.05            | 人民币伍分                                       | below one yuan: no 元; ends at 分: no 整
          1030.07         | 人民币壹仟零叁拾元零柒分                         | zero inside; 元 and 角 zero, 分 not
          1680.32         | 人民币壹仟陆佰捌拾元零叁角贰分                   | 元 place zero, 角 not: the form with 零
          107000.53       | 人民币壹拾万零柒仟元零伍角叁分                   | 万 place zero, 千 not: the form with 零
          1000001.00      | 人民币壹佰万零壹元整                             | zeros across the 万 boundary: one 零 after 万
          0.00            | 人民币零元整                                     | zero
          0.50            | 人民币伍角整                                     | ends at 角: 整
          200000.00       | 人民币贰拾万元整                                 | exact 二十万
          1500000.00      | 人民币壹佰伍拾万元整                             | trailing zeros of the 万 section
          100000000.00    | 人民币壹亿元整                                   | exact 亿: no 万
          100010000.00    | 人民币壹亿零壹万元整                             | zeros between 亿 and 万
          100000001.00    | 人民币壹亿零壹元整                               | a whole 万 section of zeros: one 零, no 万
          123456789.01    | 人民币壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分 | every place; 角 zero, 分 not
          10000.00        | 人民币壹万元整                                   | exact 万
          1.00            | 人民币壹元整                                     | one yuan
          10.00           | 人民币壹拾元整                                   | 壹拾 at the head
          15.00           | 人民币壹拾伍元整                                 | 壹拾伍, not 拾伍
          105.00          | 人民币壹佰零伍元整                                | one zero inside
          1001.00         | 人民币壹仟零壹元整                               | two zeros inside: one 零
          10010.00        | 人民币壹万零壹拾元整                             | zeros after 万; 元 place zero at the end: no 零
          1.05            | 人民币壹元零伍分                                 | 角 zero, 分 not
          1.50            | 人民币壹元伍角整                                 | 分 zero, 角 not
          0.55            | 人民币伍角伍分                                   | 角 and 分, no 元
          20.50           | 人民币贰拾元零伍角整                             | 元 place zero, 角 not: the form with 零
          1000.05         | 人民币壹仟元零伍分                               | a run of zeros from 佰 through 角: one 零 after 元
          110000.00       | 人民币壹拾壹万元整                               | 壹拾壹万
          1010101.01      | 人民币壹佰零壹万零壹佰零壹元零壹分               | zero after zero, in both sections and at 角
          999999999999.99 | 人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分 | the largest amount
          12.340          | 人民币壹拾贰元叁角肆分                           | a third decimal that is zero
          1E+5            | 人民币壹拾万元整                                 | scale below 0
          """)
  void writesTheAmountAsAccountingDoes(String amount, String words, String rule) {
    assertThat(CapitalAmount.of(new BigDecimal(amount))).as(rule).isEqualTo(words);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0.01", "-100.00", "12.345", "0.001", "1000000000000.00"})
  void refusesNegativeAmountsFractionsOfAFenAndAmountsAboveTheLargest(String amount) {
    assertThatThrownBy(() -> CapitalAmount.of(new BigDecimal(amount)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
