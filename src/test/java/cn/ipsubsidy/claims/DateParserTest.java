package cn.ipsubsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-03-01",
        "2025/3/1",
        "2025.3.1",
        "2025年3月1日",
        "2025 年 3 月 1 日",
        "20250301",
        "２０２５－０３－０１",
        "２０２５年３月１日",
        "2025-03-01 00:00:00",
        "2025/3/1 0:00:00",
        " 2025-3-1 ",
      })
  void acceptsContractForms(String text) {
    Parsed<java.time.LocalDate> p = DateParser.parseText(text);
    assertThat(p.error()).isNull();
    assertThat(p.value()).isEqualTo(LocalDate.of(2025, 3, 1));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-02-30|no such date: 2025-02-30",
        "2025/13/1|no such date: 2025-13-01",
        "20250230|no such date: 2025-02-30",
        "13/13/2025|the year comes first",
        "3/1/2025|the year comes first",
        "45717|Excel date serial number",
        "2025-03-01 14:30|without a time of day",
        "2025-3/1|not a date",
        "下周一|not a date",
        "0205-03-01|implausible year",
      })
  void rejectsWithReason(String text, String reasonEn) {
    Parsed<LocalDate> p = DateParser.parseText(text);
    assertThat(p.value()).isNull();
    assertThat(p.error().en()).contains(reasonEn);
  }

  @Test
  void chineseReasonForNoSuchDate() {
    assertThat(DateParser.parseText("2025-02-30").error().zh()).isEqualTo("日期不存在：2025-02-30");
  }

  @Test
  void dateFormattedNumbers() {
    double serial = DateUtil.getExcelDate(LocalDate.of(2025, 3, 1));
    assertThat(serial).isEqualTo(45717.0);
    assertThat(DateParser.parseNumber(serial, true, false).value())
        .isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(DateParser.parseNumber(serial - 1462, true, true).value())
        .isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(DateParser.parseNumber(serial + 0.5, true, false).error().en())
        .contains("without a time of day");
  }

  @Test
  void plainNumbersOnlyAsYyyymmdd() {
    assertThat(DateParser.parseNumber(20250301, false, false).value())
        .isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(DateParser.parseNumber(20250230, false, false).error().en())
        .isEqualTo("no such date: 2025-02-30");
    assertThat(DateParser.parseNumber(45717, false, false).error().en())
        .contains("format the cell as a date");
  }

  @Test
  void emptyIsNoValue() {
    assertThat(DateParser.parseText(" ").isEmpty()).isTrue();
  }
}
