package cn.ipsubsidy.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "=1+2",
        "+86 518",
        "-5",
        "@SUM(A1)",
        "\t=cmd",
        "\r=cmd",
        "=HYPERLINK(\"http://x\")",
        "'=already quoted once"
      })
  void dangerousTextIsPrefixedWithAQuote(String value) {
    String safe = FormulaGuard.neutralise(value);
    if (value.startsWith("'")) {
      assertThat(safe).isEqualTo(value);
    } else {
      assertThat(safe).isEqualTo("'" + value);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"LYG-001", "连云港甲公司", "10,000.00", " =not first", "a=b", "'"})
  void ordinaryTextIsUnchanged(String value) {
    assertThat(FormulaGuard.neutralise(value)).isSameAs(value);
  }

  @Test
  void nullAndEmptyStayAsTheyAre() {
    assertThat(FormulaGuard.neutralise(null)).isNull();
    assertThat(FormulaGuard.neutralise("")).isEmpty();
  }
}
