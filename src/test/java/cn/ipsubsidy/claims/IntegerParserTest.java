package cn.ipsubsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntegerParserTest {

  @Test
  void acceptsIntegers() {
    assertThat(IntegerParser.parseText("3", 1, 100).value()).isEqualTo(3L);
    assertThat(IntegerParser.parseText("１２", 1, 100).value()).isEqualTo(12L);
    assertThat(IntegerParser.parseText("1,200", 0, 10_000).value()).isEqualTo(1200L);
    assertThat(IntegerParser.parseText("2.0", 1, 100).value()).isEqualTo(2L);
    assertThat(IntegerParser.parseText("0", 0, 100).value()).isEqualTo(0L);
    assertThat(IntegerParser.parseNumber(4.0, 1, 100).value()).isEqualTo(4L);
    assertThat(IntegerParser.parseNumber(0.1 * 30, 1, 100).value()).isEqualTo(3L);
  }

  @Test
  void rejectsWithReasons() {
    assertThat(IntegerParser.parseText("1.5", 1, 100).error().en())
        .isEqualTo("must be a whole number: 1.5");
    assertThat(IntegerParser.parseText("0", 1, 100).error().en())
        .isEqualTo("must be at least 1: 0");
    assertThat(IntegerParser.parseText("-1", 0, 100).error().en())
        .isEqualTo("must not be negative: -1");
    assertThat(IntegerParser.parseText("三", 1, 100).error().en()).contains("digits");
    assertThat(IntegerParser.parseText("abc", 1, 100).error().en()).contains("not a whole number");
    assertThat(IntegerParser.parseText("12,34", 1, 10_000).isError()).isTrue();
    assertThat(IntegerParser.parseNumber(1.5, 1, 100).error().zh()).isEqualTo("须为整数：1.5");
    assertThat(IntegerParser.parseNumber(0, 1, 100).error().zh()).isEqualTo("须至少为 1：0");
    assertThat(IntegerParser.parseNumber(-1, 0, 100).error().zh()).isEqualTo("不能为负数：-1");
    assertThat(IntegerParser.parseNumber(3e9, 1, Integer.MAX_VALUE).error().en())
        .contains("too large");
  }
}
