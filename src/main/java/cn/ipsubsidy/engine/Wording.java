package cn.ipsubsidy.engine;

import static cn.ipsubsidy.domain.Money.format;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.policy.AnnualCap;
import cn.ipsubsidy.policy.Calculation;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseCode;
import cn.ipsubsidy.policy.ClauseText;
import cn.ipsubsidy.policy.Eligibility;
import cn.ipsubsidy.policy.Jurisdiction;
import cn.ipsubsidy.policy.LifetimeCap;
import cn.ipsubsidy.policy.LocalOverride;
import cn.ipsubsidy.policy.MetricRule;
import cn.ipsubsidy.policy.PolicyDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything a claim's computation says, in one catalogue: the names of the trace steps, the rule,
 * formula, inputs and result texts of each step, the explanations (说明) and the notes that end them.
 * The steps decide what to say and with which values; these methods say it, so the arithmetic reads
 * without literals. The texts are the contract of 明细, 审计, the audit CSV and {@code explain}: {@code
 * EngineGoldenTest} holds every one of them as the engine writes it.
 *
 * <p>Explanations and notes are {@link Bilingual}; trace texts are one string holding both
 * languages, as the 审计 sheet shows them.
 */
final class Wording {
  private Wording() {}

  // ---- the steps, as the 审计 sheet names them

  static final String VALIDATION = "0 数据校验 validation";
  static final String POLICY = "1 适用政策 policy";
  static final String ELIGIBILITY = "2 资格 eligibility";
  static final String AMOUNT = "3 金额 amount";
  static final String INDIVIDUAL_FACTOR = "4 个人减半 individual factor";
  static final String FEE_CEILING = "5 费用上限 fee ceiling";
  static final String PER_CLAIM_CAP = "6 单件上限 per-claim cap";
  static final String ANNUAL_CAP = "7 年度上限 annual cap";
  static final String LIFETIME_CAP = "8 累计上限 lifetime cap";
  static final String FUNDING_SPLIT = "9 资金分担 funding split";
  static final String PAYOUT = "10 核发 payout";
  static final String VERDICT = "结论 verdict";

  // ---- results a step ends with

  static final String INVALID_DATA = "数据有误 invalid data";
  static final String NOT_APPLICABLE = "不适用 not applicable";
  static final String ELIGIBLE = "符合 eligible";
  static final String NOT_ELIGIBLE = "不符合 not eligible";
  static final String MET = "符合 met";
  static final String NOT_MET = "不符合 not met";
  static final String THRESHOLD_NOT_MET = "未达条件 threshold not met";
  static final String LEVEL_NOT_LISTED = "不符合 not listed";
  static final String DUPLICATE = "重复 duplicate";
  static final String NOT_PAID_BEFORE = "未曾核发 not paid before";
  static final String NOT_PAID_THIS_YEAR = "本年度未曾核发 not paid this year";
  static final String ONE_TIME_IN_RUN = "本次已申报 already in this run";
  static final String YEARLY_IN_RUN = "本批已申报 already in this run";
  static final String NO_AMOUNT_SET = "政策未规定金额 policy sets no amount";
  static final String APPROVED_MISSING = "缺核定金额 approved amount missing";
  static final String BELOW_MINIMUM = "低于最低额 below the minimum";
  static final String BELOW_THRESHOLD = "未达门槛 threshold not met";
  static final String NO_TIER_MET = "未达任何档 no tier met";
  static final String FEES_MISSING = "缺发生费用 fees missing";

  // ---- step 0: the row as read

  static final String CLAIMS_CONTRACT = "申报汇总表格式 claims contract";
  static final String PATENT_CHECK = "专利号校验位 patent check character (GB/T 18375)";
  static final String REFERENCES = "凭证号 references";

  /** The inputs of the validation step: every problem of the row. */
  static String problems(List<CellProblem> problems) {
    return problems.stream()
        .map(p -> p.column() + "=「" + p.cellText() + "」: " + p.reason())
        .collect(Collectors.joining("; "));
  }

  static Bilingual invalidData(List<CellProblem> problems) {
    CellProblem first = problems.get(0);
    String more = problems.size() > 1 ? "（共" + problems.size() + "处）" : "";
    String moreEn = problems.size() > 1 ? " (" + problems.size() + " problems)" : "";
    return Bilingual.of(
        "数据有误：" + first.column() + " " + first.reason().zh() + more,
        "invalid data: " + first.column() + " " + first.reason().en() + moreEn);
  }

  static String reference(String typed) {
    return "凭证号=" + typed;
  }

  static String expectedCheck(String expected) {
    return "校验位应为 " + expected + " expected " + expected;
  }

  static Bilingual badReference(Bilingual why) {
    return Bilingual.of("数据有误：凭证号 " + why.zh(), "invalid data: 凭证号 reference number " + why.en());
  }

  /** A reference as typed, and the form it is compared in when that differs. */
  static String asCompared(String typed, String form) {
    return typed.equals(form) ? typed : typed + " → " + form;
  }

  static Bilingual oneNumberTwice(String first, String again, String form) {
    return Bilingual.of(
        "数据有误：凭证号 " + first + " 与 " + again + " 是同一号码（" + form + "）",
        "invalid data: 凭证号 references "
            + first
            + " and "
            + again
            + " are one number ("
            + form
            + ")");
  }

  static String referencesComparedAs(boolean perPatent) {
    return "凭证号规范形式 references compared as"
        + (perPatent ? " 专利号 patent numbers" : " written (NFKC, upper case, no spaces)");
  }

  static String references(List<String> typed) {
    return "凭证号=" + String.join(";", typed);
  }

  // ---- step 1: policy in force

  static Bilingual districtUnknown(String district) {
    return Bilingual.of(
        "所属地区“" + district + "”不属于任何已登记政策的辖区",
        "district '" + district + "' is in no registered jurisdiction");
  }

  static String policyInputs(Claim claim) {
    return "所属地区=" + claim.district() + "; 事项日期=" + claim.eventDate() + "; 条款=" + claim.clause();
  }

  static String inForce(PolicyDocument d) {
    return d.number()
        + " 施行期 in force "
        + d.inForceFrom()
        + " 起"
        + (d.inForceTo() == null ? "" : " 至 " + d.inForceTo());
  }

  static String inForceIn(String city, PolicyDocument d) {
    return city + " " + inForce(d);
  }

  static String notInForceOn(LocalDate date) {
    return "事项日期不在施行期内 not in force on " + date;
  }

  /**
   * @param inForce the documents of the jurisdiction that are in force on the date (none of them
   *     sets amounts for the clause)
   */
  static Bilingual noPolicyInForce(
      LocalDate date, PolicyDocument doc, List<PolicyDocument> inForce) {
    String others =
        inForce.stream()
            .map(d -> d.number() + (d.setsAmounts() ? "" : "（未规定金额 sets no amounts）"))
            .collect(Collectors.joining("、"));
    return Bilingual.of(
        "事项日期"
            + date
            + "无有金额规定的政策施行（"
            + doc.number()
            + "自"
            + doc.inForceFrom()
            + "起施行"
            + (others.isEmpty() ? "" : "；当日施行：" + others)
            + "）",
        "no policy with amounts in force on "
            + date
            + " ("
            + doc.id()
            + " is in force from "
            + doc.inForceFrom()
            + ")");
  }

  /** "lyg-2021/2a 马德里商标国际注册(延伸注册国≥10)". */
  static String clauseNamed(Clause clause) {
    return clause.code() + " " + clause.name();
  }

  // ---- step 2: eligibility

  static Bilingual claimAlreadyPaid(String claimId, PriorPayment p) {
    return Bilingual.of(
        "申报编号" + claimId + "已核发过（运行" + p.runId() + "，" + p.paidOn() + "）",
        "claim id " + claimId + " was already paid (" + p.describe() + ")");
  }

  static String typeRule(Eligibility el) {
    if (!el.allowedTypes().isEmpty()) {
      return "仅限 only "
          + el.allowedTypes().stream()
              .sorted()
              .map(EntityType::zh)
              .collect(Collectors.joining("/"));
    }
    return "不含 not "
        + el.excludedTypes().stream().sorted().map(EntityType::zh).collect(Collectors.joining("/"));
  }

  static String entityType(EntityType type) {
    return "主体类型=" + type.zh();
  }

  static Bilingual typeNotEligible(EntityType type, Clause clause, String rule) {
    return Bilingual.of(
        "主体类型“" + type.zh() + "”不符合本条款（" + rule + "）",
        "entity type " + type.en() + " is not eligible for " + clause.code() + " (" + rule + ")");
  }

  static final String METRIC = "指标";
  static final String METRIC2 = "指标2";

  static Bilingual metricRequired(String column, String label, Clause clause) {
    return Bilingual.of(
        column + "（" + label + "）必填", column + " (" + label + ") is required for " + clause.code());
  }

  static String metricRule(String label, MetricRule rule) {
    return label + " " + rule.describe();
  }

  static String value(String column, Object value) {
    return column + "=" + value;
  }

  static Bilingual thresholdNotMet(String label, long value, MetricRule rule) {
    return Bilingual.of(
        "未达条件：" + label + "为" + value + "，要求" + rule.describe(),
        "threshold not met: " + label + " is " + value + ", required " + rule.describe());
  }

  static Bilingual establishedRequired(int years, Clause clause) {
    return Bilingual.of(
        "成立日期必填（本条款要求成立" + years + "年内）", "established_date is required for " + clause.code());
  }

  static String establishedWithin(int years) {
    return "成立" + years + "年内 established within " + years + " years before 事项日期";
  }

  static String establishedFormula(LocalDate earliest) {
    return earliest + " ≤ 成立日期 ≤ 事项日期";
  }

  static String establishedInputs(LocalDate established, LocalDate eventDate) {
    return "成立日期=" + established + "; 事项日期=" + eventDate;
  }

  static Bilingual establishedOutside(LocalDate established, int years, LocalDate earliest) {
    return Bilingual.of(
        "成立日期" + established + "不在事项日期前" + years + "年内（应不早于" + earliest + "）",
        "established "
            + established
            + ", not within "
            + years
            + " years before the event date (from "
            + earliest
            + ")");
  }

  /** The levels a clause pays at, "国家/省/市". */
  private static String levels(Calculation.FixedByLevel byLevel) {
    return byLevel.perUnit().keySet().stream().map(Level::zh).collect(Collectors.joining("/"));
  }

  static Bilingual levelRequired(Calculation.FixedByLevel byLevel, Clause clause) {
    String listed = levels(byLevel);
    return Bilingual.of(
        "级别必填（本条款按级别奖励：" + listed + "）",
        "level is required for " + clause.code() + " (" + listed + ")");
  }

  static String levelRule(Calculation.FixedByLevel byLevel) {
    return "级别 level " + levels(byLevel);
  }

  static String level(Level level) {
    return "级别=" + level.zh();
  }

  static Bilingual levelNotPaid(Level level, Calculation.FixedByLevel byLevel, Clause clause) {
    String listed = levels(byLevel);
    return Bilingual.of(
        "本条款对“" + level.zh() + "”级不予奖励（仅" + listed + "）",
        clause.code() + " pays nothing at the " + level.en() + " level (only " + listed + ")");
  }

  static final String ONE_TIME = "一次性 one-time";

  static Bilingual oneTimeInRun(Level level, int row, String claimId) {
    String lvl = level == null ? "" : level.zh() + "级";
    return Bilingual.of(
        "一次性奖励：同一主体" + lvl + "本条款已在本批第" + row + "行（" + claimId + "）申报",
        "one-time award already claimed in this run by row " + row + " (" + claimId + ")");
  }

  /** The result of a check that finds an earlier payment. */
  static String alreadyPaid(PriorPayment p) {
    return "已核发 already paid: " + p.describe();
  }

  static Bilingual oneTimePaid(PriorPayment p) {
    return Bilingual.of(
        "一次性奖励已核发（" + p.describeZh() + "）", "one-time award already paid (" + p.describe() + ")");
  }

  static String oncePerYear(int budgetYear) {
    return "每预算年度一次 once per budget year " + budgetYear;
  }

  static Bilingual oncePerYearInRun(int row, String claimId) {
    return Bilingual.of(
        "本条款每预算年度限一次：同一主体已在本批第" + row + "行（" + claimId + "）申报",
        "once per budget year: already claimed in this run by row " + row + " (" + claimId + ")");
  }

  static Bilingual oncePerYearPaid(int budgetYear, PriorPayment p) {
    return Bilingual.of(
        "本条款每预算年度限一次：" + budgetYear + "年度已核发（" + p.describeZh() + "）",
        "once per budget year: already paid in " + budgetYear + " (" + p.describe() + ")");
  }

  static String referenceOnce(String group) {
    return "凭证号唯一 reference once per " + group;
  }

  static Bilingual duplicateInRun(String key, int row, String claimId, String group) {
    return Bilingual.of(
        "凭证号" + key + "重复：已在本批第" + row + "行（" + claimId + "）按" + group + "申报",
        "duplicate reference "
            + key
            + ": already claimed under "
            + group
            + " by row "
            + row
            + " ("
            + claimId
            + ")");
  }

  static String paidBefore(PriorPayment p) {
    return "已核发 " + p.describe();
  }

  static Bilingual referencePaid(String key, PriorPayment p) {
    return Bilingual.of(
        "凭证号" + key + "已核发（" + p.describeZh() + "）",
        "reference " + key + " already paid (" + p.describe() + ")");
  }

  /** Where the lower award a higher one contains was paid: a row of this run. */
  static Bilingual rowOfThisRun(int row) {
    return Bilingual.of("本批第" + row + "行", "row " + row + " of this run");
  }

  /** Where the lower award a higher one contains was paid: an earlier run. */
  static Bilingual earlierRun(PriorPayment p) {
    return Bilingual.of("运行" + p.runId(), p.describe());
  }

  static String higherContainsLower(Clause clause, PriorPayment lower) {
    return "从新、从优、从高 " + clause.code() + " 含 " + lower.clause();
  }

  static String paidUnderLower(PriorPayment lower, Bilingual where) {
    return "已按"
        + lower.clause()
        + "核发 "
        + format(lower.amount())
        + "（"
        + where.zh()
        + "） paid under "
        + lower.clause()
        + " ("
        + where.en()
        + ")";
  }

  // ---- step 3: amount by kind

  static String perUnit(String kind, BigDecimal perUnit) {
    return kind + " " + format(perUnit) + "/件";
  }

  static String perUnitAtLevel(String kind, Level level, BigDecimal perUnit) {
    return kind + " " + level.zh() + "级 " + format(perUnit) + "/件";
  }

  static String times(BigDecimal amount, int quantity) {
    return format(amount) + " × " + quantity;
  }

  static String quantity(int quantity) {
    return "数量=" + quantity;
  }

  static String levelAndQuantity(Level level, int quantity) {
    return "级别=" + level.zh() + "; 数量=" + quantity;
  }

  static String upTo(String kind, BigDecimal maxPerUnit) {
    return kind + " 每件最高 " + format(maxPerUnit);
  }

  static String approvedUpTo(BigDecimal approved, BigDecimal maxPerUnit, int quantity) {
    return "min(核定金额 " + format(approved) + ", " + format(maxPerUnit) + " × " + quantity + ")";
  }

  static String quantityAndApproved(int quantity, BigDecimal approved) {
    return "数量=" + quantity + "; 核定金额=" + format(approved);
  }

  static final String UNSET_AS_APPROVED = "unset→approved";
  static final String APPROVED_EMPTY = "核定金额=(空)";

  static String unsetAsFixed(BigDecimal localAmount) {
    return "unset→fixed " + format(localAmount) + "/件";
  }

  static final Bilingual UNSET_APPROVED_USED =
      Bilingual.of("政策未规定金额，按核定金额计", "the policy sets no amount; the approved amount is used");

  static String unset(String phrase) {
    return "unset “" + phrase + "”";
  }

  static Bilingual noAmountSet(String phrase) {
    return Bilingual.of(
        "政策未规定金额（“" + phrase + "”），需本地规则或核定金额",
        "policy sets no amount (\"" + phrase + "\"): needs a local rule or an approved amount");
  }

  /** "最低 20,000.00 最高 100,000.00", either part left out when the clause sets none. */
  private static String bounds(BigDecimal min, BigDecimal max) {
    return (min == null ? "" : "最低 " + format(min) + " ")
        + (max == null ? "" : "最高 " + format(max));
  }

  /** The rule of an approved amount that is checked against its bounds or cut to its max. */
  static String approvedRule(String kind, BigDecimal min, BigDecimal max) {
    return kind + " " + bounds(min, max);
  }

  /** The rule of an approved amount within its bounds. */
  static String approvedWithin(String kind, BigDecimal min, BigDecimal max) {
    return kind + " " + bounds(min, max).strip();
  }

  static String approved(BigDecimal approved) {
    return "核定金额=" + format(approved);
  }

  static final Bilingual APPROVED_AMOUNT_MISSING =
      Bilingual.of("缺少核定金额，需评审核定", "approved amount (核定金额) is missing; needs a committee decision");

  static String below(BigDecimal amount, BigDecimal min) {
    return format(amount) + " < " + format(min);
  }

  static Bilingual approvedBelowMinimum(BigDecimal approved, BigDecimal min) {
    return Bilingual.of(
        "核定金额" + format(approved) + "低于本条款最低" + format(min) + "，需复核",
        "approved amount " + format(approved) + " is below the minimum " + format(min));
  }

  static Bilingual approvedAboveMaximum(BigDecimal approved, BigDecimal max) {
    return Bilingual.of(
        "核定金额" + format(approved) + "超过最高" + format(max) + "，按最高额计",
        "approved " + format(approved) + " is above the max " + format(max) + "; the max is used");
  }

  static String min(BigDecimal a, BigDecimal b) {
    return "min(" + format(a) + ", " + format(b) + ")";
  }

  static Bilingual basisRequired(Calculation.Percent p, Clause clause) {
    return Bilingual.of(
        "计算基数必填（" + p.basisLabel() + "）",
        "basis is required for " + clause.code() + " (" + p.basisLabel() + ")");
  }

  static Bilingual deductionExceedsBasis(BigDecimal deduction, BigDecimal basis) {
    return Bilingual.of(
        "扣除金额" + format(deduction) + "大于计算基数" + format(basis),
        "deduction " + format(deduction) + " exceeds the basis " + format(basis));
  }

  /** A share or rate as a percentage, "60%". */
  static String percent(BigDecimal rate) {
    return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  static String percentRule(Calculation.Percent p) {
    return "percent " + percent(p.rate()) + " × " + p.basisLabel();
  }

  static String percentFormula(Calculation.Percent p, BigDecimal basis, BigDecimal deduction) {
    String pct = percent(p.rate());
    String formula =
        deduction.signum() == 0
            ? pct + " × " + format(basis)
            : pct + " × (" + format(basis) + " − " + format(deduction) + ")";
    return formula + "，四舍五入到分";
  }

  static String basisAndDeduction(BigDecimal basis, BigDecimal deduction) {
    return "计算基数=" + format(basis) + "; 扣除金额=" + format(deduction);
  }

  static Bilingual steppedMetricRequired(Clause clause) {
    return Bilingual.of("指标必填（本条款按数量分档）", "metric is required for " + clause.code());
  }

  /** The audit trail's rule of a stepped amount: the same words as {@code clauses} shows. */
  static String steppedRule(Calculation.Stepped s) {
    return "stepped " + ClauseText.stepped(s);
  }

  static String belowThreshold(long metric, long threshold) {
    return metric + " < " + threshold;
  }

  static String metric(long metric) {
    return "指标=" + metric;
  }

  static Bilingual metricBelowThreshold(long metric, long threshold) {
    return Bilingual.of(
        "未达条件：指标" + metric + "低于" + threshold,
        "threshold not met: metric " + metric + " is below " + threshold);
  }

  static String steppedFormula(Calculation.Stepped s, long metric) {
    return "min("
        + format(s.base())
        + " + "
        + format(s.step())
        + " × ⌊("
        + metric
        + " − "
        + s.threshold()
        + ") / "
        + s.increment()
        + "⌋, "
        + format(s.max())
        + ")";
  }

  static Bilingual tieredMetricsRequired(boolean needs2, Clause clause) {
    return Bilingual.of(
        needs2 ? "指标和指标2必填（本条款分档）" : "指标必填（本条款分档）",
        (needs2 ? "metric and metric2 are" : "metric is") + " required for " + clause.code());
  }

  static String tieredRule(Calculation.Tiered t) {
    return "tiered "
        + t.tiers().stream()
            .map(
                x ->
                    "(≥"
                        + x.metricMin()
                        + (x.metric2Min() == null ? "" : " 且 ≥" + x.metric2Min())
                        + ")→"
                        + format(x.amount()))
            .collect(Collectors.joining("; "));
  }

  static String metrics(Claim claim, boolean needs2) {
    return "指标=" + claim.metric() + (needs2 ? "; 指标2=" + claim.metric2() : "");
  }

  static Bilingual noTierMet(String inputs) {
    return Bilingual.of(
        "未达条件：" + inputs + "，未达最低档",
        "threshold not met: "
            + inputs.replace("指标2", "metric2").replace("指标", "metric")
            + " meets no tier");
  }

  static String tier(Calculation.Tier best) {
    return "档 tier (≥"
        + best.metricMin()
        + (best.metric2Min() == null ? "" : ", ≥" + best.metric2Min())
        + ")";
  }

  static String differenceRule(String lowerClause) {
    return "补差额 difference: " + lowerClause + " 已核发部分抵减";
  }

  static String minus(BigDecimal a, BigDecimal b) {
    return format(a) + " − " + format(b);
  }

  static String paidUnderLowerAwards(List<PriorPayment> lowerAwards) {
    return "已核发=" + lowerAwards(lowerAwards, "; ");
  }

  static Bilingual differencePaid(List<PriorPayment> lowerAwards) {
    return Bilingual.of(
        "已按" + lowerAwards(lowerAwards, "、") + "元核发，补差额",
        "already paid under " + lowerAwards(lowerAwards, ", ") + "; the difference is paid");
  }

  /** The lower awards counted against this one, each "wx-2020/4a 50,000.00". */
  private static String lowerAwards(List<PriorPayment> lowerAwards, String separator) {
    return lowerAwards.stream()
        .map(p -> p.clause() + " " + format(p.amount()))
        .collect(Collectors.joining(separator));
  }

  // ---- steps 4 to 6: modifiers and the per-claim cap

  private static String factor(BigDecimal factor) {
    return factor.stripTrailingZeros().toPlainString();
  }

  static String individualFactorRule(BigDecimal factor) {
    return "个人 × " + factor(factor);
  }

  static String timesFactor(BigDecimal amount, BigDecimal factor) {
    return format(amount) + " × " + factor(factor);
  }

  static final String AN_INDIVIDUAL = "主体类型=个人";
  static final Bilingual HALVED = Bilingual.of("个人减半", "halved for an individual");

  static final String NOT_ABOVE_FEES = "不超过发生费用 not above fees incurred";
  static final String FEES_EMPTY = "发生费用=(空)";
  static final Bilingual FEES_MISSING_FOR_CEILING =
      Bilingual.of(
          "缺少发生费用，无法核对“不得超过费用总和”",
          "fees incurred (发生费用) missing: the fee ceiling cannot be checked");

  static String fees(BigDecimal fees) {
    return "发生费用=" + format(fees);
  }

  static Bilingual limitedToFees(BigDecimal fees) {
    return Bilingual.of(
        "以发生费用" + format(fees) + "为限", "limited to the fees incurred " + format(fees));
  }

  static String perClaimCap(BigDecimal cap) {
    return "每件最高 " + format(cap);
  }

  static Bilingual cutToPerClaimCap(BigDecimal cap) {
    return Bilingual.of(
        "受每件最高" + format(cap) + "元限制", "cut to the per-claim cap of " + format(cap));
  }

  static final Bilingual ZERO_AMOUNT =
      Bilingual.of("计算金额为零，不予核发", "the computed amount is zero; nothing to pay");

  // ---- steps 7 and 8: caps that count other claims

  static String annualCap(AnnualCap cap, int budgetYear) {
    return cap.group() + " 同一主体" + budgetYear + "年度最高 " + format(cap.amount());
  }

  static String minRoom(BigDecimal amount, BigDecimal cap, BigDecimal used) {
    return "min(" + format(amount) + ", " + format(cap) + " − " + format(used) + ")";
  }

  /** The runs that paid under an annual cap before, "（运行 R1, R2）", or "" when none. */
  private static String runs(CapLedger.Usage usage) {
    return usage.runs().isEmpty() ? "" : "（运行 " + String.join(", ", usage.runs()) + "）";
  }

  static String annualUsage(CapLedger.Usage usage) {
    return "本年此前已核发="
        + format(usage.paidBefore())
        + runs(usage)
        + "; 本批此前="
        + format(usage.paidNow());
  }

  static Bilingual cutByAnnualCap(AnnualCap cap, CapLedger.Usage usage) {
    return Bilingual.of(
        "受"
            + cap.group()
            + "同一主体年度上限"
            + format(cap.amount())
            + "元限制（本年此前已核发"
            + format(usage.paidBefore())
            + "元"
            + runs(usage)
            + "，本批此前"
            + format(usage.paidNow())
            + "元）",
        "cut by the annual cap of "
            + format(cap.amount())
            + " per entity for "
            + cap.group()
            + " ("
            + format(usage.paidBefore())
            + " paid earlier this year"
            + (usage.runs().isEmpty() ? "" : " by run " + String.join(", ", usage.runs()))
            + ", "
            + format(usage.paidNow())
            + " by earlier rows of this run)");
  }

  static String lifetimeCap(LifetimeCap cap, String project) {
    return cap.group() + " 项目 " + project + " 累计最高 " + format(cap.amount());
  }

  static String lifetimeUsage(CapLedger.Usage usage) {
    return "历年已核发=" + format(usage.paidBefore()) + "; 本批此前=" + format(usage.paidNow());
  }

  static Bilingual cutByLifetimeCap(LifetimeCap cap, String project, BigDecimal used) {
    return Bilingual.of(
        "受项目" + project + "累计上限" + format(cap.amount()) + "元限制（此前已核发" + format(used) + "元）",
        "cut by the lifetime cap of "
            + format(cap.amount())
            + " for project "
            + project
            + " ("
            + format(used)
            + " paid before)");
  }

  // ---- step 9, the payout and the verdict

  static String fundingSplitRule(String cityPercent) {
    return "市级 " + cityPercent + "，区级承担其余";
  }

  static String fundingSplitFormula(BigDecimal paid, String cityPercent) {
    return "市 = " + format(paid) + " × " + cityPercent + "（四舍五入到分）; 区 = " + format(paid) + " − 市";
  }

  static String paid(BigDecimal paid) {
    return "核发金额=" + format(paid);
  }

  static String shares(BigDecimal city, BigDecimal district) {
    return "市级 " + format(city) + "; 区级 " + format(district);
  }

  static Bilingual paidUnder(BigDecimal paid, Clause clause, String citation) {
    return Bilingual.of(
        "按" + citation + "（" + clause.code() + "）核发" + format(paid) + "元",
        "paid " + format(paid) + " under " + clause.code() + " (" + citation + ")");
  }

  static final String CAPPED = "已达上限 capped";
  static final Bilingual NOTHING_LEFT_UNDER_CAP =
      Bilingual.of("已达上限，本次核发0.00元", "capped: nothing left under the cap, 0.00 paid");

  static String status(Status status) {
    return status.zh() + " " + status.en();
  }

  /** The verdict step's result: the reason in both languages, as one cell. */
  static String reason(Bilingual why) {
    return why.zh() + " / " + why.en();
  }

  /** 说明: the head sentence, then the notes, in each language. */
  static Bilingual explanation(Bilingual head, List<Bilingual> notes) {
    if (notes.isEmpty()) {
      return Bilingual.of(head.zh() + "。", head.en() + ".");
    }
    StringBuilder zh = new StringBuilder(head.zh());
    StringBuilder en = new StringBuilder(head.en());
    for (Bilingual n : notes) {
      zh.append('；').append(n.zh());
      en.append("; ").append(n.en());
    }
    return Bilingual.of(zh.append('。').toString(), en.append('.').toString());
  }

  /**
   * " [本地规则 local rules file:line: field=value，政策原值 policy …，reason]" for each value the office's
   * local rules set for one of {@code fields} on the clause, in the rules file's order; "" when
   * they set none. A level's amount is asked for as {@code amounts.NATIONAL} and matches the rules'
   * {@code amounts.国家} or {@code amounts.national} alike.
   */
  static String localRule(Clause clause, String... fields) {
    List<LocalOverride> overrides = clause.overrides();
    if (overrides.isEmpty()) {
      return "";
    }
    StringBuilder out = null;
    for (LocalOverride o : overrides) {
      if (!asked(o.field(), fields)) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(" [本地规则 local rules ")
          .append(o.source())
          .append(": ")
          .append(o.field())
          .append("=")
          .append(o.value())
          .append(o.policyValue() == null ? "" : "，政策原值 policy " + o.policyValue())
          .append(o.reason() == null || o.reason().isBlank() ? "" : "，" + o.reason())
          .append("]");
    }
    return out == null ? "" : out.toString();
  }

  private static boolean asked(String field, String... fields) {
    for (String f : fields) {
      if (f.equals(field)) {
        return true;
      }
      if (f.startsWith(LEVEL_FIELD) && field.startsWith(LEVEL_FIELD)) {
        var asked = cn.ipsubsidy.domain.Level.parse(f.substring(LEVEL_FIELD.length()));
        if (asked.isPresent()
            && asked.equals(
                cn.ipsubsidy.domain.Level.parse(field.substring(LEVEL_FIELD.length())))) {
          return true;
        }
      }
    }
    return false;
  }

  private static final String LEVEL_FIELD = "amounts.";

  // Resolving the 条款 cell (ClauseResolver)

  static Bilingual clauseNotInCities(String local, String cities) {
    return Bilingual.of(
        "条款代码 " + local + " 在 " + cities + " 的政策中不存在",
        "no policy of " + cities + " has a clause " + local);
  }

  static Bilingual clauseAmbiguous(String local, List<ClauseCode> candidates) {
    return Bilingual.of(
        "条款代码 " + local + " 不唯一，请写明政策，如 " + candidates + "，或使用 --policy",
        "clause " + local + " is ambiguous: write one of " + candidates + " or use --policy");
  }

  static Bilingual notAClauseCode(String cell) {
    return Bilingual.of(
        "条款“" + cell + "”不是有效的条款代码（应如 lyg-2021/2a）",
        "'" + cell + "' is not a clause code (expected e.g. lyg-2021/2a)");
  }

  static Bilingual unknownPolicy(ClauseCode code, String cell) {
    return Bilingual.of(
        "未登记的政策 " + code.policyId() + "（条款“" + cell + "”）",
        "unknown policy " + code.policyId() + " in '" + cell + "'");
  }

  static Bilingual noSuchClause(PolicyDocument doc, ClauseCode code, String cell) {
    return Bilingual.of(
        doc.number() + " 无条款 " + code.local() + "（条款“" + cell + "”）",
        "policy " + doc.id() + " has no clause " + code.local());
  }

  static Bilingual clauseOfAnotherCity(ClauseCode code, Jurisdiction own, Jurisdiction claimed) {
    return Bilingual.of(
        "条款 " + code + " 属于" + own.city() + "的政策，不适用于" + claimed.city(),
        "clause " + code + " belongs to a policy of " + own.city() + ", not of " + claimed.city());
  }
}
