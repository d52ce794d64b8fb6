package cn.ipsubsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The office's local rules laid over the bundled policies (example: local-rules-example.yaml). */
class LocalRulesTest {
  private static final String EXAMPLE = "local-rules-example.yaml";
  private static final String FILE = "rules.yaml";
  private static final PolicyRegistry POLICIES = PolicyLoader.bundled();

  private static String example() throws IOException {
    try (InputStream in = LocalRulesTest.class.getResourceAsStream("/" + EXAMPLE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** "file:line" of the first line of the text that contains {@code fragment}. */
  private static String at(String file, String text, String fragment) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        return file + ":" + (i + 1);
      }
    }
    throw new AssertionError(fragment);
  }

  private static Clause clause(PolicyRegistry r, String code) {
    return r.clause(ClauseCode.of(code)).orElseThrow();
  }

  private static PolicyRegistry apply(String yaml) {
    return LocalRules.parse(FILE, yaml).applyTo(POLICIES);
  }

  private static String rules(String clauseCode, String... fields) {
    return "office: 测试局\nclauses:\n  "
        + clauseCode
        + ":\n    "
        + String.join("\n    ", fields)
        + "\n";
  }

  @Test
  void exampleParsesAndNamesItsOfficeAndClauses() throws IOException {
    LocalRules rules = LocalRules.parse(EXAMPLE, example());
    assertThat(rules.fileName()).isEqualTo(EXAMPLE);
    assertThat(rules.office()).isEqualTo("连云港市市场监督管理局（知识产权局）");
    assertThat(rules.sha256()).matches("[0-9a-f]{64}");
    assertThat(rules.clauses())
        .extracting(ClauseCode::toString)
        .containsExactly(
            "lyg-2021/1a",
            "lyg-2021/9a",
            "lyg-2021/4a",
            "lyg-2021/12d",
            "wx-2020/1a",
            "wx-2020/1b",
            "wx-2020/8a",
            "lyg-2021/2a");
  }

  @Test
  void amountOnAnUnsetClauseBecomesItsLocalAmount() throws IOException {
    String text = example();
    PolicyRegistry r = LocalRules.parse(EXAMPLE, text).applyTo(POLICIES);
    Clause c = clause(r, "lyg-2021/1a");
    assertThat(c.calculation()).isEqualTo(new Calculation.Unset("适当给予资助", Money.of(3000)));
    assertThat(c.overrides())
        .containsExactly(
            new LocalOverride(
                "amount", "3000", null, at(EXAMPLE, text, "amount: 3000"), "连云港市发明专利资助实施细则（示例）"));
    assertThat(r.document("lyg-2021").orElseThrow().setsAmounts()).isTrue();
    // the policies themselves are untouched
    assertThat(clause(POLICIES, "lyg-2021/1a").calculation())
        .isEqualTo(new Calculation.Unset("适当给予资助", null));
    assertThat(clause(POLICIES, "lyg-2021/1a").overrides()).isEmpty();
  }

  @Test
  void amountOnFixedAndUpTo() {
    PolicyRegistry r = apply(rules("lyg-2021/2b", "amount: 150000"));
    assertThat(clause(r, "lyg-2021/2b").calculation())
        .isEqualTo(new Calculation.Fixed(Money.of(150000)));
    assertThat(clause(r, "lyg-2021/2b").overrides())
        .containsExactly(new LocalOverride("amount", "150000", "200000.00", FILE + ":4", ""));
    PolicyRegistry u = apply(rules("wx-2020/15a", "amount: 80000.50"));
    assertThat(clause(u, "wx-2020/15a").calculation())
        .isEqualTo(new Calculation.UpTo(Money.of("80000.50")));
    assertThat(clause(u, "wx-2020/15a").overrides().get(0).policyValue()).isEqualTo("100000.00");
  }

  @Test
  void amountsByLevelReplaceOrAddLevels() throws IOException {
    String text = example();
    PolicyRegistry r = LocalRules.parse(EXAMPLE, text).applyTo(POLICIES);
    Clause c = clause(r, "lyg-2021/4a");
    assertThat(((Calculation.FixedByLevel) c.calculation()).perUnit())
        .containsEntry(Level.NATIONAL, Money.of(600000))
        .containsEntry(Level.PROVINCIAL, Money.of(300000))
        .containsEntry(Level.MUNICIPAL, Money.of(100000));
    assertThat(c.overrides())
        .containsExactly(
            new LocalOverride(
                "amounts.国家", "600000", "500000.00", at(EXAMPLE, text, "国家: 600000"), "示例"));
    PolicyRegistry added = apply(rules("lyg-2021/4b", "amounts: {市: 50000}"));
    assertThat(((Calculation.FixedByLevel) clause(added, "lyg-2021/4b").calculation()).perUnit())
        .containsEntry(Level.MUNICIPAL, Money.of(50000))
        .hasSize(3);
    assertThat(clause(added, "lyg-2021/4b").overrides().get(0).policyValue()).isNull();
  }

  @Test
  void maxAndMinOnApprovedAndMaxOnStepped() throws IOException {
    String text = example();
    PolicyRegistry r = LocalRules.parse(EXAMPLE, text).applyTo(POLICIES);
    Clause c = clause(r, "lyg-2021/12d");
    assertThat(c.calculation())
        .isEqualTo(new Calculation.Approved(Money.of(80000), Money.of(30000)));
    assertThat(c.overrides())
        .containsExactly(
            new LocalOverride("min", "30000", "20000.00", at(EXAMPLE, text, "min: 30000"), ""),
            new LocalOverride("max", "80000", "100000.00", at(EXAMPLE, text, "max: 80000"), ""));
    PolicyRegistry s = apply(rules("lyg-2021/12b", "max: 80000"));
    assertThat(clause(s, "lyg-2021/12b").calculation())
        .isEqualTo(
            new Calculation.Stepped(30, Money.of(30000), 10, Money.of(10000), Money.of(80000)));
    PolicyRegistry open = apply(rules("wx-2020/8a", "max: 3000000"));
    assertThat(clause(open, "wx-2020/8a").calculation())
        .isEqualTo(new Calculation.Approved(Money.of(3000000), null));
    assertThat(clause(open, "wx-2020/8a").overrides().get(0).policyValue()).isNull();
  }

  @Test
  void rateOnPercent() throws IOException {
    String text = example();
    PolicyRegistry r = LocalRules.parse(EXAMPLE, text).applyTo(POLICIES);
    Clause c = clause(r, "lyg-2021/9a");
    assertThat(c.calculation())
        .isEqualTo(new Calculation.Percent(new BigDecimal("0.4"), "贷款利息及评估等服务费用"));
    assertThat(c.overrides())
        .containsExactly(
            new LocalOverride("rate", "0.4", "0.5", at(EXAMPLE, text, "rate: 0.4"), "本年度预算有限（示例）"));
  }

  @Test
  void caps() throws IOException {
    String text = example();
    PolicyRegistry r = LocalRules.parse(EXAMPLE, text).applyTo(POLICIES);
    Clause two = clause(r, "lyg-2021/2a");
    assertThat(two.caps())
        .isEqualTo(new Caps(Money.of(10000), new AnnualCap("lyg-2021/2a", Money.of(20000)), null));
    assertThat(two.overrides())
        .containsExactly(
            new LocalOverride(
                "annual_cap", "20000", "30000.00", at(EXAMPLE, text, "annual_cap: 20000"), ""),
            new LocalOverride(
                "per_claim_cap", "10000", null, at(EXAMPLE, text, "per_claim_cap: 10000"), ""));
    Clause eight = clause(r, "wx-2020/8a");
    assertThat(eight.caps().lifetime())
        .isEqualTo(new LifetimeCap("wx-2020/8a", Money.of(15000000)));
    assertThat(eight.overrides().get(0).policyValue()).isEqualTo("20000000.00");

    PolicyRegistry fresh = apply(rules("lyg-2021/2b", "annual_cap: 400000"));
    assertThat(clause(fresh, "lyg-2021/2b").caps().annual())
        .isEqualTo(new AnnualCap("lyg-2021/2b", Money.of(400000)));
  }

  @Test
  void cityShareChangesTheFundingSplitReading() throws IOException {
    String text = example();
    PolicyRegistry r = LocalRules.parse(EXAMPLE, text).applyTo(POLICIES);
    Clause c = clause(r, "wx-2020/1a");
    assertThat(c.modifiers())
        .isEqualTo(
            new ClauseModifiers(
                new BigDecimal("0.5"), true, new FundingSplit(new BigDecimal("0.5"))));
    assertThat(c.overrides())
        .containsExactly(
            new LocalOverride(
                "city_share", "0.5", "0.60", at(EXAMPLE, text, "city_share: 0.5"), ""));
    Reading added = c.readings().get(c.readings().size() - 1);
    assertThat(added.topic()).isEqualTo(LocalRules.FUNDING_SPLIT_TOPIC);
    assertThat(added.source()).isEqualTo(EXAMPLE);
    assertThat(added.text()).contains("0.60", "0.5");
    assertThat(c.readings()).hasSize(clause(POLICIES, "wx-2020/1a").readings().size() + 1);
    // the other article 1 clauses keep the policy's split
    assertThat(clause(r, "wx-2020/1c").modifiers().fundingSplit().cityShare())
        .isEqualByComparingTo("0.60");
    assertThat(
            apply(rules("wx-2020/1d", "city_share: 0"))
                .clause(ClauseCode.of("wx-2020/1d"))
                .orElseThrow()
                .modifiers()
                .fundingSplit()
                .cityShare())
        .isEqualByComparingTo("0");
  }

  @Test
  void individualFactorChangesItsReading() throws IOException {
    String text = example();
    PolicyRegistry r = LocalRules.parse(EXAMPLE, text).applyTo(POLICIES);
    Clause c = clause(r, "wx-2020/1b");
    assertThat(c.modifiers().individualFactor()).isEqualByComparingTo("1");
    assertThat(c.modifiers().feeCeiling()).isTrue();
    assertThat(c.overrides())
        .containsExactly(
            new LocalOverride(
                "individual_factor",
                "1",
                "0.5",
                at(EXAMPLE, text, "individual_factor: 1"),
                "个人与单位同等资助（示例）"));
    Reading added = c.readings().get(c.readings().size() - 1);
    assertThat(added.topic()).isEqualTo(LocalRules.INDIVIDUAL_FACTOR_TOPIC);
    assertThat(added.source()).isEqualTo(EXAMPLE);
    assertThat(added.text()).contains("个人与单位同等资助（示例）");
  }

  @Test
  void clausesNotNamedAreUnchanged() throws IOException {
    PolicyRegistry r = LocalRules.parse(EXAMPLE, example()).applyTo(POLICIES);
    assertThat(clause(r, "lyg-2021/15a")).isEqualTo(clause(POLICIES, "lyg-2021/15a"));
    assertThat(r.documents())
        .extracting(PolicyDocument::id)
        .containsExactlyElementsOf(POLICIES.documents().stream().map(PolicyDocument::id).toList());
    assertThat(r.document("wx-2020").orElseThrow().sha256())
        .isEqualTo(POLICIES.document("wx-2020").orElseThrow().sha256());
  }

  @Test
  void emptyRulesChangeNothing() {
    PolicyRegistry r = LocalRules.parse(FILE, "office: 测试局\nclauses: {}\n").applyTo(POLICIES);
    assertThat(r.documents()).isEqualTo(POLICIES.documents());
  }

  // ---- errors: file and line ----

  private static PolicyException parseError(String yaml) {
    PolicyException e =
        catchThrowableOfType(PolicyException.class, () -> LocalRules.parse(FILE, yaml));
    assertThat(e).as("expected a PolicyException").isNotNull();
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.getMessage()).startsWith(FILE + ":" + e.line() + ": ");
    return e;
  }

  private static PolicyException applyError(String yaml) {
    LocalRules rules = LocalRules.parse(FILE, yaml);
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> rules.applyTo(POLICIES));
    assertThat(e).as("expected a PolicyException").isNotNull();
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.getMessage()).startsWith(FILE + ":" + e.line() + ": ");
    return e;
  }

  @Test
  void unknownClauseCode() {
    PolicyException e = applyError(rules("lyg-2021/99z", "amount: 1"));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("lyg-2021/99z");
    assertThat(applyError(rules("sz-2022/1a", "amount: 1")).line()).isEqualTo(3);
    PolicyException bad = parseError(rules("1a", "amount: 1"));
    assertThat(bad.line()).isEqualTo(3);
    assertThat(bad.getMessage()).contains("lyg-2021/2a");
  }

  @Test
  void fieldsThatDoNotFitTheClause() {
    String[][] misfits = {
      {"lyg-2021/5b", "amount: 1"}, // approved
      {"lyg-2021/2a", "rate: 0.5"}, // fixed
      {"lyg-2021/2a", "max: 1"},
      {"lyg-2021/2a", "min: 1"},
      {"lyg-2021/2a", "amounts: {国家: 1}"}, // fixed per unit, not by level
      {"lyg-2021/4a", "amount: 1"}, // by level
      {"lyg-2021/12c", "amount: 1"}, // tiered
      {"lyg-2021/2a", "city_share: 0.5"}, // no funding split in lyg-2021
      {"lyg-2021/14a", "individual_factor: 0.5"},
      {"wx-2020/2a", "lifetime_cap: 1"}, // references are unique, not projects
    };
    for (String[] m : misfits) {
      PolicyException e = applyError(rules(m[0], m[1]));
      assertThat(e.line()).as(m[0] + " " + m[1]).isEqualTo(4);
      assertThat(e.getMessage())
          .as(m[1])
          .contains("does not fit clause " + m[0], "this clause takes");
    }
  }

  @Test
  void badValues() {
    String[][] bad = {
      {"amount: -3000", "negative"},
      {"amount: 3000.001", "two decimals"},
      {"amount: 三千", "amount"},
      {"amount: [3000]", "single value"},
      {"rate: 1.5", "rate"},
      {"rate: 0", "rate"},
      {"city_share: 1.5", "city_share"},
      {"individual_factor: 0", "individual_factor"},
      {"amounts: {区: 1}", "unknown level"},
    };
    for (String[] b : bad) {
      PolicyException e =
          parseError(rules("lyg-2021/1a", "amount: 1", b[0]).replaceFirst("amount: 1\n    ", ""));
      assertThat(e.line()).as(b[0]).isEqualTo(4);
      assertThat(e.getMessage()).as(b[0]).contains(b[1]);
    }
  }

  @Test
  void unknownFieldDuplicateClauseAndEmptyRule() {
    PolicyException unknown = parseError(rules("lyg-2021/1a", "amonut: 3000"));
    assertThat(unknown.line()).isEqualTo(4);
    assertThat(unknown.getMessage()).contains("amonut");
    PolicyException dup =
        parseError(
            "office: 测试局\nclauses:\n  lyg-2021/1a:\n    amount: 1\n  LYG-2021/1A:\n    amount: 2\n");
    assertThat(dup.line()).isEqualTo(5);
    assertThat(dup.getMessage()).contains("line 3");
    PolicyException onlyReason = parseError(rules("lyg-2021/1a", "reason: 无"));
    assertThat(onlyReason.line()).isEqualTo(4);
    assertThat(onlyReason.getMessage()).contains("sets no value");
    PolicyException emptyReason = parseError(rules("lyg-2021/1a", "amount: 1", "reason: ''"));
    assertThat(emptyReason.line()).isEqualTo(5);
    assertThat(emptyReason.getMessage()).contains("reason must not be empty");
    PolicyException noOffice = parseError("clauses: {}\n");
    assertThat(noOffice.line()).isEqualTo(1);
    assertThat(noOffice.getMessage()).contains("office");
    assertThat(parseError("office: 测试局\nclauses:\n  lyg-2021/1a:\n    amount: [\n").getMessage())
        .contains("YAML");
  }

  @Test
  void boundsCheckedAfterAllValues() {
    PolicyException e = applyError(rules("lyg-2021/12d", "min: 150000"));
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage()).contains("min 150000.00 is above max 100000.00");
    // min and max moved together stay consistent
    PolicyRegistry ok = apply(rules("lyg-2021/12d", "min: 150000", "max: 200000"));
    assertThat(clause(ok, "lyg-2021/12d").calculation())
        .isEqualTo(new Calculation.Approved(Money.of(200000), Money.of(150000)));
    PolicyException stepped = applyError(rules("lyg-2021/12b", "max: 20000"));
    assertThat(stepped.getMessage()).contains("below the base 30000.00");
  }

  @Test
  void noticeMasksIndividualNamesUnlessTheRulesSayNot() {
    assertThat(LocalRules.parse(FILE, "office: 测试局\nclauses: {}\n").maskIndividualNames()).isTrue();
    assertThat(LocalRules.parse(FILE, "office: 测试局\nclauses: {}\nnotice:\n").maskIndividualNames())
        .isTrue();
    String off = "office: 测试局\nclauses: {}\nnotice:\n  mask_individual_names: false\n";
    assertThat(LocalRules.parse(FILE, off).maskIndividualNames()).isFalse();
    PolicyException notBool =
        parseError("office: 测试局\nclauses: {}\nnotice:\n  mask_individual_names: yes\n");
    assertThat(notBool.line()).isEqualTo(4);
    assertThat(notBool.getMessage())
        .contains(FILE)
        .contains("notice.mask_individual_names must be true or false");
    PolicyException unknown =
        parseError("office: 测试局\nclauses: {}\nnotice:\n  mask-individual-names: false\n");
    assertThat(unknown.line()).isEqualTo(4);
    assertThat(unknown.getMessage())
        .contains("mask-individual-names")
        .contains("mask_individual_names");
  }
}
