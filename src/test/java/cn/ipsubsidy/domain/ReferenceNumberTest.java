package cn.ipsubsidy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The general form of a reference (clause catalog, revision 2, "one number, one payment"): NFKC,
 * upper case, no whitespace; plain ASCII takes a shorter way that must give the same form.
 */
class ReferenceNumberTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "zl202110123456.7|ZL202110123456.7",
        "ＺＬ２０２１１０１２３４５６．７|ZL202110123456.7", // full-width
        "'ZL 2021 1012 3456.7'|ZL202110123456.7",
        "'zl2021\t10123456.7'|ZL202110123456.7",
        "'ZL2021\u00A010123456.7'|ZL202110123456.7", // no-break space
        "'\u200BZL202110123456.7\uFEFF'|ZL202110123456.7", // zero-width and BOM
        "苏(2021)第123号|苏(2021)第123号",
        "wx-2020/11a|WX-2020/11A"
      })
  void typedFormsMeetInOneGeneralForm(String typed, String general) {
    assertThat(ReferenceNumber.general(typed)).isEqualTo(general);
  }

  /** The ASCII shortcut against the whole definition, over every visible ASCII character. */
  @Test
  void asciiReferencesGetExactlyTheFormTheWholeDefinitionGives() {
    Random random = new Random(15);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = 1 + random.nextInt(20);
      for (int i = 0; i < length; i++) {
        sb.append((char) ('!' + random.nextInt('~' - '!' + 1)));
      }
      String typed = sb.toString();
      assertThat(ReferenceNumber.general(typed)).as(typed).isEqualTo(byDefinition(typed));
    }
    for (char c = '!'; c <= '~'; c++) {
      assertThat(ReferenceNumber.general(String.valueOf(c))).isEqualTo(byDefinition("" + c));
    }
  }

  private static String byDefinition(String typed) {
    String s = Normalizer.normalize(typed, Normalizer.Form.NFKC);
    return s.replaceAll("[\\s\\p{Z}\\u200B\\uFEFF]+", "").toUpperCase(Locale.ROOT);
  }
}
