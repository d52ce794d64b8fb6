package cn.ipsubsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.policy.Calculation.Approved;
import cn.ipsubsidy.policy.Calculation.Fixed;
import cn.ipsubsidy.policy.Calculation.FixedByLevel;
import cn.ipsubsidy.policy.Calculation.Percent;
import cn.ipsubsidy.policy.Calculation.Stepped;
import cn.ipsubsidy.policy.Calculation.Tier;
import cn.ipsubsidy.policy.Calculation.Tiered;
import cn.ipsubsidy.policy.Calculation.Unset;
import cn.ipsubsidy.policy.Calculation.UpTo;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundled policy files against the clause catalog (../shared/spec/clauses.md): every expected
 * value below was copied by hand from the catalog's tables, in yuan.
 */
class BundledPoliciesTest {
  private static final PolicyRegistry REGISTRY = PolicyLoader.bundled();

  private static PolicyDocument doc(String id) {
    return REGISTRY.document(id).orElseThrow();
  }

  private static Clause clause(String code) {
    return REGISTRY.clause(ClauseCode.of(code)).orElseThrow(() -> new AssertionError(code));
  }

  private static BigDecimal m(long yuan) {
    return Money.of(yuan);
  }

  private static Map<Level, BigDecimal> levels(Object... pairs) {
    Map<Level, BigDecimal> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(Level.parse((String) pairs[i]).orElseThrow(), m((Integer) pairs[i + 1]));
    }
    return out;
  }

  private static final List<String> LYG_DISTRICTS =
      List.of(
          "海州区", "连云区", "赣榆区", "东海县", "灌云县", "灌南县", "连云港经济技术开发区", "徐圩新区", "连云港高新区", "云台山景区", "市本级");
  private static final List<String> WX_DISTRICTS =
      List.of("梁溪区", "锡山区", "惠山区", "滨湖区", "新吴区", "经开区", "江阴市", "宜兴市", "市本级");

  @Test
  void everyBundledFileLoadsWithItsHash() throws Exception {
    assertThat(PolicyLoader.bundledFileNames())
        .containsExactly("lyg-2016.yaml", "lyg-2021.yaml", "lyg-2024.yaml", "wx-2020.yaml");
    assertThat(REGISTRY.documents())
        .extracting(PolicyDocument::id)
        .containsExactly("lyg-2016", "lyg-2021", "lyg-2024", "wx-2020");
    for (PolicyDocument d : REGISTRY.documents()) {
      assertThat(d.fileName()).isEqualTo(d.id() + ".yaml");
      byte[] bytes;
      try (InputStream in = getClass().getResourceAsStream("/policies/" + d.fileName())) {
        bytes = in.readAllBytes();
      }
      String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      assertThat(d.sha256()).as(d.id()).isEqualTo(hex).matches("[0-9a-f]{64}");
    }
    assertThat(PolicyLoader.bundled()).as("cached").isSameAs(REGISTRY);
  }

  @Test
  void documentFactsAsTheCatalogStatesThem() {
    PolicyDocument lyg = doc("lyg-2021");
    assertThat(lyg.number()).isEqualTo("连政发〔2021〕79号");
    assertThat(lyg.title()).isEqualTo("关于促进知识产权高质量发展若干政策措施");
    assertThat(lyg.issuer()).isEqualTo("连云港市人民政府");
    assertThat(lyg.issued()).isEqualTo(LocalDate.of(2021, 9, 29));
    assertThat(lyg.inForceFrom()).isEqualTo(LocalDate.of(2021, 9, 29));
    assertThat(lyg.inForceTo()).isNull();
    assertThat(lyg.overlapRule()).isEqualTo("此前与本文件有关知识产权政策不一致的，按照本文件执行。");
    assertThat(lyg.sourceText()).isEqualTo("lianyungang-2021-lzf79.txt");
    assertThat(lyg.jurisdiction())
        .isEqualTo(new Jurisdiction("lianyungang", "连云港市", LYG_DISTRICTS));
    assertThat(lyg.cite(clause("lyg-2021/2a"))).isEqualTo("连政发〔2021〕79号 第二条");

    PolicyDocument wx = doc("wx-2020");
    assertThat(wx.number()).isEqualTo("锡政办发〔2020〕11号");
    assertThat(wx.issuer()).isEqualTo("无锡市人民政府办公室");
    assertThat(wx.issued()).isEqualTo(LocalDate.of(2020, 3, 6));
    // revision 2: 印发之日 is the colophon's 2020年3月10日印发, not the signing date
    assertThat(wx.inForceFrom()).isEqualTo(LocalDate.of(2020, 3, 10));
    assertThat(wx.inForceTo()).isNull();
    assertThat(wx.overlapRule()).contains("从新、从优、从高");
    assertThat(wx.sourceText()).isEqualTo("wuxi-2020-xzbf11.txt");
    assertThat(wx.jurisdiction()).isEqualTo(new Jurisdiction("wuxi", "无锡市", WX_DISTRICTS));
    assertThat(wx.cite(clause("wx-2020/16a"))).isEqualTo("锡政办发〔2020〕11号 第十六条");
    assertThat(wx.readings())
        .anySatisfy(r -> assertThat(r.text()).contains("市级资金比例不高于60%", "对个人减半支持"));

    PolicyDocument plan = doc("lyg-2024");
    assertThat(plan.number()).isEqualTo("连政发〔2024〕45号");
    assertThat(plan.inForceFrom()).isEqualTo(LocalDate.of(2024, 6, 13));
    assertThat(plan.inForceTo()).isNull();
    assertThat(plan.jurisdiction()).isEqualTo(lyg.jurisdiction());
    assertThat(plan.clauses()).hasSize(1);
    assertThat(clause("lyg-2024/4a").name()).isEqualTo("连云港市专利奖");
    assertThat(clause("lyg-2024/4a").calculation()).isEqualTo(new Unset("开展连云港市专利奖评选", null));
    assertThat(plan.setsAmounts()).isFalse();

    PolicyDocument opinions = doc("lyg-2016");
    assertThat(opinions.number()).isEqualTo("连政发〔2016〕132号");
    assertThat(opinions.clauses()).isEmpty();
    assertThat(opinions.setsAmounts()).isFalse();
    assertThat(opinions.jurisdiction()).isEqualTo(lyg.jurisdiction());
    assertThat(opinions.readings()).extracting(Reading::topic).contains("sets no amounts");
  }

  @Test
  void inForceSelectsNewestFirst() {
    Jurisdiction lyg = doc("lyg-2021").jurisdiction();
    assertThat(REGISTRY.inForce(lyg, LocalDate.of(2021, 9, 28)))
        .extracting(PolicyDocument::id)
        .containsExactly("lyg-2016");
    assertThat(REGISTRY.inForce(lyg, LocalDate.of(2021, 9, 29)))
        .extracting(PolicyDocument::id)
        .containsExactly("lyg-2021", "lyg-2016");
    assertThat(REGISTRY.inForce(lyg, LocalDate.of(2024, 6, 13)))
        .extracting(PolicyDocument::id)
        .containsExactly("lyg-2024", "lyg-2021", "lyg-2016");
    assertThat(REGISTRY.inForce(doc("wx-2020").jurisdiction(), LocalDate.of(2020, 3, 5))).isEmpty();
  }

  /** Catalog lyg-2021 table: code → calculation, in the catalog's order. */
  private static Map<String, Calculation> lyg2021() {
    Map<String, Calculation> t = new LinkedHashMap<>();
    t.put("1a", new Unset("适当给予资助", null));
    t.put("1b", new Percent(new BigDecimal("0.5"), "省级奖励资金"));
    t.put("1c", new Percent(new BigDecimal("0.5"), "省级奖励资金"));
    t.put("2a", new Fixed(m(10_000)));
    t.put("2b", new Fixed(m(200_000)));
    t.put("3a", new Fixed(m(100_000)));
    t.put("4a", new FixedByLevel(levels("国家", 500_000, "省", 300_000, "市", 100_000)));
    t.put("4b", new FixedByLevel(levels("国家", 500_000, "省", 300_000)));
    t.put("5a", new Fixed(m(1_000_000)));
    t.put("5b", new Approved(m(200_000), null));
    t.put("6a", new Approved(m(500_000), null));
    t.put("7a", new Fixed(m(30_000)));
    t.put("8a", new Fixed(m(100_000)));
    t.put("8b", new Fixed(m(50_000)));
    t.put("9a", new Percent(new BigDecimal("0.5"), "贷款利息及评估等服务费用"));
    t.put("9b", new Percent(new BigDecimal("0.5"), "保费"));
    t.put("9c", new Unset("给予相关补助", null));
    t.put("10a", new Percent(new BigDecimal("1.0"), "仲裁调解费、公证费、律师代理费（实际发生）"));
    t.put("11a", new Percent(new BigDecimal("0.3"), "维权实际发生费用"));
    t.put("11b", new Percent(new BigDecimal("0.3"), "案件诉讼费、代理费、鉴定费及其它为开展维权活动所支出的必要费用"));
    t.put("11c", new Percent(new BigDecimal("0.3"), "司法鉴定费用"));
    t.put("11d", new Fixed(m(100_000)));
    t.put("11e", new FixedByLevel(levels("省", 50_000, "市", 30_000)));
    t.put("12a", new Tiered(List.of(new Tier(500, 20L, m(100_000)))));
    t.put("12b", new Stepped(30, m(30_000), 10, m(10_000), m(100_000)));
    t.put(
        "12c",
        new Tiered(
            List.of(
                new Tier(300, 200L, m(50_000)),
                new Tier(600, 400L, m(100_000)),
                new Tier(1200, 800L, m(200_000)))));
    t.put("12d", new Approved(m(100_000), m(20_000)));
    t.put("13a", new Fixed(m(400_000)));
    t.put("13b", new FixedByLevel(levels("国家", 200_000, "省", 100_000, "市", 50_000)));
    t.put("14a", new Fixed(m(50_000)));
    t.put("14b", new Fixed(m(30_000)));
    t.put("14c", new Fixed(m(10_000)));
    t.put("14d", new Fixed(m(8_000)));
    t.put("14e", new Fixed(m(3_000)));
    t.put("14f", new Fixed(m(5_000)));
    t.put("14g", new Fixed(m(8_000)));
    t.put("14h", new Fixed(m(6_000)));
    t.put("15a", new Approved(m(100_000), null));
    return t;
  }

  /** Catalog wx-2020 table: code → calculation, in the catalog's order. */
  private static Map<String, Calculation> wx2020() {
    Map<String, Calculation> t = new LinkedHashMap<>();
    t.put("1a", new UpTo(m(5_000)));
    t.put("1b", new UpTo(m(500)));
    t.put("1c", new UpTo(m(2_000)));
    t.put("1d", new UpTo(m(50_000)));
    t.put("1e", new UpTo(m(10_000)));
    t.put("2a", new Approved(m(300_000), null));
    t.put("3a", new Approved(m(1_000_000), null));
    t.put("3b", new Unset("按新的办法给予奖励", null));
    t.put("4a", new Fixed(m(50_000)));
    t.put("4b", new Fixed(m(200_000)));
    t.put("5a", new Percent(new BigDecimal("0.5"), "贷款利息"));
    t.put("6a", new Percent(new BigDecimal("0.5"), "实际支出保费"));
    t.put("7a", new Unset("一事一议", null));
    t.put("8a", new Approved(null, null));
    t.put("9a", new Approved(null, null));
    t.put("10a", new Approved(null, null));
    t.put("11a", new Approved(m(1_000_000), null));
    t.put("11b", new Approved(m(500_000), null));
    t.put("12a", new Approved(m(300_000), null));
    t.put("13a", new Percent(new BigDecimal("0.5"), "维权诉讼实际发生的律师费或知识产权咨询服务费"));
    t.put("13b", new UpTo(m(500_000)));
    t.put("14a", new Approved(m(300_000), null));
    t.put("14b", new Approved(m(500_000), null));
    t.put("15a", new UpTo(m(100_000)));
    t.put("15b", new UpTo(m(50_000)));
    t.put("15c", new Approved(m(200_000), null));
    t.put("16a", new Unset("给予适当支持", null));
    return t;
  }

  @Test
  void lyg2021HasEveryCatalogClauseWithItsKindAndAmounts() {
    assertCalculations("lyg-2021", lyg2021());
  }

  @Test
  void wx2020HasEveryCatalogClauseWithItsKindAndAmounts() {
    assertCalculations("wx-2020", wx2020());
  }

  private static void assertCalculations(String id, Map<String, Calculation> expected) {
    PolicyDocument d = doc(id);
    assertThat(d.clauses())
        .extracting(c -> c.code().local())
        .containsExactlyElementsOf(expected.keySet());
    for (Clause c : d.clauses()) {
      Calculation want = expected.get(c.code().local());
      assertThat(c.calculation().kind()).as(c.code() + " kind").isEqualTo(want.kind());
      assertThat(c.calculation()).as(c.code().toString()).isEqualTo(want);
      assertThat(c.code().policyId()).isEqualTo(id);
      assertThat(c.overrides()).isEmpty();
      assertThat(c.name()).isNotBlank();
      assertThat(c.quote()).isNotBlank();
    }
  }

  @Test
  void clauseNamesAreTheCatalogsSubsidyTexts() {
    assertThat(clause("lyg-2021/2a").name()).isEqualTo("马德里商标国际注册(延伸注册国≥10)");
    assertThat(clause("lyg-2021/11e").name()).isEqualTo("\"正版正货\"示范街区、示范行业");
    assertThat(clause("lyg-2021/12a").name()).isEqualTo("成立三年内专利代理机构(本市发明+实用新型授权≥500件且发明≥20件)");
    assertThat(clause("wx-2020/1c").name()).isEqualTo("维持发明专利第7—9年年费");
    assertThat(clause("wx-2020/4a").name()).isEqualTo("取得\"贯标\"国家认证");
    assertThat(clause("lyg-2021/1a").article()).isEqualTo("第一条");
    assertThat(clause("lyg-2021/12d").article()).isEqualTo("第十二条");
    assertThat(clause("wx-2020/1e").article()).isEqualTo("第一条");
    assertThat(clause("wx-2020/16a").article()).isEqualTo("第十六条");
  }

  @Test
  void capsAsTheCatalogStatesThem() {
    Map<String, Caps> capped = new LinkedHashMap<>();
    capped.put("lyg-2021/2a", new Caps(null, new AnnualCap("lyg-2021/2a", m(30_000)), null));
    capped.put("lyg-2021/9a", new Caps(null, new AnnualCap("lyg-2021/9a", m(300_000)), null));
    capped.put("lyg-2021/9b", new Caps(null, new AnnualCap("lyg-2021/9b", m(50_000)), null));
    capped.put("lyg-2021/11a", new Caps(null, new AnnualCap("lyg-2021/11a", m(200_000)), null));
    capped.put("lyg-2021/10a", new Caps(m(10_000), null, null));
    capped.put("lyg-2021/11b", new Caps(m(100_000), null, null));
    capped.put("lyg-2021/11c", new Caps(m(50_000), null, null));
    capped.put("wx-2020/5a", new Caps(m(500_000), null, null));
    capped.put("wx-2020/6a", new Caps(m(300_000), null, null));
    capped.put("wx-2020/13a", new Caps(m(500_000), null, null));
    capped.put("wx-2020/8a", new Caps(null, null, new LifetimeCap("wx-2020/8a", m(20_000_000))));
    capped.put("wx-2020/9a", new Caps(null, null, new LifetimeCap("wx-2020/9a", m(8_000_000))));
    capped.put("wx-2020/10a", new Caps(null, null, new LifetimeCap("wx-2020/10a", m(5_000_000))));
    capped.put(
        "wx-2020/11a", new Caps(null, null, new LifetimeCap("wx-2020/11a", m(1_000_000), true)));
    capped.put(
        "wx-2020/11b", new Caps(null, null, new LifetimeCap("wx-2020/11b", m(500_000), true)));
    for (Clause c : allClauses()) {
      assertThat(c.caps())
          .as(c.code().toString())
          .isEqualTo(capped.getOrDefault(c.code().toString(), Caps.NONE));
    }
  }

  @Test
  void eligibilityAsTheCatalogStatesItAndNoMore() {
    Set<String> oneTime =
        Set.of("4a", "4b", "5a", "8a", "8b", "11d", "11e", "12a", "13a", "13b").stream()
            .map(c -> "lyg-2021/" + c)
            .collect(Collectors.toSet());
    Map<String, Set<EntityType>> only = new LinkedHashMap<>();
    for (String c : List.of("2a", "9a", "9b")) {
      only.put("lyg-2021/" + c, Set.of(EntityType.ENTERPRISE));
    }
    for (String c : List.of("12a", "12b", "12c")) {
      only.put("lyg-2021/" + c, Set.of(EntityType.AGENCY));
    }
    for (String c : List.of("14a", "14b", "14c", "14d")) {
      only.put("lyg-2021/" + c, Set.of(EntityType.INDIVIDUAL));
    }
    // revision 2: 7a names 企业、科研组织、高等学校、代理机构; 14e–14g reward 所在企业
    only.put(
        "lyg-2021/7a",
        Set.of(
            EntityType.ENTERPRISE, EntityType.INSTITUTE, EntityType.UNIVERSITY, EntityType.AGENCY));
    for (String c : List.of("14e", "14f", "14g")) {
      only.put("lyg-2021/" + c, Set.of(EntityType.ENTERPRISE));
    }
    // revision 2: 2b 单位, 3a 申请单位（权利人）, 10a 企事业单位 are organisations only
    Set<String> notIndividuals =
        Set.of("lyg-2021/2b", "lyg-2021/3a", "lyg-2021/10a", "lyg-2021/14h");
    Map<String, MetricRule> metric =
        Map.of(
            "lyg-2021/2a", new MetricRule(10L, null, "延伸注册国数"),
            "lyg-2021/12d", new MetricRule(50L, null, "承接托管服务的中小企业数"),
            "wx-2020/1c", new MetricRule(7L, 9L, "维持年度"));

    for (Clause c : allClauses()) {
      String code = c.code().toString();
      Eligibility e = c.eligibility();
      assertThat(e.oneTime()).as(code + " one-time").isEqualTo(oneTime.contains(code));
      assertThat(e.oneTimePerReference())
          .as(code + " one-time per reference (revision 2)")
          .isEqualTo(code.equals("lyg-2021/5a"));
      assertThat(e.oncePerBudgetYear())
          .as(code + " once per budget year (revision 2)")
          .isEqualTo(code.equals("lyg-2021/12b") || code.equals("lyg-2021/12c"));
      assertThat(e.allowedTypes()).as(code + " types").isEqualTo(only.getOrDefault(code, Set.of()));
      assertThat(e.excludedTypes())
          .as(code + " excluded")
          .isEqualTo(notIndividuals.contains(code) ? Set.of(EntityType.INDIVIDUAL) : Set.of());
      assertThat(e.establishedWithinYears())
          .as(code + " established")
          .isEqualTo(code.equals("lyg-2021/12a") ? 3 : null);
      if (metric.containsKey(code)) {
        assertThat(e.metric()).as(code + " metric").isEqualTo(metric.get(code));
      } else if (e.metric() != null) {
        // tiered and stepped clauses name their counts; the thresholds are in the calculation
        assertThat(code).isIn("lyg-2021/12a", "lyg-2021/12b", "lyg-2021/12c");
        assertThat(e.metric().min()).isNull();
        assertThat(e.metric().max()).isNull();
      }
      if (e.metric2() != null) {
        assertThat(code).isIn("lyg-2021/12a", "lyg-2021/12c");
      }
    }
    assertThat(clause("lyg-2021/12c").eligibility().metric2().label()).isEqualTo("服务首次获批商标注册企业数");
    assertThat(clause("lyg-2021/14e").eligibility().admits(EntityType.INDIVIDUAL)).isFalse();
    assertThat(clause("lyg-2021/14e").eligibility().admits(EntityType.UNIVERSITY)).isFalse();
    assertThat(clause("lyg-2021/14e").eligibility().admits(EntityType.ENTERPRISE)).isTrue();
  }

  @Test
  void article1ModifiersOnWx1aTo1eOnly() {
    ClauseModifiers article1 =
        new ClauseModifiers(new BigDecimal("0.5"), true, new FundingSplit(new BigDecimal("0.60")));
    for (Clause c : allClauses()) {
      boolean art1 = c.code().policyId().equals("wx-2020") && c.code().articleNumber() == 1;
      assertThat(c.modifiers())
          .as(c.code().toString())
          .isEqualTo(art1 ? article1 : ClauseModifiers.NONE);
    }
  }

  @Test
  void referenceRules() {
    Set<String> project =
        Set.of("wx-2020/8a", "wx-2020/9a", "wx-2020/10a", "wx-2020/11a", "wx-2020/11b");
    // revision 2: the clauses counted per patent compare Chinese patent numbers in one form
    Set<String> perPatent =
        Set.of("lyg-2021/1a", "wx-2020/1a", "wx-2020/1b", "wx-2020/1c", "wx-2020/1d");
    for (Clause c : allClauses()) {
      String code = c.code().toString();
      ReferenceRule want;
      if (project.contains(code)) {
        want = new ReferenceRule(ReferenceRule.Mode.PROJECT, code, true);
      } else if (code.equals("wx-2020/4a")) {
        want = new ReferenceRule(ReferenceRule.Mode.UNIQUE, "wx-2020/4", false);
      } else if (code.equals("wx-2020/4b")) {
        // revision 2: 4b contains 4a for the same certificate and pays the difference
        want =
            new ReferenceRule(ReferenceRule.Mode.UNIQUE, "wx-2020/4", false, false, "wx-2020/4a");
      } else if (code.equals("wx-2020/1c")) {
        want = new ReferenceRule(ReferenceRule.Mode.UNIQUE_PER_METRIC, code, false, true);
      } else {
        want = new ReferenceRule(ReferenceRule.Mode.UNIQUE, code, false, perPatent.contains(code));
      }
      assertThat(c.references()).as(code).isEqualTo(want);
    }
  }

  @Test
  void catalogReadingsAreQuotedVerbatimBesideTheirClauses() {
    assertThat(texts("lyg-2021/12b"))
        .contains(
            "\"累计最高奖励10万元\" caps base plus steps at 100,000 per claim (one claim per agency per year).");
    String basis =
        "\"按省级奖励资金的50%\" — for either award the basis is what the province paid; the claim carries it as basis.";
    assertThat(texts("lyg-2021/1b")).contains(basis);
    assertThat(texts("lyg-2021/1c")).contains(basis);
    String lifetime =
        "\"每家最高\" is read as a lifetime cap per institution, since 落户 and capability support are one-off programmes: the total per entity over all years and all references (revision 2 makes step 8 say so).";
    assertThat(texts("wx-2020/11a")).contains(lifetime);
    assertThat(texts("wx-2020/11b")).contains(lifetime);
    for (String c : List.of("1a", "1b", "1c", "1d", "1e")) {
      assertThat(texts("wx-2020/" + c))
          .contains(
              "the individual factor sets the standard (5,000 → 2,500 for a person), then the fee ceiling limits what is paid: a person with 3,000 of fees gets 2,500; a person with 2,000 of fees gets 2,000.",
              "the ceiling is the claim's total fees against the claim's total amount.");
      assertThat(clause("wx-2020/" + c).readings())
          .extracting(Reading::topic)
          .contains(LocalRules.FUNDING_SPLIT_TOPIC, LocalRules.INDIVIDUAL_FACTOR_TOPIC);
    }
    assertThat(texts("lyg-2021/7a"))
        .contains("\"择优补助\" — selection is made before the claim is filed.");
  }

  @Test
  void chosenReadingsAreMarkedAndCatalogReadingsAreNot() {
    assertThat(texts("lyg-2021/15a")).allMatch(t -> t.startsWith(PolicyLoader.CHOSEN_MARK));
    assertThat(texts("lyg-2021/12b").get(0)).doesNotStartWith(PolicyLoader.CHOSEN_MARK);
    assertThat(doc("lyg-2016").readings())
        .filteredOn(r -> r.topic().startsWith("印发日期"))
        .singleElement()
        .satisfies(r -> assertThat(r.text()).startsWith(PolicyLoader.CHOSEN_MARK));
    for (PolicyDocument d : REGISTRY.documents()) {
      assertThat(d.readings()).isNotEmpty().allMatch(r -> r.source().equals("policy"));
    }
  }

  private static List<String> texts(String code) {
    return clause(code).readings().stream().map(Reading::text).toList();
  }

  private static List<Clause> allClauses() {
    return REGISTRY.documents().stream().flatMap(d -> d.clauses().stream()).toList();
  }

  static String resourceText(String name) throws IOException {
    try (InputStream in = BundledPoliciesTest.class.getResourceAsStream("/policies/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
