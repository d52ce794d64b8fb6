package cn.ipsubsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.ipsubsidy.domain.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Broken policy files: every problem is a PolicyException naming the file and the line. */
class PolicyLoaderErrorsTest {
  private static final String FILE = "t-2021.yaml";

  /** A small valid policy file; the line numbers below refer to it. */
  private static final String BASE =
      """
      id: t-2021
      number: 测政发〔2021〕1号
      title: 测试政策
      issuer: 测试市人民政府
      issued: 2021-09-29
      in_force:
        from: 2021-09-29
        to:
        quote: 本文件自印发之日起实施。
      source_text: test.txt
      jurisdiction:
        id: test
        city: 测试市
        districts: [甲区, 乙区]
      overlap_rule: ''
      readings: []
      clauses:
        - code: 2a
          name: 测试条款
          article: 第二条
          quote: 每件给予1万元奖励。
          kind: fixed
          amount: 10000
      """;

  private static PolicyException error(String yaml) {
    PolicyException e =
        catchThrowableOfType(PolicyException.class, () -> PolicyLoader.load(FILE, yaml));
    assertThat(e).as("expected a PolicyException").isNotNull();
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.getMessage()).startsWith(FILE + ":" + e.line() + ": ").contains(" / ");
    return e;
  }

  private static String replace(String from, String to) {
    assertThat(BASE).contains(from);
    return BASE.replace(from, to);
  }

  /** The base file with lines appended to its clause (each line indented as written). */
  private static String withClause(String... lines) {
    return BASE + String.join("\n", lines) + "\n";
  }

  @Test
  void theBaseFileLoads() {
    PolicyDocument d = PolicyLoader.load(FILE, BASE);
    assertThat(d.id()).isEqualTo("t-2021");
    assertThat(d.fileName()).isEqualTo(FILE);
    assertThat(d.sha256()).hasSize(64);
    assertThat(d.overlapRule()).isEmpty();
    Clause c = d.clause("2a").orElseThrow();
    assertThat(c.code()).isEqualTo(ClauseCode.of("t-2021/2a"));
    assertThat(c.calculation()).isEqualTo(new Calculation.Fixed(Money.of(10000)));
    assertThat(c.eligibility()).isEqualTo(Eligibility.ANYONE);
    assertThat(c.caps()).isEqualTo(Caps.NONE);
    assertThat(c.modifiers()).isEqualTo(ClauseModifiers.NONE);
    assertThat(c.references())
        .isEqualTo(new ReferenceRule(ReferenceRule.Mode.UNIQUE, "t-2021/2a", false));
    assertThat(c.readings()).isEmpty();
    assertThat(c.overrides()).isEmpty();
  }

  @Test
  void yamlSyntaxErrorNamesTheLine() {
    PolicyException e = error(replace("  city: 测试市", "  city: [测试市"));
    assertThat(e.line()).isBetween(13, 14);
    assertThat(e.getMessage()).contains("YAML");
  }

  @Test
  void emptyFile() {
    assertThat(error("").line()).isEqualTo(1);
    assertThat(error("# only a comment\n").getMessage()).contains("empty");
  }

  @Test
  void unknownKey() {
    PolicyException e = error(replace("title: 测试政策", "titel: 测试政策"));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("titel");
  }

  @Test
  void unknownKeyForTheKind() {
    PolicyException e = error(replace("    amount: 10000", "    amount: 10000\n    max: 5"));
    assertThat(e.line()).isEqualTo(24);
    assertThat(e.getMessage()).contains("'max'");
  }

  @Test
  void missingRequiredKey() {
    PolicyException e = error(replace("issuer: 测试市人民政府\n", ""));
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("issuer");
    PolicyException q = error(replace("    quote: 每件给予1万元奖励。\n", ""));
    assertThat(q.line()).isEqualTo(18);
    assertThat(q.getMessage()).contains("quote");
    PolicyException k = error(replace("    kind: fixed\n", ""));
    assertThat(k.line()).isEqualTo(18);
    assertThat(k.getMessage()).contains("kind");
  }

  @Test
  void duplicateKey() {
    PolicyException e = error(replace("title: 测试政策", "title: 测试政策\ntitle: 另一个"));
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage()).contains("duplicate key 'title'");
  }

  @Test
  void wrongTypes() {
    assertThat(error(replace("  districts: [甲区, 乙区]", "  districts: 甲区")).line()).isEqualTo(14);
    assertThat(error(replace("overlap_rule: ''", "overlap_rule: [a]")).line()).isEqualTo(15);
    assertThat(error(replace("    amount: 10000", "    amount: [10000]")).line()).isEqualTo(23);
    PolicyException e = error(replace("    amount: 10000", "    amount: 1万"));
    assertThat(e.line()).isEqualTo(23);
    assertThat(e.getMessage()).contains("amount");
    assertThat(error(replace("    amount: 10000", "    amount: 10000.005")).line()).isEqualTo(23);
    assertThat(error(BASE.substring(0, BASE.indexOf("clauses:")) + "clauses: {}\n").line())
        .isEqualTo(17);
  }

  @Test
  void unknownKind() {
    PolicyException e = error(replace("    kind: fixed", "    kind: fixd"));
    assertThat(e.line()).isEqualTo(22);
    assertThat(e.getMessage()).contains("unknown kind 'fixd'");
  }

  @Test
  void unknownEntityTypeAndLevel() {
    PolicyException t = error(withClause("    eligibility:", "      entity_types: [公司]"));
    assertThat(t.line()).isEqualTo(25);
    assertThat(t.getMessage()).contains("公司");
    PolicyException l = error(replace("    amount: 10000", "    amounts: {国家: 1, 区: 2}"));
    assertThat(l.line()).isEqualTo(23);
    assertThat(l.getMessage()).contains("unknown level '区'");
  }

  @Test
  void negativeAmount() {
    PolicyException e = error(replace("    amount: 10000", "    amount: -10000"));
    assertThat(e.line()).isEqualTo(23);
    assertThat(e.getMessage()).contains("negative");
  }

  @Test
  void rateOutsideZeroToOne() {
    String percent = "    kind: percent\n    rate: RATE\n    basis: 费用";
    for (String rate : List.of("1.5", "0", "-0.5", "50%")) {
      PolicyException e =
          error(replace("    kind: fixed\n    amount: 10000", percent.replace("RATE", rate)));
      assertThat(e.line()).as(rate).isEqualTo(23);
      assertThat(e.getMessage()).contains("rate");
    }
    assertThat(
            PolicyLoader.load(
                    FILE,
                    replace("    kind: fixed\n    amount: 10000", percent.replace("RATE", "1")))
                .clauses())
        .hasSize(1);
  }

  @Test
  void tiersNotAscending() {
    String tiers =
        """
            kind: tiered
            tiers:
              - {metric: 600, metric2: 400, amount: 100000}
              - {metric: 300, metric2: 200, amount: 50000}
        """;
    PolicyException e = error(replace("    kind: fixed\n    amount: 10000\n", tiers));
    assertThat(e.line()).isEqualTo(25);
    assertThat(e.getMessage()).contains("ascend");
    String amountsDown =
        """
            kind: tiered
            tiers:
              - {metric: 300, amount: 100000}
              - {metric: 600, amount: 50000}
        """;
    assertThat(error(replace("    kind: fixed\n    amount: 10000\n", amountsDown)).line())
        .isEqualTo(25);
  }

  @Test
  void duplicateClauseCode() {
    PolicyException e =
        error(
            withClause(
                "  - code: 2a",
                "    name: 又一条",
                "    article: 第二条",
                "    quote: 又一句。",
                "    kind: fixed",
                "    amount: 1"));
    assertThat(e.line()).isEqualTo(24);
    assertThat(e.getMessage()).contains("duplicate clause code t-2021/2a");
  }

  @Test
  void datesMustBeIso() {
    PolicyException e = error(replace("issued: 2021-09-29", "issued: 2021/9/29"));
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.getMessage()).contains("ISO");
    assertThat(error(replace("  from: 2021-09-29", "  from: 2021-02-30")).line()).isEqualTo(7);
    PolicyException order = error(replace("  to:\n", "  to: 2020-01-01\n"));
    assertThat(order.line()).isEqualTo(8);
  }

  @Test
  void articleMustMatchTheCode() {
    PolicyException e = error(replace("    article: 第二条", "    article: 第三条"));
    assertThat(e.line()).isEqualTo(20);
    assertThat(e.getMessage()).contains("第2条", "2a");
    assertThat(error(replace("    article: 第二条", "    article: 第2条")).line()).isEqualTo(20);
  }

  @Test
  void chineseNumerals() {
    assertThat(PolicyLoader.chineseNumber("一")).isEqualTo(1);
    assertThat(PolicyLoader.chineseNumber("十")).isEqualTo(10);
    assertThat(PolicyLoader.chineseNumber("十六")).isEqualTo(16);
    assertThat(PolicyLoader.chineseNumber("二十")).isEqualTo(20);
    assertThat(PolicyLoader.chineseNumber("九十九")).isEqualTo(99);
    assertThat(PolicyLoader.chineseNumber("十十")).isEqualTo(-1);
    assertThat(PolicyLoader.chineseNumber("一二")).isEqualTo(-1);
    assertThat(PolicyLoader.chineseNumber("二十十")).isEqualTo(-1);
  }

  @Test
  void badClauseCodeAndNumber() {
    assertThat(error(replace("  - code: 2a", "  - code: 2A")).line()).isEqualTo(18);
    assertThat(error(replace("number: 测政发〔2021〕1号", "number: 测政发[2021]1号")).line()).isEqualTo(2);
    assertThat(error(replace("id: t-2021", "id: T2021")).line()).isEqualTo(1);
  }

  @Test
  void groupsStayWithinThePolicy() {
    PolicyException e =
        error(withClause("    caps:", "      annual: {amount: 30000, group: lyg-2021/2a}"));
    assertThat(e.line()).isEqualTo(25);
    assertThat(e.getMessage()).contains("group");
  }

  @Test
  void lifetimeCapNeedsProjectReferences() {
    PolicyException e = error(withClause("    caps:", "      lifetime: {amount: 500000}"));
    assertThat(e.line()).isEqualTo(24);
    assertThat(e.getMessage()).contains("references: project");
    PolicyDocument ok =
        PolicyLoader.load(
            FILE,
            withClause("    caps:", "      lifetime: {amount: 500000}", "    references: project"));
    assertThat(ok.clause("2a").orElseThrow().caps().lifetime())
        .isEqualTo(new LifetimeCap("t-2021/2a", Money.of(500000)));
  }

  @Test
  void uniquePerMetricNeedsAMetric() {
    assertThat(error(withClause("    references: unique_per_metric")).line()).isEqualTo(24);
    assertThat(error(withClause("    references: once")).getMessage()).contains("once");
  }

  @Test
  void fixedNeedsExactlyOneOfAmountOrAmounts() {
    assertThat(error(replace("    amount: 10000\n", "")).line()).isEqualTo(18);
    assertThat(error(replace("    amount: 10000", "    amount: 10000\n    amounts: {省: 1}")).line())
        .isEqualTo(18);
  }

  @Test
  void readingOriginMustBeCatalogOrChosen() {
    PolicyException e =
        error(replace("readings: []", "readings:\n  - {topic: t, origin: mine, text: x}"));
    assertThat(e.line()).isEqualTo(17);
    assertThat(e.getMessage()).contains("origin");
  }

  @Test
  void customTagsAreRefused() {
    PolicyException e = error(replace("    amount: 10000", "    amount: !!java.lang.Object 10000"));
    assertThat(e.line()).isEqualTo(23);
    assertThat(e.getMessage()).contains("tag");
  }

  @Test
  void bundledStyleBooleansOnlyTrueOrFalse() {
    assertThatThrownBy(
            () -> PolicyLoader.load(FILE, withClause("    eligibility: {one_time: yes}")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(FILE + ":24");
  }

  @Test
  void registryRejectsDisagreeingJurisdictionsAndDuplicateIds() {
    PolicyDocument a = PolicyLoader.load(FILE, BASE);
    PolicyDocument b =
        PolicyLoader.load(
            "u-2022.yaml", BASE.replace("id: t-2021", "id: u-2022").replace("[甲区, 乙区]", "[甲区]"));
    assertThatThrownBy(() -> PolicyLoader.registry(List.of(a, b)))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("u-2022.yaml")
        .hasMessageContaining("jurisdiction test");
    assertThatThrownBy(() -> PolicyLoader.registry(List.of(a, a)))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("t-2021");
  }
}
