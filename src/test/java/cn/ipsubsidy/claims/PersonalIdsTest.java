package cn.ipsubsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalIdsTest {
  static final String ID = Fixtures.residentId("32070619800101123"); // 320706198001011236

  @Test
  void keepsTheDistrictAndTheLastFour() {
    assertThat(ID).isEqualTo("320706198001011236");
    assertThat(PersonalIds.mask(ID)).isEqualTo("320706********1236");
    assertThat(PersonalIds.mask("主体代码「" + ID + "」: 身份证号校验位错误"))
        .isEqualTo("主体代码「320706********1236」: 身份证号校验位错误");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "32070619800101123x | 320706********123X",
        "32070619800101123X | 320706********123X",
        "３２０７０６１９８００１０１１２３８ | 320706********1238",
        "320706 19800101 1238 | 320706********1238",
        "320706-19800101-1238 | 320706********1238",
        "/tmp/a/320706198001011238.xlsx | /tmp/a/320706********1238.xlsx",
        "320706198001011239 (wrong check digit) | 320706********1239 (wrong check digit)",
        "old 320706800101123 id | old 320706*****1123 id",
        "two: 320706198001011238,320706198001011238 | "
            + "two: 320706********1238,320706********1238",
      })
  void masksEveryFormAClerkTypes(String text, String masked) {
    assertThat(PersonalIds.mask(text)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "91320706MA1000001X", // a unified social credit code with letters is not personal
        "ZL202310000001.1", // a patent number
        "2025Q1-20261122T035405-5a5b28", // a run id
        "2024Q4-20261122-143906-4689", // a run id whose random suffix is all digits
        "ledger run 2024Q4-20261122-143906-4689: posted", // the same, inside a line
        "13800138000", // 11 digits
        "1234567890123456", // 16 digits
        "12345678901234567", // 17 digits
        "1234567890123456789", // 19 digits
        "a320706198001011238", // part of a longer token
        "3207061980010112380",
        "sha256 4f2a320706198001011238ab",
      })
  void leavesOtherNumbersAlone(String text) {
    assertThat(PersonalIds.mask(text)).isEqualTo(text);
  }

  @Test
  void nullAndShortTextPassThrough() {
    assertThat(PersonalIds.mask(null)).isNull();
    assertThat(PersonalIds.mask("")).isEmpty();
    assertThat(PersonalIds.mask("A-1")).isEqualTo("A-1");
  }
}
