package cn.ipsubsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The words {@code clauses}, {@code explain} and the claims template show for an amount. A stepped
 * amount's words were built twice (here and in the audit trail) and had drifted ("最高 " with a space
 * here, without in the trail); both now come from {@link ClauseText#stepped}.
 */
class ClauseTextTest {
  private static Clause clause(String code) {
    return PolicyLoader.bundled().clause(ClauseCode.of(code)).orElseThrow();
  }

  @Test
  void lyg2021Clause12bIsWrittenAsTheAuditTrailWritesIt() {
    // 连政发〔2021〕79号 第十二条: 30 items → 30,000 yuan, each further 10 → +10,000, at most 100,000
    assertThat(ClauseText.amount(clause("lyg-2021/12b").calculation()))
        .isEqualTo("≥30 → 30,000.00，每满10加10,000.00，最高100,000.00");
  }
}
