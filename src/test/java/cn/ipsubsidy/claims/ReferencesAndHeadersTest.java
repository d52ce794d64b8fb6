package cn.ipsubsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferencesAndHeadersTest {

  @Test
  void splitsOnEverySeparator() {
    assertThat(References.split("A1; A2；A3, A4，A5\nA6\r\nA7 ;; "))
        .containsExactly("A1", "A2", "A3", "A4", "A5", "A6", "A7");
    assertThat(References.split("  ")).isEmpty();
    assertThat(References.split(null)).isEmpty();
  }

  @Test
  void findsDuplicates() {
    assertThat(References.duplicates(References.split("ZL1; zl1; ZL2"))).containsExactly("ZL1");
    assertThat(References.duplicates(References.split("ZL1; ZL2"))).isEmpty();
  }

  @Test
  void headersMatchLeniently() {
    assertThat(HeaderNames.match("申报编号")).contains(ClaimColumn.CLAIM_ID);
    assertThat(HeaderNames.match(" 申报 编号 ")).contains(ClaimColumn.CLAIM_ID);
    assertThat(HeaderNames.match("*申报编号")).contains(ClaimColumn.CLAIM_ID);
    assertThat(HeaderNames.match("申报编号*")).contains(ClaimColumn.CLAIM_ID);
    assertThat(HeaderNames.match("计算基数（元）")).contains(ClaimColumn.BASIS);
    assertThat(HeaderNames.match("计算基数(元)*")).contains(ClaimColumn.BASIS);
    assertThat(HeaderNames.match("Basis (yuan)")).contains(ClaimColumn.BASIS);
    assertThat(HeaderNames.match("指标２")).contains(ClaimColumn.METRIC2);
    assertThat(HeaderNames.match("指标")).contains(ClaimColumn.METRIC);
    assertThat(HeaderNames.match("CLAIM_ID")).contains(ClaimColumn.CLAIM_ID);
    assertThat(HeaderNames.match("Claim ID")).contains(ClaimColumn.CLAIM_ID);
    assertThat(HeaderNames.match("ｅｎｔｉｔｙ＿ｉｄ")).contains(ClaimColumn.ENTITY_ID);
    assertThat(HeaderNames.match("计算基数\n（元）")).contains(ClaimColumn.BASIS);
    assertThat(HeaderNames.match("序号")).isEmpty();
    assertThat(HeaderNames.match("")).isEmpty();
  }
}
