package cn.ipsubsidy.engine;

import static cn.ipsubsidy.domain.Money.format;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.policy.Calculation;
import cn.ipsubsidy.policy.Clause;
import java.math.BigDecimal;

/**
 * Step 3 of the catalog: the amount the clause's kind gives the claim, rounded to the fen, less
 * what a lower award it contains paid already. One case per kind of {@link Calculation}, so a new
 * kind does not compile until its amount is written here.
 */
final class AmountByKind implements Calculation.Cases<Step<BigDecimal>> {
  private final Claim claim;
  private final Clause clause;
  private final LineDraft line;
  private final int qty;
  private final String kind;

  private AmountByKind(Claim claim, Clause clause, LineDraft line) {
    this.claim = claim;
    this.clause = clause;
    this.line = line;
    this.qty = claim.quantityOrOne();
    this.kind = clause.calculation().kind();
  }

  /** The amount, or why there is none (data missing, a threshold not met, left to review). */
  static Step<BigDecimal> of(Claim claim, Clause clause, Holds holds, LineDraft line) {
    Step<BigDecimal> amount = clause.calculation().match(new AmountByKind(claim, clause, line));
    BigDecimal lowerPaid = holds.lowerPaid();
    if (amount.stopped() || lowerPaid.signum() == 0) {
      return amount;
    }
    return Step.go(difference(amount.value(), lowerPaid, holds, clause, line));
  }

  /** wx-2020 4b after 4a for the same certificate: the difference (revision 2). */
  private static BigDecimal difference(
      BigDecimal amount, BigDecimal lowerPaid, Holds holds, Clause clause, LineDraft line) {
    BigDecimal after = amount.subtract(lowerPaid).max(Money.ZERO);
    line.step(
        Wording.AMOUNT,
        Wording.differenceRule(clause.references().upgrades()),
        Wording.minus(amount, lowerPaid),
        Wording.paidUnderLowerAwards(holds.lowerAwards()),
        format(after));
    line.note(Wording.differencePaid(holds.lowerAwards()));
    return after;
  }

  @Override
  public Step<BigDecimal> fixed(Calculation.Fixed f) {
    return amount(
        Wording.perUnit(kind, f.perUnit()),
        Wording.times(f.perUnit(), qty),
        Wording.quantity(qty),
        f.perUnit().multiply(BigDecimal.valueOf(qty)),
        "amount");
  }

  @Override
  public Step<BigDecimal> fixedByLevel(Calculation.FixedByLevel f) {
    BigDecimal per = f.perUnit().get(claim.level());
    return amount(
        Wording.perUnitAtLevel(kind, claim.level(), per),
        Wording.times(per, qty),
        Wording.levelAndQuantity(claim.level(), qty),
        per.multiply(BigDecimal.valueOf(qty)),
        "amounts." + claim.level().name());
  }

  @Override
  public Step<BigDecimal> upTo(Calculation.UpTo u) {
    BigDecimal standard = u.maxPerUnit().multiply(BigDecimal.valueOf(qty));
    BigDecimal approved = claim.approvedAmount();
    String rule = Wording.upTo(kind, u.maxPerUnit());
    if (approved == null) {
      return amount(
          rule, Wording.times(u.maxPerUnit(), qty), Wording.quantity(qty), standard, "amount");
    }
    return amount(
        rule,
        Wording.approvedUpTo(approved, u.maxPerUnit(), qty),
        Wording.quantityAndApproved(qty, approved),
        Money.min(approved, standard),
        "amount");
  }

  @Override
  public Step<BigDecimal> approved(Calculation.Approved a) {
    return approved(kind, a.max(), a.min());
  }

  private Step<BigDecimal> approved(String kind, BigDecimal max, BigDecimal min) {
    BigDecimal approved = claim.approvedAmount();
    String rule = Wording.approvedRule(kind, min, max);
    if (approved == null) {
      line.step(Wording.AMOUNT, rule, "", Wording.APPROVED_EMPTY, Wording.APPROVED_MISSING);
      return Step.stop(Status.REVIEW, false, Wording.APPROVED_AMOUNT_MISSING);
    }
    if (min != null && approved.compareTo(min) < 0) {
      line.step(
          Wording.AMOUNT,
          rule,
          Wording.below(approved, min),
          Wording.approved(approved),
          Wording.BELOW_MINIMUM);
      return Step.stop(Status.REVIEW, false, Wording.approvedBelowMinimum(approved, min));
    }
    if (max != null && approved.compareTo(max) > 0) {
      line.note(Wording.approvedAboveMaximum(approved, max));
      return amount(
          rule, Wording.min(approved, max), Wording.approved(approved), max, "max", "min");
    }
    return amount(
        Wording.approvedWithin(kind, min, max),
        format(approved),
        Wording.approved(approved),
        approved,
        "max");
  }

  @Override
  public Step<BigDecimal> percent(Calculation.Percent p) {
    BigDecimal basis = claim.basis();
    if (basis == null) {
      return Step.stop(Status.REJECTED, true, Wording.basisRequired(p, clause));
    }
    BigDecimal deduction = claim.deduction() == null ? Money.ZERO : claim.deduction();
    if (deduction.compareTo(basis) > 0) {
      return Step.stop(Status.REJECTED, true, Wording.deductionExceedsBasis(deduction, basis));
    }
    return amount(
        Wording.percentRule(p),
        Wording.percentFormula(p, basis, deduction),
        Wording.basisAndDeduction(basis, deduction),
        Money.fen(p.rate().multiply(basis.subtract(deduction))),
        "rate");
  }

  @Override
  public Step<BigDecimal> stepped(Calculation.Stepped s) {
    Long metric = claim.metric();
    if (metric == null) {
      return Step.stop(Status.REJECTED, true, Wording.steppedMetricRequired(clause));
    }
    String rule = Wording.steppedRule(s);
    if (metric < s.threshold()) {
      line.step(
          Wording.AMOUNT,
          rule,
          Wording.belowThreshold(metric, s.threshold()),
          Wording.metric(metric),
          Wording.BELOW_THRESHOLD);
      return Step.stop(Status.REJECTED, false, Wording.metricBelowThreshold(metric, s.threshold()));
    }
    long steps = (metric - s.threshold()) / s.increment();
    BigDecimal raw = s.base().add(s.step().multiply(BigDecimal.valueOf(steps)));
    BigDecimal amount = Money.min(raw, s.max());
    return amount(rule, Wording.steppedFormula(s, metric), Wording.metric(metric), amount, "max");
  }

  @Override
  public Step<BigDecimal> tiered(Calculation.Tiered t) {
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
      line.step(Wording.AMOUNT, rule, "", inputs, Wording.NO_TIER_MET);
      return Step.stop(Status.REJECTED, false, Wording.noTierMet(inputs));
    }
    return amount(rule, Wording.tier(best), inputs, best.amount(), "amount");
  }

  @Override
  public Step<BigDecimal> unset(Calculation.Unset u) {
    if (u.localAmount() != null) {
      return amount(
          Wording.unsetAsFixed(u.localAmount()),
          Wording.times(u.localAmount(), qty),
          Wording.quantity(qty),
          u.localAmount().multiply(BigDecimal.valueOf(qty)),
          "amount");
    }
    if (claim.approvedAmount() != null) {
      line.note(Wording.UNSET_APPROVED_USED);
      return approved(Wording.UNSET_AS_APPROVED, null, null);
    }
    line.step(
        Wording.AMOUNT,
        Wording.unset(u.phrase()),
        "",
        Wording.APPROVED_EMPTY,
        Wording.NO_AMOUNT_SET);
    return Step.stop(Status.REVIEW, false, Wording.noAmountSet(u.phrase()));
  }

  /**
   * The amount rounded to the fen, with its step; the rule names the local rules that set any of
   * {@code fields} of the kind (an approved amount's max and min; a level's amount as {@code
   * amounts.NATIONAL}, however the rules file wrote the level).
   */
  private Step<BigDecimal> amount(
      String rule, String formula, String inputs, BigDecimal amount, String... fields) {
    BigDecimal a = Money.fen(amount);
    line.step(Wording.AMOUNT, rule + Wording.localRule(clause, fields), formula, inputs, format(a));
    return Step.go(a);
  }
}
