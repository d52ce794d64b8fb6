package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
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
import cn.ipsubsidy.policy.AnnualCap;
import cn.ipsubsidy.policy.Calculation;
import cn.ipsubsidy.policy.Caps;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseCode;
import cn.ipsubsidy.policy.ClauseModifiers;
import cn.ipsubsidy.policy.Eligibility;
import cn.ipsubsidy.policy.LifetimeCap;
import cn.ipsubsidy.policy.ReferenceRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Hand-built clauses, lines and runs: the ledger tests need no policy files and no engine. */
final class Fixtures {
  private Fixtures() {}

  /** lyg-2021/2a 马德里: 10,000 per registration, 30,000 a year per entity, unique references. */
  static final Clause MADRID =
      new Clause(
          ClauseCode.of("lyg-2021/2a"),
          "马德里商标国际注册",
          "第二条",
          "通过马德里体系注册的商标，每件资助10000元，同一企业每年最高不超过30000元。",
          new Calculation.Fixed(Money.of(10000)),
          Eligibility.ANYONE,
          new Caps(null, new AnnualCap("lyg-2021/2a", Money.of(30000)), null),
          ClauseModifiers.NONE,
          new ReferenceRule(ReferenceRule.Mode.UNIQUE, "lyg-2021/2", false),
          List.of(),
          List.of());

  /** A one-time award by level (lyg-2021/5a 示范企业). */
  static final Clause ONE_TIME =
      new Clause(
          ClauseCode.of("lyg-2021/5a"),
          "知识产权示范企业",
          "第五条",
          "一次性奖励",
          new Calculation.Fixed(Money.of(200000)),
          new Eligibility(Set.of(), Set.of(EntityType.INDIVIDUAL), null, null, true, null),
          Caps.NONE,
          ClauseModifiers.NONE,
          null,
          List.of(),
          List.of());

  /** Staged project support: project references, 1,000,000 over all years. */
  static final Clause PROJECT =
      new Clause(
          ClauseCode.of("lyg-2021/9a"),
          "知识产权运营平台",
          "第九条",
          "按建设进度分阶段支持，最高100万元",
          new Calculation.Approved(Money.of(1000000), null),
          Eligibility.ANYONE,
          new Caps(null, null, new LifetimeCap("lyg-2021/9", Money.of(1000000))),
          ClauseModifiers.NONE,
          new ReferenceRule(ReferenceRule.Mode.PROJECT, "lyg-2021/9", true),
          List.of(),
          List.of());

  /** Paid once per entity and budget year (lyg-2021/12b 专利代理机构, revision 2). */
  static final Clause YEARLY =
      new Clause(
          ClauseCode.of("lyg-2021/12b"),
          "专利代理机构代理量奖励",
          "第十二条",
          "上年度代理本市发明专利授权量",
          new Calculation.Fixed(Money.of(30000)),
          new Eligibility(Set.of(), Set.of(), null, null, false, null, false, true),
          Caps.NONE,
          ClauseModifiers.NONE,
          null,
          List.of(),
          List.of());

  /** Annuity per maintenance year: the reference key carries the metric. */
  static final Clause PER_METRIC =
      new Clause(
          ClauseCode.of("wx-2020/1c"),
          "专利年费",
          "第一条",
          "维持年费资助",
          new Calculation.Fixed(Money.of(1000)),
          Eligibility.ANYONE,
          Caps.NONE,
          ClauseModifiers.NONE,
          new ReferenceRule(ReferenceRule.Mode.UNIQUE_PER_METRIC, "wx-2020/1", false),
          List.of(),
          List.of());

  static Claim claim(
      String claimId, String entityId, Clause clause, LocalDate date, List<String> refs) {
    return new Claim(
        claimId,
        new Claim.Claimant(entityId, "连云港" + entityId + "有限公司", EntityType.ENTERPRISE, "海州区", null),
        new Claim.Matter(clause.code().toString(), date, 1, null, refs),
        new Claim.Figures(null, null, null, null, null, null),
        null);
  }

  static ClaimRow row(int index, Claim claim) {
    return new ClaimRow(
        index, new SourceLocation("claims.xlsx", "申报汇总", index + 3), claim, List.of());
  }

  /** A PAID line of {@code amount} (or a zero line of another status when amount is 0). */
  static PayoutLine line(int index, Claim claim, Clause clause, Status status, String amount) {
    BigDecimal paid = Money.of(amount);
    return new PayoutLine(
        row(index, claim),
        status,
        clause,
        status == Status.REJECTED ? null : paid,
        status == Status.PAID ? paid : Money.ZERO,
        null,
        null,
        "连政发〔2021〕79号 " + clause.article(),
        Bilingual.of("按" + clause.code() + "核发" + amount + "元。", "paid " + amount + "."),
        false,
        clause.caps().annual() == null ? null : clause.caps().annual().group(),
        List.of());
  }

  static PayoutLine paid(int index, Claim claim, Clause clause, String amount) {
    return line(index, claim, clause, Status.PAID, amount);
  }

  static RunResult result(Period period, PayoutLine... lines) {
    return new RunResult(period, List.of(lines), List.of());
  }

  static RunResult result(Period period, List<PayoutLine> lines, List<CapUsage> usages) {
    return new RunResult(period, lines, usages);
  }

  static RunToPost run(String runId, String period, PayoutLine... lines) {
    return run(runId, period, null, lines);
  }

  static RunToPost run(String runId, String period, String replaces, PayoutLine... lines) {
    Period p = Period.parse(period).orElseThrow();
    return new RunToPost(
        runId,
        p,
        "claims-" + period + ".xlsx",
        StoredDocument.sha256(runId + "-input"),
        "clerk",
        "0.1.0",
        Instant.parse(p.start().plusDays(20) + "T02:30:00Z"),
        documents(),
        replaces,
        result(
            p,
            List.of(lines),
            List.of(
                new CapUsage(
                    "E1",
                    "连云港E1有限公司",
                    p.year(),
                    "lyg-2021/2a",
                    Money.of(30000),
                    Money.ZERO,
                    Money.ZERO,
                    Money.of(30000)))));
  }

  static List<StoredDocument> documents() {
    List<StoredDocument> docs = new ArrayList<>();
    docs.add(StoredDocument.of("policy", "policies/lyg-2021.yaml", "id: lyg-2021\n条款: 2a\n"));
    docs.add(StoredDocument.of("rules", "local-rules.yaml", "city_share: 0.6\n"));
    return docs;
  }
}
