package cn.ipsubsidy.engine;

import static cn.ipsubsidy.domain.Money.format;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.ReferenceNumber;
import cn.ipsubsidy.policy.AnnualCap;
import cn.ipsubsidy.policy.Calculation;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseModifiers;
import cn.ipsubsidy.policy.Eligibility;
import cn.ipsubsidy.policy.Jurisdiction;
import cn.ipsubsidy.policy.LifetimeCap;
import cn.ipsubsidy.policy.LocalOverride;
import cn.ipsubsidy.policy.MetricRule;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyRegistry;
import cn.ipsubsidy.policy.ReferenceRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Computes one claim through the catalog's steps, in order: policy in force, eligibility, amount by
 * kind, individual factor, fee ceiling, per-claim cap, annual cap, lifetime cap, funding split.
 * Every step that checks or changes the amount leaves a {@link TraceStep}.
 */
final class ClaimCalculator {
  private final PolicyRegistry registry;
  private final ClauseResolver resolver;
  private final PriorPayouts prior;
  private final RunTally tally;
  private final CapLedger caps;
  private final int budgetYear;
  private final IntFunction<ClaimRow> rowAt;

  /** The jurisdictions of each district text met so far: a run names few districts many times. */
  private final Map<String, List<Jurisdiction>> districts = new HashMap<>();

  /**
   * @param rowAt the row of an input index, to name the earlier row of this run that holds a
   *     reference or one-time award
   */
  ClaimCalculator(
      PolicyRegistry registry,
      String defaultPolicyId,
      PriorPayouts prior,
      RunTally tally,
      CapLedger caps,
      int budgetYear,
      IntFunction<ClaimRow> rowAt) {
    this.rowAt = rowAt;
    this.registry = registry;
    this.resolver = new ClauseResolver(registry, defaultPolicyId);
    this.prior = prior;
    this.tally = tally;
    this.caps = caps;
    this.budgetYear = budgetYear;
    for (PolicyDocument d : registry.documents()) {
      for (Clause c : d.clauses()) {
        if (c.references() != null && c.references().upgrades() != null) {
          upgradeSources.add(c.references().upgrades());
        }
      }
    }
  }

  /** Clauses a higher award contains (wx-2020 4a): their paid references are kept for it. */
  private final Set<String> upgradeSources = new java.util.HashSet<>();

  PayoutLine evaluate(ClaimRow row) {
    Evaluation e = new Evaluation(row);
    try {
      return e.run();
    } catch (Halt h) {
      return h.line;
    }
  }

  /** Ends a claim's computation early with its verdict; carries no stack trace. */
  private static final class Halt extends RuntimeException {
    final transient PayoutLine line;

    Halt(PayoutLine line) {
      super(null, null, false, false);
      this.line = line;
    }
  }

  private final class Evaluation {
    private final ClaimRow row;
    private final Claim claim;
    private final List<TraceStep> trace = new ArrayList<>();
    private final List<String> notesZh = new ArrayList<>();
    private final List<String> notesEn = new ArrayList<>();
    private final List<String> holdReferences = new ArrayList<>();
    private String holdOneTime;
    private String holdYearly;
    private BigDecimal upgradeCredit = Money.ZERO;
    private final List<String> upgradeFrom = new ArrayList<>();
    private Clause clause;
    private PolicyDocument doc;
    private String citation = "";
    private BigDecimal computed;

    Evaluation(ClaimRow row) {
      this.row = row;
      this.claim = row.claim();
    }

    PayoutLine run() {
      validated();
      Jurisdiction jurisdiction = policyInForce();
      eligible(jurisdiction);
      BigDecimal amount = amountByKind();
      amount = upgradeDifference(amount);
      amount = individualFactor(amount);
      amount = feeCeiling(amount);
      amount = perClaimCap(amount);
      computed = amount;
      if (amount.signum() == 0) {
        halt(Status.REJECTED, false, "计算金额为零，不予核发", "the computed amount is zero; nothing to pay");
      }
      BigDecimal paid = annualCap(amount);
      paid = lifetimeCap(paid);
      return finish(paid);
    }

    // ---- step 0: the row as read

    private void validated() {
      if (!row.hasProblems()) {
        return;
      }
      List<CellProblem> problems = row.problems();
      String inputs =
          problems.stream()
              .map(p -> p.column() + "=「" + p.cellText() + "」: " + p.reason())
              .collect(Collectors.joining("; "));
      step("0 数据校验 validation", "申报汇总表格式 claims contract", "", inputs, "数据有误 invalid data");
      CellProblem first = problems.get(0);
      String more = problems.size() > 1 ? "（共" + problems.size() + "处）" : "";
      String moreEn = problems.size() > 1 ? " (" + problems.size() + " problems)" : "";
      halt(
          Status.REJECTED,
          true,
          "数据有误：" + first.column() + " " + first.reason().zh() + more,
          "invalid data: " + first.column() + " " + first.reason().en() + moreEn);
    }

    // ---- step 1: policy in force

    private Jurisdiction policyInForce() {
      List<Jurisdiction> districtOf =
          claim.district() == null
              ? List.of()
              : districts.computeIfAbsent(claim.district(), registry::jurisdictionsOf);
      if (districtOf.isEmpty()) {
        halt(
            Status.REJECTED,
            true,
            "所属地区“" + claim.district() + "”不属于任何已登记政策的辖区",
            "district '" + claim.district() + "' is in no registered jurisdiction");
      }
      ClauseResolver.Resolution r = resolver.resolve(claim.clause(), districtOf);
      if (r.clause() == null) {
        halt(Status.REJECTED, true, r.problem());
      }
      Jurisdiction jurisdiction = r.jurisdiction();
      clause = r.clause();
      doc = r.document();
      citation = doc.cite(clause);
      String inputs =
          "所属地区=" + claim.district() + "; 事项日期=" + claim.eventDate() + "; 条款=" + claim.clause();
      if (r.problem() != null) {
        step("1 适用政策 policy", jurisdiction.city(), "", inputs, "不适用 not applicable");
        halt(Status.REJECTED, false, r.problem());
      }
      LocalDate date = claim.eventDate();
      if (!doc.inForceOn(date)) {
        String others =
            registry.inForce(jurisdiction, date).stream()
                .map(d -> d.number() + (d.setsAmounts() ? "" : "（未规定金额 sets no amounts）"))
                .collect(Collectors.joining("、"));
        step(
            "1 适用政策 policy",
            doc.number() + " 施行期 in force " + inForceText(doc),
            "",
            inputs,
            "事项日期不在施行期内 not in force on " + date);
        halt(
            Status.REVIEW,
            false,
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
      step(
          "1 适用政策 policy",
          jurisdiction.city() + " " + doc.number() + " 施行期 in force " + inForceText(doc),
          "",
          inputs,
          clause.code() + " " + clause.name());
      return jurisdiction;
    }

    // ---- step 2: eligibility

    private void eligible(Jurisdiction jurisdiction) {
      referenceForms();
      prior
          .claimPaid(claim.claimId())
          .ifPresent(
              p ->
                  halt(
                      Status.REJECTED,
                      false,
                      "申报编号" + claim.claimId() + "已核发过（运行" + p.runId() + "，" + p.paidOn() + "）",
                      "claim id " + claim.claimId() + " was already paid (" + p.describe() + ")"));
      Eligibility el = clause.eligibility();
      EntityType type = claim.entityType();
      if (!el.allowedTypes().isEmpty() || !el.excludedTypes().isEmpty()) {
        String rule = typeRule(el);
        if (!el.admits(type)) {
          step("2 资格 eligibility", rule, "", "主体类型=" + type.zh(), "不符合 not eligible");
          halt(
              Status.REJECTED,
              false,
              "主体类型“" + type.zh() + "”不符合本条款（" + rule + "）",
              "entity type "
                  + type.en()
                  + " is not eligible for "
                  + clause.code()
                  + " ("
                  + rule
                  + ")");
        }
        step("2 资格 eligibility", rule, "", "主体类型=" + type.zh(), "符合 eligible");
      }
      metricCheck(el.metric(), claim.metric(), "指标");
      metricCheck(el.metric2(), claim.metric2(), "指标2");
      if (el.establishedWithinYears() != null) {
        establishedWindow(el.establishedWithinYears());
      }
      if (clause.calculation() instanceof Calculation.FixedByLevel byLevel) {
        levelCheck(byLevel);
      }
      if (el.oneTime()) {
        oneTimeCheck();
      }
      if (el.oncePerBudgetYear()) {
        oncePerYearCheck();
      }
      referenceCheck();
    }

    /**
     * 凭证号 as typed and as compared (revision 2): a Chinese patent number whose check character does
     * not match its digits is bad data; a reference listed twice in the cell in any spelling is bad
     * data too.
     */
    private void referenceForms() {
      List<String> refs = claim.references();
      ReferenceRule rule = clause.references();
      if (refs.isEmpty() || rule == null) {
        return;
      }
      boolean perPatent = rule.perPatent();
      List<String> shown = new ArrayList<>();
      Map<String, String> seen = new HashMap<>();
      for (String r : refs) {
        ReferenceNumber.Canonical c = ReferenceNumber.canonical(r, perPatent);
        shown.add(r.equals(c.form()) ? r : r + " → " + c.form());
        if (c.checkFails()) {
          step(
              "0 数据校验 validation",
              "专利号校验位 patent check character (GB/T 18375)",
              "",
              "凭证号=" + r,
              "校验位应为 " + c.expectedCheck() + " expected " + c.expectedCheck());
          Bilingual why = c.problem().orElseThrow();
          halt(
              Status.REJECTED,
              true,
              "数据有误：凭证号 " + why.zh(),
              "invalid data: 凭证号 reference number " + why.en());
        }
        String first = seen.putIfAbsent(c.form(), r);
        if (first != null) {
          step("0 数据校验 validation", "凭证号 references", "", String.join("; ", shown), "重复 duplicate");
          halt(
              Status.REJECTED,
              true,
              "数据有误：凭证号 " + first + " 与 " + r + " 是同一号码（" + c.form() + "）",
              "invalid data: 凭证号 references "
                  + first
                  + " and "
                  + r
                  + " are one number ("
                  + c.form()
                  + ")");
        }
      }
      if (shown.equals(refs)) {
        return;
      }
      step(
          "2 资格 eligibility",
          "凭证号规范形式 references compared as"
              + (perPatent ? " 专利号 patent numbers" : " written (NFKC, upper case, no spaces)"),
          "",
          "凭证号=" + String.join(";", refs),
          String.join("; ", shown));
    }

    /**
     * lyg-2021 12b and 12c reward the previous year's volume: one award per entity, clause and
     * budget year (revision 2).
     */
    private void oncePerYearCheck() {
      String key = claim.entityId() + "|" + clause.code() + "|" + budgetYear;
      String rule = "每预算年度一次 once per budget year " + budgetYear;
      Holder held = holder(tally.yearly.get(key));
      if (held != null) {
        step("2 资格 eligibility", rule, "", key, "本批已申报 already in this run");
        halt(
            Status.REJECTED,
            false,
            "本条款每预算年度限一次：同一主体已在本批第" + held.row() + "行（" + held.claimId() + "）申报",
            "once per budget year: already claimed in this run by row "
                + held.row()
                + " ("
                + held.claimId()
                + ")");
      }
      Optional<PriorPayment> paid =
          prior.paidForClauseInYear(claim.entityId(), clause.code().toString(), budgetYear);
      if (paid.isPresent()) {
        PriorPayment p = paid.get();
        step("2 资格 eligibility", rule, "", key, "已核发 already paid: " + p.describe());
        halt(
            Status.REJECTED,
            false,
            "本条款每预算年度限一次："
                + budgetYear
                + "年度已核发（运行"
                + p.runId()
                + "，"
                + p.paidOn()
                + "，申报编号"
                + p.claimId()
                + "）",
            "once per budget year: already paid in " + budgetYear + " (" + p.describe() + ")");
      }
      step("2 资格 eligibility", rule, "", key, "本年度未曾核发 not paid this year");
      holdYearly = key;
    }

    private void metricCheck(MetricRule rule, Long value, String column) {
      if (rule == null) {
        return;
      }
      String label = rule.label() == null ? column : rule.label();
      if (value == null) {
        halt(
            Status.REJECTED,
            true,
            column + "（" + label + "）必填",
            column + " (" + label + ") is required for " + clause.code());
      }
      String rs = label + " " + rule.describe();
      if (!rule.accepts(value)) {
        step("2 资格 eligibility", rs, "", column + "=" + value, "未达条件 threshold not met");
        halt(
            Status.REJECTED,
            false,
            "未达条件：" + label + "为" + value + "，要求" + rule.describe(),
            "threshold not met: " + label + " is " + value + ", required " + rule.describe());
      }
      step("2 资格 eligibility", rs, "", column + "=" + value, "符合 met");
    }

    private void establishedWindow(int years) {
      LocalDate established = claim.establishedDate();
      if (established == null) {
        halt(
            Status.REJECTED,
            true,
            "成立日期必填（本条款要求成立" + years + "年内）",
            "established_date is required for " + clause.code());
      }
      LocalDate earliest = claim.eventDate().minusYears(years);
      String rule = "成立" + years + "年内 established within " + years + " years before 事项日期";
      String inputs = "成立日期=" + established + "; 事项日期=" + claim.eventDate();
      if (established.isBefore(earliest) || established.isAfter(claim.eventDate())) {
        step("2 资格 eligibility", rule, earliest + " ≤ 成立日期 ≤ 事项日期", inputs, "不符合 not met");
        halt(
            Status.REJECTED,
            false,
            "成立日期" + established + "不在事项日期前" + years + "年内（应不早于" + earliest + "）",
            "established "
                + established
                + ", not within "
                + years
                + " years before the event date (from "
                + earliest
                + ")");
      }
      step("2 资格 eligibility", rule, earliest + " ≤ 成立日期 ≤ 事项日期", inputs, "符合 met");
    }

    private void levelCheck(Calculation.FixedByLevel byLevel) {
      Level level = claim.level();
      String listed =
          byLevel.perUnit().keySet().stream().map(Level::zh).collect(Collectors.joining("/"));
      if (level == null) {
        halt(
            Status.REJECTED,
            true,
            "级别必填（本条款按级别奖励：" + listed + "）",
            "level is required for " + clause.code() + " (" + listed + ")");
      }
      if (!byLevel.perUnit().containsKey(level)) {
        step("2 资格 eligibility", "级别 level " + listed, "", "级别=" + level.zh(), "不符合 not listed");
        halt(
            Status.REJECTED,
            false,
            "本条款对“" + level.zh() + "”级不予奖励（仅" + listed + "）",
            clause.code() + " pays nothing at the " + level.en() + " level (only " + listed + ")");
      }
    }

    private void oneTimeCheck() {
      Level level = CapKeys.oneTimeLevel(clause, claim);
      String key = CapKeys.oneTimeKey(clause, claim);
      boolean perReference = !key.equals(CapKeys.oneTime(claim.entityId(), clause.code(), level));
      String lvl = level == null ? "" : level.zh() + "级";
      Holder held = holder(tally.oneTime.get(key));
      if (held != null) {
        step("2 资格 eligibility", "一次性 one-time", "", key, "本次已申报 already in this run");
        halt(
            Status.REJECTED,
            false,
            "一次性奖励：同一主体" + lvl + "本条款已在本批第" + held.row() + "行（" + held.claimId() + "）申报",
            "one-time award already claimed in this run by row "
                + held.row()
                + " ("
                + held.claimId()
                + ")");
      }
      // the level the award counts at, as in this run's tally: a 级别 cell on a clause that does
      // not pay by level must not open a second award in a later period
      Optional<PriorPayment> paid =
          perReference
              ? prior.oneTimePaid(key)
              : prior.oneTimePaid(claim.entityId(), clause.code(), level);
      if (paid.isPresent()) {
        PriorPayment p = paid.get();
        step("2 资格 eligibility", "一次性 one-time", "", key, "已核发 already paid: " + p.describe());
        halt(
            Status.REJECTED,
            false,
            "一次性奖励已核发（运行" + p.runId() + "，" + p.paidOn() + "，申报编号" + p.claimId() + "）",
            "one-time award already paid (" + p.describe() + ")");
      }
      step("2 资格 eligibility", "一次性 one-time", "", key, "未曾核发 not paid before");
      holdOneTime = key;
    }

    private void referenceCheck() {
      List<String> keys = CapKeys.referenceKeys(clause, claim);
      if (keys.isEmpty()) {
        return;
      }
      ReferenceRule rule = clause.references();
      for (String key : keys) {
        Holder held = holder(tally.references.get(rule.group() + "|" + key));
        PriorPayment lower =
            rule.upgrades() == null ? null : tally.paidUnder.get(rule.group() + "|" + key);
        if (held != null && lower != null && rule.upgrades().equals(lower.clause())) {
          credit(key, lower, "本批第" + held.row() + "行", "row " + held.row() + " of this run");
          continue;
        }
        if (held != null) {
          step(
              "2 资格 eligibility",
              "凭证号唯一 reference once per " + rule.group(),
              "",
              key,
              "重复 duplicate");
          halt(
              Status.REJECTED,
              false,
              "凭证号"
                  + key
                  + "重复：已在本批第"
                  + held.row()
                  + "行（"
                  + held.claimId()
                  + "）按"
                  + rule.group()
                  + "申报",
              "duplicate reference "
                  + key
                  + ": already claimed under "
                  + rule.group()
                  + " by row "
                  + held.row()
                  + " ("
                  + held.claimId()
                  + ")");
        }
        Optional<PriorPayment> paid = prior.referencePaid(rule.group(), key);
        if (paid.isPresent()
            && rule.upgrades() != null
            && rule.upgrades().equals(paid.get().clause())) {
          PriorPayment p = paid.get();
          credit(key, p, "运行" + p.runId(), p.describe());
          continue;
        }
        if (paid.isPresent()) {
          PriorPayment p = paid.get();
          step(
              "2 资格 eligibility",
              "凭证号唯一 reference once per " + rule.group(),
              "",
              key,
              "已核发 " + p.describe());
          halt(
              Status.REJECTED,
              false,
              "凭证号" + key + "已核发（运行" + p.runId() + "，" + p.paidOn() + "，申报编号" + p.claimId() + "）",
              "reference " + key + " already paid (" + p.describe() + ")");
        }
      }
      step(
          "2 资格 eligibility",
          "凭证号唯一 reference once per " + rule.group(),
          "",
          String.join(";", keys),
          "未曾核发 not paid before");
      for (String key : keys) {
        holdReferences.add(rule.group() + "|" + key);
      }
    }

    /** The lower award this one contains was paid for the reference: count it against this one. */
    private void credit(String key, PriorPayment lower, String whereZh, String whereEn) {
      step(
          "2 资格 eligibility",
          "从新、从优、从高 " + clause.code() + " 含 " + lower.clause(),
          "",
          key,
          "已按"
              + lower.clause()
              + "核发 "
              + format(lower.amount())
              + "（"
              + whereZh
              + "） paid under "
              + lower.clause()
              + " ("
              + whereEn
              + ")");
      upgradeCredit = upgradeCredit.add(lower.amount());
      upgradeFrom.add(lower.clause() + " " + format(lower.amount()));
    }

    /** wx-2020 4b after 4a for the same certificate: the difference (revision 2). */
    private BigDecimal upgradeDifference(BigDecimal amount) {
      if (upgradeCredit.signum() == 0) {
        return amount;
      }
      BigDecimal after = amount.subtract(upgradeCredit).max(Money.ZERO);
      step(
          "3 金额 amount",
          "补差额 difference: " + clause.references().upgrades() + " 已核发部分抵减",
          format(amount) + " − " + format(upgradeCredit),
          "已核发=" + String.join("; ", upgradeFrom),
          format(after));
      note(
          "已按" + String.join("、", upgradeFrom) + "元核发，补差额",
          "already paid under " + String.join(", ", upgradeFrom) + "; the difference is paid");
      return after;
    }

    // ---- step 3: amount by kind

    private BigDecimal amountByKind() {
      int qty = claim.quantityOrOne();
      Calculation calc = clause.calculation();
      String rule = calc.kind();
      return calc.match(
          new Calculation.Cases<>() {
            @Override
            public BigDecimal fixed(Calculation.Fixed f) {
              return amountStep(
                  rule + " " + format(f.perUnit()) + "/件",
                  format(f.perUnit()) + " × " + qty,
                  "数量=" + qty,
                  f.perUnit().multiply(BigDecimal.valueOf(qty)),
                  "amount");
            }

            @Override
            public BigDecimal fixedByLevel(Calculation.FixedByLevel f) {
              BigDecimal per = f.perUnit().get(claim.level());
              return amountStep(
                  rule + " " + claim.level().zh() + "级 " + format(per) + "/件",
                  format(per) + " × " + qty,
                  "级别=" + claim.level().zh() + "; 数量=" + qty,
                  per.multiply(BigDecimal.valueOf(qty)),
                  "amounts");
            }

            @Override
            public BigDecimal upTo(Calculation.UpTo u) {
              return upToAmount(rule, u, qty);
            }

            @Override
            public BigDecimal approved(Calculation.Approved a) {
              return approvedAmount(rule, a.max(), a.min());
            }

            @Override
            public BigDecimal percent(Calculation.Percent p) {
              return percentAmount(p);
            }

            @Override
            public BigDecimal stepped(Calculation.Stepped s) {
              return steppedAmount(s);
            }

            @Override
            public BigDecimal tiered(Calculation.Tiered t) {
              return tieredAmount(t);
            }

            @Override
            public BigDecimal unset(Calculation.Unset u) {
              return unsetAmount(u, qty);
            }
          });
    }

    private BigDecimal upToAmount(String rule, Calculation.UpTo u, int qty) {
      BigDecimal standard = u.maxPerUnit().multiply(BigDecimal.valueOf(qty));
      BigDecimal approved = claim.approvedAmount();
      if (approved == null) {
        return amountStep(
            rule + " 每件最高 " + format(u.maxPerUnit()),
            format(u.maxPerUnit()) + " × " + qty,
            "数量=" + qty,
            standard,
            "amount");
      }
      return amountStep(
          rule + " 每件最高 " + format(u.maxPerUnit()),
          "min(核定金额 " + format(approved) + ", " + format(u.maxPerUnit()) + " × " + qty + ")",
          "数量=" + qty + "; 核定金额=" + format(approved),
          Money.min(approved, standard),
          "amount");
    }

    private BigDecimal unsetAmount(Calculation.Unset u, int qty) {
      if (u.localAmount() != null) {
        return amountStep(
            "unset→fixed " + format(u.localAmount()) + "/件",
            format(u.localAmount()) + " × " + qty,
            "数量=" + qty,
            u.localAmount().multiply(BigDecimal.valueOf(qty)),
            "amount");
      }
      if (claim.approvedAmount() != null) {
        note("政策未规定金额，按核定金额计", "the policy sets no amount; the approved amount is used");
        return approvedAmount("unset→approved", null, null);
      }
      step(
          "3 金额 amount",
          "unset “" + u.phrase() + "”",
          "",
          "核定金额=(空)",
          "政策未规定金额 policy sets no amount");
      halt(
          Status.REVIEW,
          false,
          "政策未规定金额（“" + u.phrase() + "”），需本地规则或核定金额",
          "policy sets no amount (\""
              + u.phrase()
              + "\"): needs a local rule or an approved amount");
      return null;
    }

    private BigDecimal approvedAmount(String rule, BigDecimal max, BigDecimal min) {
      BigDecimal approved = claim.approvedAmount();
      String bounds =
          (min == null ? "" : "最低 " + format(min) + " ") + (max == null ? "" : "最高 " + format(max));
      if (approved == null) {
        step("3 金额 amount", rule + " " + bounds, "", "核定金额=(空)", "缺核定金额 approved amount missing");
        halt(
            Status.REVIEW,
            false,
            "缺少核定金额，需评审核定",
            "approved amount (核定金额) is missing; needs a committee decision");
      }
      if (min != null && approved.compareTo(min) < 0) {
        step(
            "3 金额 amount",
            rule + " " + bounds,
            format(approved) + " < " + format(min),
            "核定金额=" + format(approved),
            "低于最低额 below the minimum");
        halt(
            Status.REVIEW,
            false,
            "核定金额" + format(approved) + "低于本条款最低" + format(min) + "，需复核",
            "approved amount " + format(approved) + " is below the minimum " + format(min));
      }
      if (max != null && approved.compareTo(max) > 0) {
        note(
            "核定金额" + format(approved) + "超过最高" + format(max) + "，按最高额计",
            "approved "
                + format(approved)
                + " is above the max "
                + format(max)
                + "; the max is used");
        return amountStep(
            rule + " " + bounds,
            "min(" + format(approved) + ", " + format(max) + ")",
            "核定金额=" + format(approved),
            max,
            "max");
      }
      return amountStep(
          rule + " " + bounds.strip(),
          format(approved),
          "核定金额=" + format(approved),
          approved,
          "max");
    }

    private BigDecimal percentAmount(Calculation.Percent p) {
      BigDecimal basis = claim.basis();
      if (basis == null) {
        halt(
            Status.REJECTED,
            true,
            "计算基数必填（" + p.basisLabel() + "）",
            "basis is required for " + clause.code() + " (" + p.basisLabel() + ")");
      }
      BigDecimal deduction = claim.deduction() == null ? Money.ZERO : claim.deduction();
      if (deduction.compareTo(basis) > 0) {
        halt(
            Status.REJECTED,
            true,
            "扣除金额" + format(deduction) + "大于计算基数" + format(basis),
            "deduction " + format(deduction) + " exceeds the basis " + format(basis));
      }
      String pct = p.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
      String formula =
          deduction.signum() == 0
              ? pct + " × " + format(basis)
              : pct + " × (" + format(basis) + " − " + format(deduction) + ")";
      return amountStep(
          "percent " + pct + " × " + p.basisLabel(),
          formula + "，四舍五入到分",
          "计算基数=" + format(basis) + "; 扣除金额=" + format(deduction),
          Money.fen(p.rate().multiply(basis.subtract(deduction))),
          "rate");
    }

    private BigDecimal steppedAmount(Calculation.Stepped s) {
      Long metric = claim.metric();
      if (metric == null) {
        halt(Status.REJECTED, true, "指标必填（本条款按数量分档）", "metric is required for " + clause.code());
      }
      String rule =
          "stepped ≥"
              + s.threshold()
              + " → "
              + format(s.base())
              + "，每满"
              + s.increment()
              + "加"
              + format(s.step())
              + "，最高"
              + format(s.max());
      if (metric < s.threshold()) {
        step(
            "3 金额 amount",
            rule,
            metric + " < " + s.threshold(),
            "指标=" + metric,
            "未达门槛 threshold not met");
        halt(
            Status.REJECTED,
            false,
            "未达条件：指标" + metric + "低于" + s.threshold(),
            "threshold not met: metric " + metric + " is below " + s.threshold());
      }
      long steps = (metric - s.threshold()) / s.increment();
      BigDecimal raw = s.base().add(s.step().multiply(BigDecimal.valueOf(steps)));
      BigDecimal amount = Money.min(raw, s.max());
      return amountStep(
          rule,
          "min("
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
              + ")",
          "指标=" + metric,
          amount,
          "amount");
    }

    private BigDecimal tieredAmount(Calculation.Tiered t) {
      boolean needs2 = t.tiers().stream().anyMatch(x -> x.metric2Min() != null);
      if (claim.metric() == null || (needs2 && claim.metric2() == null)) {
        halt(
            Status.REJECTED,
            true,
            needs2 ? "指标和指标2必填（本条款分档）" : "指标必填（本条款分档）",
            (needs2 ? "metric and metric2 are" : "metric is") + " required for " + clause.code());
      }
      String rule =
          "tiered "
              + t.tiers().stream()
                  .map(
                      x ->
                          "(≥"
                              + x.metricMin()
                              + (x.metric2Min() == null ? "" : " 且 ≥" + x.metric2Min())
                              + ")→"
                              + format(x.amount()))
                  .collect(Collectors.joining("; "));
      String inputs = "指标=" + claim.metric() + (needs2 ? "; 指标2=" + claim.metric2() : "");
      Calculation.Tier best = null;
      for (Calculation.Tier tier : t.tiers()) {
        boolean meets =
            claim.metric() >= tier.metricMin()
                && (tier.metric2Min() == null || claim.metric2() >= tier.metric2Min());
        if (meets && (best == null || tier.amount().compareTo(best.amount()) > 0)) {
          best = tier;
        }
      }
      if (best == null) {
        step("3 金额 amount", rule, "", inputs, "未达任何档 no tier met");
        halt(
            Status.REJECTED,
            false,
            "未达条件：" + inputs + "，未达最低档",
            "threshold not met: "
                + inputs.replace("指标2", "metric2").replace("指标", "metric")
                + " meets no tier");
      }
      return amountStep(
          rule,
          "档 tier (≥"
              + best.metricMin()
              + (best.metric2Min() == null ? "" : ", ≥" + best.metric2Min())
              + ")",
          inputs,
          best.amount(),
          "amount");
    }

    private BigDecimal amountStep(
        String rule, String formula, String inputs, BigDecimal amount, String... fields) {
      BigDecimal a = Money.fen(amount);
      step("3 金额 amount", rule + localRule(fields), formula, inputs, format(a));
      return a;
    }

    // ---- steps 4 to 6: modifiers and the per-claim cap

    private BigDecimal individualFactor(BigDecimal amount) {
      ClauseModifiers m = clause.modifiers();
      if (m == null
          || m.individualFactor() == null
          || claim.entityType() != EntityType.INDIVIDUAL) {
        return amount;
      }
      BigDecimal after = Money.fen(amount.multiply(m.individualFactor()));
      step(
          "4 个人减半 individual factor",
          "个人 × "
              + m.individualFactor().stripTrailingZeros().toPlainString()
              + localRule("individual_factor"),
          format(amount) + " × " + m.individualFactor().stripTrailingZeros().toPlainString(),
          "主体类型=个人",
          format(after));
      note("个人减半", "halved for an individual");
      return after;
    }

    private BigDecimal feeCeiling(BigDecimal amount) {
      ClauseModifiers m = clause.modifiers();
      if (m == null || !m.feeCeiling()) {
        return amount;
      }
      BigDecimal fees = claim.feesIncurred();
      if (fees == null) {
        step(
            "5 费用上限 fee ceiling",
            "不超过发生费用 not above fees incurred",
            "",
            "发生费用=(空)",
            "缺发生费用 fees missing");
        halt(
            Status.REVIEW,
            false,
            "缺少发生费用，无法核对“不得超过费用总和”",
            "fees incurred (发生费用) missing: the fee ceiling cannot be checked");
      }
      BigDecimal after = Money.min(amount, fees);
      step(
          "5 费用上限 fee ceiling",
          "不超过发生费用 not above fees incurred",
          "min(" + format(amount) + ", " + format(fees) + ")",
          "发生费用=" + format(fees),
          format(after));
      if (after.compareTo(amount) < 0) {
        note("以发生费用" + format(fees) + "为限", "limited to the fees incurred " + format(fees));
      }
      return after;
    }

    private BigDecimal perClaimCap(BigDecimal amount) {
      BigDecimal cap = clause.caps() == null ? null : clause.caps().perClaim();
      if (cap == null) {
        return amount;
      }
      BigDecimal after = Money.min(amount, cap);
      step(
          "6 单件上限 per-claim cap",
          "每件最高 " + format(cap) + localRule("per_claim_cap"),
          "min(" + format(amount) + ", " + format(cap) + ")",
          "",
          format(after));
      if (after.compareTo(amount) < 0) {
        note("受每件最高" + format(cap) + "元限制", "cut to the per-claim cap of " + format(cap));
      }
      return after;
    }

    // ---- steps 7 and 8: caps that count other claims

    private BigDecimal annualCap(BigDecimal amount) {
      AnnualCap cap = clause.caps() == null ? null : clause.caps().annual();
      if (cap == null) {
        return amount;
      }
      CapLedger.Usage usage =
          caps.annual(claim.entityId(), claim.entityName(), cap.group(), cap.amount(), budgetYear);
      BigDecimal used = usage.paidBefore().add(usage.paidNow());
      BigDecimal room = cap.amount().subtract(used).max(Money.ZERO);
      BigDecimal after = Money.min(amount, room);
      String runs = usage.runs().isEmpty() ? "" : "（运行 " + String.join(", ", usage.runs()) + "）";
      step(
          "7 年度上限 annual cap",
          cap.group()
              + " 同一主体"
              + budgetYear
              + "年度最高 "
              + format(cap.amount())
              + localRule("annual_cap"),
          "min(" + format(amount) + ", " + format(cap.amount()) + " − " + format(used) + ")",
          "本年此前已核发=" + format(usage.paidBefore()) + runs + "; 本批此前=" + format(usage.paidNow()),
          format(after));
      if (after.compareTo(amount) < 0) {
        note(
            "受"
                + cap.group()
                + "同一主体年度上限"
                + format(cap.amount())
                + "元限制（本年此前已核发"
                + format(usage.paidBefore())
                + "元"
                + runs
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
      return after;
    }

    private BigDecimal lifetimeCap(BigDecimal amount) {
      LifetimeCap cap = clause.caps() == null ? null : clause.caps().lifetime();
      if (cap == null) {
        return amount;
      }
      String project = CapKeys.project(clause, claim);
      CapLedger.Usage usage =
          caps.lifetime(claim.entityId(), claim.entityName(), cap.group(), project, cap.amount());
      BigDecimal used = usage.paidBefore().add(usage.paidNow());
      BigDecimal room = cap.amount().subtract(used).max(Money.ZERO);
      BigDecimal after = Money.min(amount, room);
      step(
          "8 累计上限 lifetime cap",
          cap.group()
              + " 项目 "
              + project
              + " 累计最高 "
              + format(cap.amount())
              + localRule("lifetime_cap"),
          "min(" + format(amount) + ", " + format(cap.amount()) + " − " + format(used) + ")",
          "历年已核发=" + format(usage.paidBefore()) + "; 本批此前=" + format(usage.paidNow()),
          format(after));
      if (after.compareTo(amount) < 0) {
        note(
            "受项目" + project + "累计上限" + format(cap.amount()) + "元限制（此前已核发" + format(used) + "元）",
            "cut by the lifetime cap of "
                + format(cap.amount())
                + " for project "
                + project
                + " ("
                + format(used)
                + " paid before)");
      }
      return after;
    }

    // ---- step 9 and the verdict

    private PayoutLine finish(BigDecimal paid) {
      BigDecimal city = null;
      BigDecimal district = null;
      ClauseModifiers m = clause.modifiers();
      if (m != null && m.fundingSplit() != null && paid.signum() > 0) {
        BigDecimal share = m.fundingSplit().cityShare();
        city = Money.fen(paid.multiply(share));
        district = paid.subtract(city);
        String pct = share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        step(
            "9 资金分担 funding split",
            "市级 " + pct + "，区级承担其余" + localRule("city_share"),
            "市 = " + format(paid) + " × " + pct + "（四舍五入到分）; 区 = " + format(paid) + " − 市",
            "核发金额=" + format(paid),
            "市级 " + format(city) + "; 区级 " + format(district));
      }
      if (clause.caps() != null && clause.caps().annual() != null) {
        caps.addAnnual(claim.entityId(), clause.caps().annual().group(), paid);
      }
      if (clause.caps() != null && clause.caps().lifetime() != null) {
        caps.addLifetime(clause.caps().lifetime().group(), CapKeys.project(clause, claim), paid);
      }
      if (Money.isPositive(paid)) {
        step("10 核发 payout", clause.code() + " " + clause.name(), "", "", format(paid));
        String head = "按" + citation + "（" + clause.code() + "）核发" + format(paid) + "元";
        String headEn = "paid " + format(paid) + " under " + clause.code() + " (" + citation + ")";
        return line(Status.PAID, paid, city, district, false, head, headEn);
      }
      step("10 核发 payout", "已达上限 capped", "", "", format(Money.ZERO));
      return line(
          Status.CAPPED,
          Money.ZERO,
          null,
          null,
          false,
          "已达上限，本次核发0.00元",
          "capped: nothing left under the cap, 0.00 paid");
    }

    // ---- helpers

    private void halt(Status status, boolean badData, Bilingual why) {
      halt(status, badData, why.zh(), why.en());
    }

    private void halt(Status status, boolean badData, String zh, String en) {
      step("结论 verdict", status.zh() + " " + status.en(), "", "", zh + " / " + en);
      throw new Halt(line(status, Money.ZERO, null, null, badData, zh, en));
    }

    private PayoutLine line(
        Status status,
        BigDecimal paid,
        BigDecimal city,
        BigDecimal district,
        boolean badData,
        String zh,
        String en) {
      if (status != Status.REJECTED) {
        Integer at = row.inputIndex();
        if (holdOneTime != null) {
          tally.oneTime.put(holdOneTime, at);
        }
        if (holdYearly != null) {
          tally.yearly.put(holdYearly, at);
        }
        for (String key : holdReferences) {
          tally.references.put(key, at);
        }
        // the reference is now held by this line: a lower award's payment no longer counts for it
        holdReferences.forEach(tally.paidUnder::remove);
        if (status == Status.PAID && upgradeSources.contains(clause.code().toString())) {
          for (String key : holdReferences) {
            tally.paidUnder.put(
                key, new PriorPayment("", null, claim.claimId(), paid, clause.code().toString()));
          }
        }
      }
      String sentenceZh = zh + (notesZh.isEmpty() ? "" : "；" + String.join("；", notesZh));
      String sentenceEn = en + (notesEn.isEmpty() ? "" : "; " + String.join("; ", notesEn));
      String capGroup =
          clause != null && clause.caps() != null && clause.caps().annual() != null
              ? clause.caps().annual().group()
              : null;
      return new PayoutLine(
          row,
          status,
          clause,
          computed,
          paid,
          city,
          district,
          citation,
          Bilingual.of(sentenceZh + "。", sentenceEn + "."),
          badData,
          capGroup,
          trace);
    }

    private void note(String zh, String en) {
      notesZh.add(zh);
      notesEn.add(en);
    }

    private void step(String step, String rule, String formula, String inputs, String result) {
      trace.add(
          new TraceStep(
              claim == null ? null : claim.claimId(),
              step,
              rule,
              citation,
              formula,
              inputs,
              result));
    }

    /** " [本地规则 local rules: file:line]" when local rules set one of the fields. */
    private String localRule(String... fields) {
      if (clause == null) {
        return "";
      }
      Set<String> wanted = Set.of(fields);
      Collection<LocalOverride> used =
          clause.overrides().stream().filter(o -> wanted.contains(o.field())).toList();
      if (used.isEmpty()) {
        return "";
      }
      return used.stream()
          .map(
              o ->
                  " [本地规则 local rules "
                      + o.source()
                      + ": "
                      + o.field()
                      + "="
                      + o.value()
                      + (o.policyValue() == null ? "" : "，政策原值 policy " + o.policyValue())
                      + (o.reason() == null ? "" : "，" + o.reason())
                      + "]")
          .collect(Collectors.joining());
    }
  }

  /** The row of this run that holds a key, for the explanation. */
  private record Holder(String claimId, int row) {}

  private Holder holder(Integer inputIndex) {
    if (inputIndex == null) {
      return null;
    }
    ClaimRow held = rowAt.apply(inputIndex);
    return new Holder(held.claim().claimId(), held.location().row());
  }

  private static String typeRule(Eligibility el) {
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

  private static String inForceText(PolicyDocument d) {
    return d.inForceFrom() + " 起" + (d.inForceTo() == null ? "" : " 至 " + d.inForceTo());
  }
}
