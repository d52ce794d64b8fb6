package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.domain.SourceLocation;
import cn.ipsubsidy.engine.CapUsage;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.engine.TraceStep;
import cn.ipsubsidy.policy.Calculation;
import cn.ipsubsidy.policy.Caps;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseCode;
import cn.ipsubsidy.policy.ClauseModifiers;
import cn.ipsubsidy.policy.Eligibility;
import cn.ipsubsidy.policy.Jurisdiction;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.ReferenceRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A small hand-made run: every status, shares, a bad row, trace steps and cap usages. */
final class Fixtures {
  static final String FILE = "claims.xlsx";
  static final String SHEET = "申报汇总表";
  static final Period PERIOD = new Period(2025, 1);
  static final String OFFICE = "连云港市市场监督管理局（知识产权局）";

  static final Clause C2A =
      clause("2a", "马德里商标国际注册", "第二条", new Calculation.Fixed(Money.of(10000)));
  static final Clause C3B =
      clause("3b", "专利导航项目", "第三条", new Calculation.Approved(Money.of(200000), null));
  static final Clause C10A =
      clause("10a", "知识产权质押融资贴息", "第十条", new Calculation.Percent(new BigDecimal("0.5"), "贴息"));

  static final PolicyDocument LYG_2021 =
      new PolicyDocument(
          "lyg-2021",
          "连政发〔2021〕79号",
          "连云港市知识产权资助办法",
          "连云港市人民政府",
          LocalDate.of(2021, 6, 1),
          LocalDate.of(2021, 7, 1),
          null,
          new Jurisdiction("lyg", "连云港市", List.of("海州区", "连云区", "赣榆区")),
          null,
          "lyg-2021.txt",
          List.of(),
          List.of(C2A, C3B, C10A),
          "lyg-2021.yaml",
          "3f".repeat(32));

  private Fixtures() {}

  static Clause clause(String local, String name, String article, Calculation calculation) {
    return new Clause(
        new ClauseCode("lyg-2021", local),
        name,
        article,
        "政策原文",
        calculation,
        Eligibility.ANYONE,
        Caps.NONE,
        ClauseModifiers.NONE,
        new ReferenceRule(ReferenceRule.Mode.UNIQUE, "lyg-2021/" + local, false),
        List.of(),
        List.of());
  }

  /** A run under {@code policies} without a local rules file: 汇总's title names their issuers. */
  static RunFacts factsWithoutRules(List<PolicyDocument> policies) {
    RunFacts f = facts();
    return new RunFacts(
        f.runId(),
        f.period(),
        f.periodSource(),
        policies,
        f.inputFileName(),
        f.inputSha256(),
        f.generatedAt(),
        f.toolVersion(),
        f.operator(),
        null,
        null,
        null);
  }

  /** {@code d} under another id and issuer, as a second city's policy. */
  static PolicyDocument issuedBy(PolicyDocument d, String id, String issuer) {
    return new PolicyDocument(
        id,
        d.number(),
        d.title(),
        issuer,
        d.issued(),
        d.inForceFrom(),
        d.inForceTo(),
        d.jurisdiction(),
        d.overlapRule(),
        d.sourceText(),
        d.readings(),
        d.clauses(),
        id + ".yaml",
        d.sha256());
  }

  static RunFacts facts() {
    return new RunFacts(
        "20250401-093000-ab12",
        PERIOD,
        RunFacts.FROM_OPTION,
        List.of(LYG_2021),
        FILE,
        "a1".repeat(32),
        Instant.parse("2025-04-01T01:30:00Z"),
        "0.1.0",
        "张会计",
        "local-rules.yaml",
        "b2".repeat(32),
        OFFICE);
  }

  static RunResult result() {
    List<PayoutLine> lines = new ArrayList<>();
    // 0: paid, with a funding split
    lines.add(
        line(
            0,
            claim("LYG-001", "91320700MA1XXXXX01", "连云港甲公司", "海州区", "lyg-2021/2a", 2),
            Status.PAID,
            C2A,
            "20000.00",
            "20000.00",
            "12000.00",
            "8000.00",
            Bilingual.of("按每件 10,000.00 元核发 2 件", "10,000.00 per unit × 2"),
            List.of(),
            step("LYG-001", "1 条款 clause", "lyg-2021/2a", "", "条款=lyg-2021/2a", "lyg-2021/2a"),
            step(
                "LYG-001",
                "3 金额 amount",
                "fixed 10,000.00/件",
                "10,000.00 × 2",
                "数量=2",
                "20,000.00")));
    // 1: capped
    lines.add(
        line(
            1,
            claim("LYG-002", "91320700MA1XXXXX01", "连云港甲公司", "海州区", "lyg-2021/2a", 1),
            Status.CAPPED,
            C2A,
            "10000.00",
            "0.00",
            null,
            null,
            Bilingual.of("已达年度上限 50,000.00", "annual cap of 50,000.00 reached"),
            List.of(),
            step(
                "LYG-002",
                "3 金额 amount",
                "fixed 10,000.00/件",
                "10,000.00 × 1",
                "数量=1",
                "10,000.00"),
            step(
                "LYG-002",
                "4 年度上限 annual cap",
                "cap 50,000.00",
                "min(10,000.00, 0.00)",
                "已核发=50,000.00",
                "0.00")));
    // 2: review; hostile text from the claims file
    lines.add(
        line(
            2,
            claim(
                "@LYG-003",
                "91320700MA1XXXXX02",
                "=HYPERLINK(\"http://x\",\"点我\")",
                "赣榆区",
                "lyg-2021/3b",
                1),
            Status.REVIEW,
            C3B,
            null,
            "0.00",
            null,
            null,
            Bilingual.of("缺少核定金额，待审核", "approved amount missing, needs review"),
            List.of(),
            step("@LYG-003", "3 金额 amount", "approved", "-", "+核定金额=", "待审核 review")));
    // 3: rejected (ineligible), not bad data
    lines.add(
        line(
            3,
            claim("LYG-004", "320700199001011234", "李四", "赣榆区", "lyg-2021/3b", 1),
            Status.REJECTED,
            C3B,
            null,
            "0.00",
            null,
            null,
            Bilingual.of("个人不得申报本条款", "individuals may not claim this clause"),
            List.of(),
            step("LYG-004", "2 资格 eligibility", "not 个人", "", "主体类型=个人", "不予核发 rejected")));
    // 4: bad data, clause not resolved
    lines.add(
        new PayoutLine(
            row(
                4,
                claim("LYG-005", "91320700MA1XXXXX03", "乙公司", "连云区", "lyg-2021/9z 未知", null),
                List.of(
                    new CellProblem(
                        SHEET, 7, "数量 (H)", "两件", Bilingual.of("不是整数", "not an integer")),
                    new CellProblem(
                        SHEET,
                        7,
                        "条款 (F)",
                        "-lyg-2021/9z",
                        Bilingual.of("未知条款", "unknown clause")))),
            Status.REJECTED,
            null,
            null,
            Money.ZERO,
            null,
            null,
            null,
            Bilingual.of("数据有误", "invalid data"),
            true,
            null,
            List.of(step("LYG-005", "0 读取 read", "input", "", "", "数据有误 invalid data"))));
    // 5..7: paid under 10a; 0.10 + 0.20 is where doubles go wrong
    lines.add(paid10a(5, "LYG-006", "1234.56", "740.74", "493.82"));
    lines.add(paid10a(6, "LYG-007", "0.10", "0.06", "0.04"));
    lines.add(paid10a(7, "LYG-008", "0.20", "0.12", "0.08"));

    List<CapUsage> caps =
        List.of(
            new CapUsage(
                "91320700MA1XXXXX01",
                "连云港甲公司",
                2025,
                "lyg-2021/2a",
                Money.of(50000),
                Money.of(30000),
                Money.of(20000),
                Money.ZERO),
            new CapUsage(
                "91320700MA1XXXXX04",
                "丙公司",
                null,
                "lyg-2021/10a 项目 P-1",
                Money.of(100000),
                Money.ZERO,
                Money.of("1234.56"),
                Money.of("98765.44")));
    return new RunResult(PERIOD, lines, caps);
  }

  private static PayoutLine paid10a(
      int index, String id, String paid, String city, String district) {
    return line(
        index,
        claim(id, "91320700MA1XXXXX04", "丙公司", "连云区", "lyg-2021/10a", 1),
        Status.PAID,
        C10A,
        paid,
        paid,
        city,
        district,
        Bilingual.of("按贴息 50% 核发", "50% of the interest"),
        List.of(),
        step(id, "3 金额 amount", "percent 50%", "基数 × 50%", "计算基数=" + paid, paid));
  }

  static Claim claim(
      String id, String entityId, String name, String district, String clause, Integer quantity) {
    return new Claim(
        id,
        new Claim.Claimant(entityId, name, EntityType.ENTERPRISE, district, null),
        new Claim.Matter(clause, LocalDate.of(2025, 2, 1), quantity, null, List.of()),
        new Claim.Figures(null, null, null, null, null, null),
        null);
  }

  static ClaimRow row(int index, Claim claim, List<CellProblem> problems) {
    return new ClaimRow(index, new SourceLocation(FILE, SHEET, index + 3), claim, problems);
  }

  static TraceStep step(
      String id, String step, String rule, String formula, String inputs, String result) {
    return new TraceStep(id, step, rule, "连政发〔2021〕79号 第二条", formula, inputs, result);
  }

  private static PayoutLine line(
      int index,
      Claim claim,
      Status status,
      Clause clause,
      String computed,
      String paid,
      String city,
      String district,
      Bilingual explanation,
      List<CellProblem> problems,
      TraceStep... trace) {
    return new PayoutLine(
        row(index, claim, problems),
        status,
        clause,
        money(computed),
        money(paid),
        money(city),
        money(district),
        clause == null ? null : LYG_2021.cite(clause),
        explanation,
        false,
        status == Status.PAID ? "lyg-2021/2a" : null,
        List.of(trace));
  }

  static BigDecimal money(String plain) {
    return plain == null ? null : Money.of(plain);
  }
}
