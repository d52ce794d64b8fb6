package cn.ipsubsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "12,345.60|12345.60",
        "１２３４５.６|12345.60",
        "１２，３４５．６０|12345.60",
        "¥1,000|1000.00",
        "￥1,000|1000.00",
        "¥ 1,000.5|1000.50",
        "1000元|1000.00",
        "1.5万|15000.00",
        "1.5万元|15000.00",
        "1.23456万|12345.60",
        "1,234,567.89|1234567.89",
        "0|0.00",
        "0.5|0.50",
        "1.500|1.50",
        "'  42  '|42.00",
        "1 万元|10000.00",
      })
  void acceptsContractForms(String text, String expected) {
    Parsed<BigDecimal> p = MoneyParser.parseText(text);
    assertThat(p.error()).isNull();
    assertThat(p.value()).isEqualTo(new BigDecimal(expected));
    assertThat(p.value().scale()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-5|金额不能为负数",
        "¥-5|金额不能为负数",
        "(1,000)|金额不能为负数",
        "－５|金额不能为负数",
        "0.001|最多两位小数",
        "1.2345678万|最多两位小数",
        "1.2.3|数字格式不对",
        "1e9|科学计数法",
        "1E+09|科学计数法",
        "NaN|不是数字",
        "Infinity|不是数字",
        "壹万元|中文数字",
        "一万|中文数字",
        "12,34|千分位",
        "1,0000|千分位",
        "abc|无法识别",
        "1000美元|无法识别",
      })
  void rejectsWithReason(String text, String reasonZh) {
    Parsed<BigDecimal> p = MoneyParser.parseText(text);
    assertThat(p.value()).isNull();
    assertThat(p.error()).isNotNull();
    assertThat(p.error().zh()).contains(reasonZh);
    assertThat(p.error().en()).isNotBlank();
  }

  @Test
  void englishReasonsAreConcrete() {
    assertThat(MoneyParser.parseText("-5").error().en())
        .isEqualTo("amount must not be negative: -5");
    assertThat(MoneyParser.parseText("壹万元").error().en()).contains("write the figure in digits");
  }

  @Test
  void emptyIsNoValueAndNoProblem() {
    assertThat(MoneyParser.parseText("").isEmpty()).isTrue();
    assertThat(MoneyParser.parseText("  ").isEmpty()).isTrue();
    assertThat(MoneyParser.parseText(null).isEmpty()).isTrue();
  }

  @Test
  void numbersDropOnlyFloatingNoise() {
    assertThat(MoneyParser.parseNumber(0.1 + 0.2).value()).isEqualTo(new BigDecimal("0.30"));
    assertThat(MoneyParser.parseNumber(12345.6).value()).isEqualTo(new BigDecimal("12345.60"));
    assertThat(MoneyParser.parseNumber(15000).value()).isEqualTo(new BigDecimal("15000.00"));
    assertThat(MoneyParser.parseNumber(0.001).error().zh()).contains("最多两位小数");
    assertThat(MoneyParser.parseNumber(-5).error().zh()).contains("不能为负数");
    assertThat(MoneyParser.parseNumber(Double.NaN).isError()).isTrue();
  }
}
