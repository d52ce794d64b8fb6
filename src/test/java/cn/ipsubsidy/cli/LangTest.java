package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which language a command line runs in: --lang, else IPSUBSIDY_LANG, else the locale. */
class LangTest {
  private static Lang choose(String env, Locale locale, String... args) {
    return Lang.choose(args, env, locale);
  }

  @Test
  void theLocaleDecidesWhenNothingElseDoes() {
    assertThat(choose(null, Locale.SIMPLIFIED_CHINESE, "calc")).isEqualTo(Lang.ZH);
    assertThat(choose(null, Locale.TRADITIONAL_CHINESE)).isEqualTo(Lang.ZH);
    assertThat(choose(null, Locale.CHINESE)).isEqualTo(Lang.ZH);
    assertThat(choose(null, Locale.US)).isEqualTo(Lang.EN);
    assertThat(choose(null, Locale.FRANCE)).isEqualTo(Lang.EN);
    assertThat(choose(null, Locale.ROOT)).isEqualTo(Lang.EN);
  }

  @Test
  void theEnvironmentOverridesTheLocale() {
    assertThat(choose("zh", Locale.US)).isEqualTo(Lang.ZH);
    assertThat(choose("zh_CN.UTF-8", Locale.US)).isEqualTo(Lang.ZH);
    assertThat(choose("EN", Locale.CHINA)).isEqualTo(Lang.EN);
    assertThat(choose("en-GB", Locale.CHINA)).isEqualTo(Lang.EN);
    // a value that is neither is no choice
    assertThat(choose("fr", Locale.CHINA)).isEqualTo(Lang.ZH);
    assertThat(choose("", Locale.US)).isEqualTo(Lang.EN);
  }

  @Test
  void theCommandLineOverridesBoth() {
    assertThat(choose("zh", Locale.CHINA, "--lang", "en", "calc")).isEqualTo(Lang.EN);
    assertThat(choose("en", Locale.US, "calc", "x.xlsx", "--lang", "zh")).isEqualTo(Lang.ZH);
    assertThat(choose("en", Locale.US, "calc", "--lang=zh")).isEqualTo(Lang.ZH);
    assertThat(choose(null, Locale.US, "--lang", "en", "calc", "--lang", "zh")).isEqualTo(Lang.ZH);
    // after --, "--lang" is a file name; an unknown value is left for picocli to refuse
    assertThat(choose(null, Locale.US, "calc", "--", "--lang", "zh")).isEqualTo(Lang.EN);
    assertThat(choose("zh", Locale.US, "calc", "--lang", "fr")).isEqualTo(Lang.ZH);
    assertThat(choose(null, Locale.US, "calc", "--lang")).isEqualTo(Lang.EN);
  }

  @ParameterizedTest
  @CsvSource({"zh, ZH", "ZH, ZH", "zh_CN, ZH", "zh-Hans-CN, ZH", "en, EN", "en_US.UTF-8, EN"})
  void languagesAsPeopleWriteThem(String text, Lang lang) {
    assertThat(Lang.parse(text)).contains(lang);
  }

  @ParameterizedTest
  @CsvSource({"fr", "chinese", "z", "''", "' '"})
  void notALanguage(String text) {
    assertThat(Lang.parse(text)).isEmpty();
  }
}
