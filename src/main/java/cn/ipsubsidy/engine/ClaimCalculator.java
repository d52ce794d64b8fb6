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
import cn.ipsubsidy.policy.MetricRule;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyRegistry;
import cn.ipsubsidy.policy.ReferenceRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

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
    return new Evaluation(row).run();
  }

  private final class Evaluation {
    private final ClaimRow row;
    private final Claim claim;
    private final List<TraceStep> trace = new ArrayList<>();
    private final List<Bilingual> notes = new ArrayList<>();
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

    /** The catalog's order of steps; a step that stops the claim gives its verdict. */
    PayoutLine run() {
      if (row.hasProblems()) {
        return verdict(invalidData());
      }
      Step<Void> eligible = policyInForce();
      if (!eligible.stopped()) {
        eligible = eligible();
      }
      if (eligible.stopped()) {
        return verdict(eligible);
      }
      Step<BigDecimal> amount = amountByKind();
      if (amount.stopped()) {
        return verdict(amount);
      }
      BigDecimal a = individualFactor(upgradeDifference(amount.value()));
      Step<BigDecimal> ceiling = feeCeiling(a);
      if (ceiling.stopped()) {
        return verdict(ceiling);
      }
      computed = perClaimCap(ceiling.value());
      if (computed.signum() == 0) {
        return verdict(Step.stop(Status.REJECTED, false, Wording.ZERO_AMOUNT));
      }
      return finish(lifetimeCap(annualCap(computed)));
    }

    // ---- step 0: the row as read

    private Step<Void> invalidData() {
      List<CellProblem> problems = row.problems();
      step(
          Wording.VALIDATION,
          Wording.CLAIMS_CONTRACT,
          "",
          Wording.problems(problems),
          Wording.INVALID_DATA);
      return Step.stop(Status.REJECTED, true, Wording.invalidData(problems));
    }

    // ---- step 1: policy in force

    private Step<Void> policyInForce() {
      List<Jurisdiction> districtOf =
          claim.district() == null
              ? List.of()
              : districts.computeIfAbsent(claim.district(), registry::jurisdictionsOf);
      if (districtOf.isEmpty()) {
        return Step.stop(Status.REJECTED, true, Wording.districtUnknown(claim.district()));
      }
      ClauseResolver.Resolution r = resolver.resolve(claim.clause(), districtOf);
      if (r.clause() == null) {
        return Step.stop(Status.REJECTED, true, r.problem());
      }
      Jurisdiction jurisdiction = r.jurisdiction();
      clause = r.clause();
      doc = r.document();
      citation = doc.cite(clause);
      String inputs = Wording.policyInputs(claim);
      if (r.problem() != null) {
        step(Wording.POLICY, jurisdiction.city(), "", inputs, Wording.NOT_APPLICABLE);
        return Step.stop(Status.REJECTED, false, r.problem());
      }
      LocalDate date = claim.eventDate();
      if (!doc.inForceOn(date)) {
        step(Wording.POLICY, Wording.inForce(doc), "", inputs, Wording.notInForceOn(date));
        return Step.stop(
            Status.REVIEW,
            false,
            Wording.noPolicyInForce(date, doc, registry.inForce(jurisdiction, date)));
      }
      step(
          Wording.POLICY,
          Wording.inForceIn(jurisdiction.city(), doc),
          "",
          inputs,
          Wording.clauseNamed(clause));
      return Step.PASSED;
    }

    // ---- step 2: eligibility

    /** Each check runs while those before it passed, in this order. */
    private Step<Void> eligible() {
      Eligibility el = clause.eligibility();
      Step<Void> s = referenceForms();
      if (!s.stopped()) {
        s = notPaidBefore();
      }
      if (!s.stopped()) {
        s = entityType(el);
      }
      if (!s.stopped()) {
        s = metricCheck(el.metric(), claim.metric(), Wording.METRIC);
      }
      if (!s.stopped()) {
        s = metricCheck(el.metric2(), claim.metric2(), Wording.METRIC2);
      }
      if (!s.stopped() && el.establishedWithinYears() != null) {
        s = establishedWindow(el.establishedWithinYears());
      }
      if (!s.stopped() && clause.calculation() instanceof Calculation.FixedByLevel byLevel) {
        s = levelCheck(byLevel);
      }
      if (!s.stopped() && el.oneTime()) {
        s = oneTimeCheck();
      }
      if (!s.stopped() && el.oncePerBudgetYear()) {
        s = oncePerYearCheck();
      }
      return s.stopped() ? s : referenceCheck();
    }

    private Step<Void> notPaidBefore() {
      Optional<PriorPayment> paid = prior.claimPaid(claim.claimId());
      if (paid.isPresent()) {
        return Step.stop(
            Status.REJECTED, false, Wording.claimAlreadyPaid(claim.claimId(), paid.get()));
      }
      return Step.PASSED;
    }

    private Step<Void> entityType(Eligibility el) {
      if (el.allowedTypes().isEmpty() && el.excludedTypes().isEmpty()) {
        return Step.PASSED;
      }
      EntityType type = claim.entityType();
      String rule = Wording.typeRule(el);
      if (!el.admits(type)) {
        step(Wording.ELIGIBILITY, rule, "", Wording.entityType(type), Wording.NOT_ELIGIBLE);
        return Step.stop(Status.REJECTED, false, Wording.typeNotEligible(type, clause, rule));
      }
      step(Wording.ELIGIBILITY, rule, "", Wording.entityType(type), Wording.ELIGIBLE);
      return Step.PASSED;
    }

    /**
     * 凭证号 as typed and as compared (revision 2): a Chinese patent number whose check character does
     * not match its digits is bad data; a reference listed twice in the cell in any spelling is bad
     * data too.
     */
    private Step<Void> referenceForms() {
      List<String> refs = claim.references();
      ReferenceRule rule = clause.references();
      if (refs.isEmpty() || rule == null) {
        return Step.PASSED;
      }
      boolean perPatent = rule.perPatent();
      List<String> shown = new ArrayList<>();
      Map<String, String> seen = new HashMap<>();
      for (String r : refs) {
        ReferenceNumber.Canonical c = ReferenceNumber.canonical(r, perPatent);
        shown.add(Wording.asCompared(r, c.form()));
        if (c.checkFails()) {
          step(
              Wording.VALIDATION,
              Wording.PATENT_CHECK,
              "",
              Wording.reference(r),
              Wording.expectedCheck(c.expectedCheck()));
          return Step.stop(Status.REJECTED, true, Wording.badReference(c.problem().orElseThrow()));
        }
        String first = seen.putIfAbsent(c.form(), r);
        if (first != null) {
          step(
              Wording.VALIDATION,
              Wording.REFERENCES,
              "",
              String.join("; ", shown),
              Wording.DUPLICATE);
          return Step.stop(Status.REJECTED, true, Wording.oneNumberTwice(first, r, c.form()));
        }
      }
      if (!shown.equals(refs)) {
        step(
            Wording.ELIGIBILITY,
            Wording.referencesComparedAs(perPatent),
            "",
            Wording.references(refs),
            String.join("; ", shown));
      }
      return Step.PASSED;
    }

    /**
     * lyg-2021 12b and 12c reward the previous year's volume: one award per entity, clause and
     * budget year (revision 2).
     */
    private Step<Void> oncePerYearCheck() {
      String key = claim.entityId() + "|" + clause.code() + "|" + budgetYear;
      String rule = Wording.oncePerYear(budgetYear);
      Holder held = holder(tally.yearly.get(key));
      if (held != null) {
        step(Wording.ELIGIBILITY, rule, "", key, Wording.YEARLY_IN_RUN);
        return Step.stop(
            Status.REJECTED, false, Wording.oncePerYearInRun(held.row(), held.claimId()));
      }
      Optional<PriorPayment> paid =
          prior.paidForClauseInYear(claim.entityId(), clause.code().toString(), budgetYear);
      if (paid.isPresent()) {
        PriorPayment p = paid.get();
        step(Wording.ELIGIBILITY, rule, "", key, Wording.alreadyPaid(p));
        return Step.stop(Status.REJECTED, false, Wording.oncePerYearPaid(budgetYear, p));
      }
      step(Wording.ELIGIBILITY, rule, "", key, Wording.NOT_PAID_THIS_YEAR);
      holdYearly = key;
      return Step.PASSED;
    }

    private Step<Void> metricCheck(MetricRule rule, Long value, String column) {
      if (rule == null) {
        return Step.PASSED;
      }
      String label = rule.label() == null ? column : rule.label();
      if (value == null) {
        return Step.stop(Status.REJECTED, true, Wording.metricRequired(column, label, clause));
      }
      String rs = Wording.metricRule(label, rule);
      if (!rule.accepts(value)) {
        step(Wording.ELIGIBILITY, rs, "", Wording.value(column, value), Wording.THRESHOLD_NOT_MET);
        return Step.stop(Status.REJECTED, false, Wording.thresholdNotMet(label, value, rule));
      }
      step(Wording.ELIGIBILITY, rs, "", Wording.value(column, value), Wording.MET);
      return Step.PASSED;
    }

    private Step<Void> establishedWindow(int years) {
      LocalDate established = claim.establishedDate();
      if (established == null) {
        return Step.stop(Status.REJECTED, true, Wording.establishedRequired(years, clause));
      }
      LocalDate earliest = claim.eventDate().minusYears(years);
      String rule = Wording.establishedWithin(years);
      String formula = Wording.establishedFormula(earliest);
      String inputs = Wording.establishedInputs(established, claim.eventDate());
      if (established.isBefore(earliest) || established.isAfter(claim.eventDate())) {
        step(Wording.ELIGIBILITY, rule, formula, inputs, Wording.NOT_MET);
        return Step.stop(
            Status.REJECTED, false, Wording.establishedOutside(established, years, earliest));
      }
      step(Wording.ELIGIBILITY, rule, formula, inputs, Wording.MET);
      return Step.PASSED;
    }

    private Step<Void> levelCheck(Calculation.FixedByLevel byLevel) {
      Level level = claim.level();
      if (level == null) {
        return Step.stop(Status.REJECTED, true, Wording.levelRequired(byLevel, clause));
      }
      if (!byLevel.perUnit().containsKey(level)) {
        step(
            Wording.ELIGIBILITY,
            Wording.levelRule(byLevel),
            "",
            Wording.level(level),
            Wording.LEVEL_NOT_LISTED);
        return Step.stop(Status.REJECTED, false, Wording.levelNotPaid(level, byLevel, clause));
      }
      return Step.PASSED;
    }

    private Step<Void> oneTimeCheck() {
      Level level = CapKeys.oneTimeLevel(clause, claim);
      String key = CapKeys.oneTimeKey(clause, claim);
      boolean perReference = !key.equals(CapKeys.oneTime(claim.entityId(), clause.code(), level));
      Holder held = holder(tally.oneTime.get(key));
      if (held != null) {
        step(Wording.ELIGIBILITY, Wording.ONE_TIME, "", key, Wording.ONE_TIME_IN_RUN);
        return Step.stop(
            Status.REJECTED, false, Wording.oneTimeInRun(level, held.row(), held.claimId()));
      }
      // the level the award counts at, as in this run's tally: a 级别 cell on a clause that does
      // not pay by level must not open a second award in a later period
      Optional<PriorPayment> paid =
          perReference
              ? prior.oneTimePaid(key)
              : prior.oneTimePaid(claim.entityId(), clause.code(), level);
      if (paid.isPresent()) {
        PriorPayment p = paid.get();
        step(Wording.ELIGIBILITY, Wording.ONE_TIME, "", key, Wording.alreadyPaid(p));
        return Step.stop(Status.REJECTED, false, Wording.oneTimePaid(p));
      }
      step(Wording.ELIGIBILITY, Wording.ONE_TIME, "", key, Wording.NOT_PAID_BEFORE);
      holdOneTime = key;
      return Step.PASSED;
    }

    private Step<Void> referenceCheck() {
      List<String> keys = CapKeys.referenceKeys(clause, claim);
      if (keys.isEmpty()) {
        return Step.PASSED;
      }
      ReferenceRule rule = clause.references();
      String once = Wording.referenceOnce(rule.group());
      for (String key : keys) {
        Holder held = holder(tally.references.get(rule.group() + "|" + key));
        PriorPayment lower =
            rule.upgrades() == null ? null : tally.paidUnder.get(rule.group() + "|" + key);
        if (held != null && lower != null && rule.upgrades().equals(lower.clause())) {
          credit(key, lower, Wording.rowOfThisRun(held.row()));
          continue;
        }
        if (held != null) {
          step(Wording.ELIGIBILITY, once, "", key, Wording.DUPLICATE);
          return Step.stop(
              Status.REJECTED,
              false,
              Wording.duplicateInRun(key, held.row(), held.claimId(), rule.group()));
        }
        Optional<PriorPayment> paid = prior.referencePaid(rule.group(), key);
        if (paid.isPresent()
            && rule.upgrades() != null
            && rule.upgrades().equals(paid.get().clause())) {
          PriorPayment p = paid.get();
          credit(key, p, Wording.earlierRun(p));
          continue;
        }
        if (paid.isPresent()) {
          PriorPayment p = paid.get();
          step(Wording.ELIGIBILITY, once, "", key, Wording.paidBefore(p));
          return Step.stop(Status.REJECTED, false, Wording.referencePaid(key, p));
        }
      }
      step(Wording.ELIGIBILITY, once, "", String.join(";", keys), Wording.NOT_PAID_BEFORE);
      for (String key : keys) {
        holdReferences.add(rule.group() + "|" + key);
      }
      return Step.PASSED;
    }

    /** The lower award this one contains was paid for the reference: count it against this one. */
    private void credit(String key, PriorPayment lower, Bilingual where) {
      step(
          Wording.ELIGIBILITY,
          Wording.higherContainsLower(clause, lower),
          "",
          key,
          Wording.paidUnderLower(lower, where));
      upgradeCredit = upgradeCredit.add(lower.amount());
      upgradeFrom.add(Wording.lowerAward(lower));
    }

    /** wx-2020 4b after 4a for the same certificate: the difference (revision 2). */
    private BigDecimal upgradeDifference(BigDecimal amount) {
      if (upgradeCredit.signum() == 0) {
        return amount;
      }
      BigDecimal after = amount.subtract(upgradeCredit).max(Money.ZERO);
      step(
          Wording.AMOUNT,
          Wording.differenceRule(clause.references().upgrades()),
          Wording.minus(amount, upgradeCredit),
          Wording.paidUnderLowerAwards(upgradeFrom),
          format(after));
      note(Wording.differencePaid(upgradeFrom));
      return after;
    }

    // ---- step 3: amount by kind

    private Step<BigDecimal> amountByKind() {
      int qty = claim.quantityOrOne();
      Calculation calc = clause.calculation();
      String kind = calc.kind();
      return calc.match(
          new Calculation.Cases<>() {
            @Override
            public Step<BigDecimal> fixed(Calculation.Fixed f) {
              return amountStep(
                  Wording.perUnit(kind, f.perUnit()),
                  Wording.times(f.perUnit(), qty),
                  Wording.quantity(qty),
                  f.perUnit().multiply(BigDecimal.valueOf(qty)),
                  "amount");
            }

            @Override
            public Step<BigDecimal> fixedByLevel(Calculation.FixedByLevel f) {
              BigDecimal per = f.perUnit().get(claim.level());
              return amountStep(
                  Wording.perUnitAtLevel(kind, claim.level(), per),
                  Wording.times(per, qty),
                  Wording.levelAndQuantity(claim.level(), qty),
                  per.multiply(BigDecimal.valueOf(qty)),
                  "amounts");
            }

            @Override
            public Step<BigDecimal> upTo(Calculation.UpTo u) {
              return upToAmount(kind, u, qty);
            }

            @Override
            public Step<BigDecimal> approved(Calculation.Approved a) {
              return approvedAmount(kind, a.max(), a.min());
            }

            @Override
            public Step<BigDecimal> percent(Calculation.Percent p) {
              return percentAmount(p);
            }

            @Override
            public Step<BigDecimal> stepped(Calculation.Stepped s) {
              return steppedAmount(s);
            }

            @Override
            public Step<BigDecimal> tiered(Calculation.Tiered t) {
              return tieredAmount(t);
            }

            @Override
            public Step<BigDecimal> unset(Calculation.Unset u) {
              return unsetAmount(u, qty);
            }
          });
    }

    private Step<BigDecimal> upToAmount(String kind, Calculation.UpTo u, int qty) {
      BigDecimal standard = u.maxPerUnit().multiply(BigDecimal.valueOf(qty));
      BigDecimal approved = claim.approvedAmount();
      String rule = Wording.upTo(kind, u.maxPerUnit());
      if (approved == null) {
        return amountStep(
            rule, Wording.times(u.maxPerUnit(), qty), Wording.quantity(qty), standard, "amount");
      }
      return amountStep(
          rule,
          Wording.approvedUpTo(approved, u.maxPerUnit(), qty),
          Wording.quantityAndApproved(qty, approved),
          Money.min(approved, standard),
          "amount");
    }

    private Step<BigDecimal> unsetAmount(Calculation.Unset u, int qty) {
      if (u.localAmount() != null) {
        return amountStep(
            Wording.unsetAsFixed(u.localAmount()),
            Wording.times(u.localAmount(), qty),
            Wording.quantity(qty),
            u.localAmount().multiply(BigDecimal.valueOf(qty)),
            "amount");
      }
      if (claim.approvedAmount() != null) {
        note(Wording.UNSET_APPROVED_USED);
        return approvedAmount(Wording.UNSET_AS_APPROVED, null, null);
      }
      step(
          Wording.AMOUNT,
          Wording.unset(u.phrase()),
          "",
          Wording.APPROVED_EMPTY,
          Wording.NO_AMOUNT_SET);
      return Step.stop(Status.REVIEW, false, Wording.noAmountSet(u.phrase()));
    }

    private Step<BigDecimal> approvedAmount(String kind, BigDecimal max, BigDecimal min) {
      BigDecimal approved = claim.approvedAmount();
      String rule = Wording.approvedRule(kind, min, max);
      if (approved == null) {
        step(Wording.AMOUNT, rule, "", Wording.APPROVED_EMPTY, Wording.APPROVED_MISSING);
        return Step.stop(Status.REVIEW, false, Wording.APPROVED_AMOUNT_MISSING);
      }
      if (min != null && approved.compareTo(min) < 0) {
        step(
            Wording.AMOUNT,
            rule,
            Wording.below(approved, min),
            Wording.approved(approved),
            Wording.BELOW_MINIMUM);
        return Step.stop(Status.REVIEW, false, Wording.approvedBelowMinimum(approved, min));
      }
      if (max != null && approved.compareTo(max) > 0) {
        note(Wording.approvedAboveMaximum(approved, max));
        return amountStep(rule, Wording.min(approved, max), Wording.approved(approved), max, "max");
      }
      return amountStep(
          Wording.approvedWithin(kind, min, max),
          format(approved),
          Wording.approved(approved),
          approved,
          "max");
    }

    private Step<BigDecimal> percentAmount(Calculation.Percent p) {
      BigDecimal basis = claim.basis();
      if (basis == null) {
        return Step.stop(Status.REJECTED, true, Wording.basisRequired(p, clause));
      }
      BigDecimal deduction = claim.deduction() == null ? Money.ZERO : claim.deduction();
      if (deduction.compareTo(basis) > 0) {
        return Step.stop(Status.REJECTED, true, Wording.deductionExceedsBasis(deduction, basis));
      }
      return amountStep(
          Wording.percentRule(p),
          Wording.percentFormula(p, basis, deduction),
          Wording.basisAndDeduction(basis, deduction),
          Money.fen(p.rate().multiply(basis.subtract(deduction))),
          "rate");
    }

    private Step<BigDecimal> steppedAmount(Calculation.Stepped s) {
      Long metric = claim.metric();
      if (metric == null) {
        return Step.stop(Status.REJECTED, true, Wording.steppedMetricRequired(clause));
      }
      String rule = Wording.steppedRule(s);
      if (metric < s.threshold()) {
        step(
            Wording.AMOUNT,
            rule,
            Wording.belowThreshold(metric, s.threshold()),
            Wording.metric(metric),
            Wording.BELOW_THRESHOLD);
        return Step.stop(
            Status.REJECTED, false, Wording.metricBelowThreshold(metric, s.threshold()));
      }
      long steps = (metric - s.threshold()) / s.increment();
      BigDecimal raw = s.base().add(s.step().multiply(BigDecimal.valueOf(steps)));
      BigDecimal amount = Money.min(raw, s.max());
      return amountStep(
          rule, Wording.steppedFormula(s, metric), Wording.metric(metric), amount, "amount");
    }

    private Step<BigDecimal> tieredAmount(Calculation.Tiered t) {
      boolean needs2 = t.tiers().stream().anyMatch(x -> x.metric2Min() != null);
      if (claim.metric() == null || (needs2 && claim.metric2() == null)) {
        return Step.stop(Status.REJECTED, true, Wording.tieredMetricsRequired(needs2, clause));
      }
      String rule = Wording.tieredRule(t);
      String inputs = Wording.metrics(claim, needs2);
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
        step(Wording.AMOUNT, rule, "", inputs, Wording.NO_TIER_MET);
        return Step.stop(Status.REJECTED, false, Wording.noTierMet(inputs));
      }
      return amountStep(rule, Wording.tier(best), inputs, best.amount(), "amount");
    }

    private Step<BigDecimal> amountStep(
        String rule, String formula, String inputs, BigDecimal amount, String field) {
      BigDecimal a = Money.fen(amount);
      step(Wording.AMOUNT, rule + Wording.localRule(clause, field), formula, inputs, format(a));
      return Step.go(a);
    }

    // ---- steps 4 to 6: modifiers and the per-claim cap

    private BigDecimal individualFactor(BigDecimal amount) {
      ClauseModifiers m = clause.modifiers();
      if (m == null
          || m.individualFactor() == null
          || claim.entityType() != EntityType.INDIVIDUAL) {
        return amount;
      }
      BigDecimal factor = m.individualFactor();
      BigDecimal after = Money.fen(amount.multiply(factor));
      step(
          Wording.INDIVIDUAL_FACTOR,
          Wording.individualFactorRule(factor) + Wording.localRule(clause, "individual_factor"),
          Wording.timesFactor(amount, factor),
          Wording.AN_INDIVIDUAL,
          format(after));
      note(Wording.HALVED);
      return after;
    }

    private Step<BigDecimal> feeCeiling(BigDecimal amount) {
      ClauseModifiers m = clause.modifiers();
      if (m == null || !m.feeCeiling()) {
        return Step.go(amount);
      }
      BigDecimal fees = claim.feesIncurred();
      if (fees == null) {
        step(
            Wording.FEE_CEILING,
            Wording.NOT_ABOVE_FEES,
            "",
            Wording.FEES_EMPTY,
            Wording.FEES_MISSING);
        return Step.stop(Status.REVIEW, false, Wording.FEES_MISSING_FOR_CEILING);
      }
      BigDecimal after = Money.min(amount, fees);
      step(
          Wording.FEE_CEILING,
          Wording.NOT_ABOVE_FEES,
          Wording.min(amount, fees),
          Wording.fees(fees),
          format(after));
      if (after.compareTo(amount) < 0) {
        note(Wording.limitedToFees(fees));
      }
      return Step.go(after);
    }

    private BigDecimal perClaimCap(BigDecimal amount) {
      BigDecimal cap = clause.caps() == null ? null : clause.caps().perClaim();
      if (cap == null) {
        return amount;
      }
      BigDecimal after = Money.min(amount, cap);
      step(
          Wording.PER_CLAIM_CAP,
          Wording.perClaimCap(cap) + Wording.localRule(clause, "per_claim_cap"),
          Wording.min(amount, cap),
          "",
          format(after));
      if (after.compareTo(amount) < 0) {
        note(Wording.cutToPerClaimCap(cap));
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
      step(
          Wording.ANNUAL_CAP,
          Wording.annualCap(cap, budgetYear) + Wording.localRule(clause, "annual_cap"),
          Wording.minRoom(amount, cap.amount(), used),
          Wording.annualUsage(usage),
          format(after));
      if (after.compareTo(amount) < 0) {
        note(Wording.cutByAnnualCap(cap, usage));
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
          Wording.LIFETIME_CAP,
          Wording.lifetimeCap(cap, project) + Wording.localRule(clause, "lifetime_cap"),
          Wording.minRoom(amount, cap.amount(), used),
          Wording.lifetimeUsage(usage),
          format(after));
      if (after.compareTo(amount) < 0) {
        note(Wording.cutByLifetimeCap(cap, project, used));
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
        String pct = Wording.percent(share);
        step(
            Wording.FUNDING_SPLIT,
            Wording.fundingSplitRule(pct) + Wording.localRule(clause, "city_share"),
            Wording.fundingSplitFormula(paid, pct),
            Wording.paid(paid),
            Wording.shares(city, district));
      }
      if (clause.caps() != null && clause.caps().annual() != null) {
        caps.addAnnual(claim.entityId(), clause.caps().annual().group(), paid);
      }
      if (clause.caps() != null && clause.caps().lifetime() != null) {
        caps.addLifetime(clause.caps().lifetime().group(), CapKeys.project(clause, claim), paid);
      }
      if (Money.isPositive(paid)) {
        step(Wording.PAYOUT, Wording.clauseNamed(clause), "", "", format(paid));
        return line(
            Status.PAID, paid, city, district, false, Wording.paidUnder(paid, clause, citation));
      }
      step(Wording.PAYOUT, Wording.CAPPED, "", "", format(Money.ZERO));
      return line(Status.CAPPED, Money.ZERO, null, null, false, Wording.NOTHING_LEFT_UNDER_CAP);
    }

    // ---- helpers

    /** The verdict of a step that stopped the claim, as its line. */
    private PayoutLine verdict(Step<?> stopped) {
      Step.Stop<?> stop = (Step.Stop<?>) stopped;
      step(Wording.VERDICT, Wording.status(stop.status()), "", "", Wording.reason(stop.why()));
      return line(stop.status(), Money.ZERO, null, null, stop.badData(), stop.why());
    }

    private PayoutLine line(
        Status status,
        BigDecimal paid,
        BigDecimal city,
        BigDecimal district,
        boolean badData,
        Bilingual head) {
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
          Wording.explanation(head, notes),
          badData,
          capGroup,
          trace);
    }

    private void note(Bilingual note) {
      notes.add(note);
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
}
