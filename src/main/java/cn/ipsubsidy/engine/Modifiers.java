package cn.ipsubsidy.engine;

import static cn.ipsubsidy.domain.Money.format;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseModifiers;
import java.math.BigDecimal;

/**
 * Steps 4, 5 and 9 of the catalog, the modifiers a clause may carry (wx-2020 article 1): the
 * individual factor and the fee ceiling on the amount, and the split of what is paid between city
 * and district.
 */
final class Modifiers {
  private Modifiers() {}

  /** 市级承担 and 区级承担 of a payment; both null when the clause sets no funding split. */
  record Shares(BigDecimal city, BigDecimal district) {
    static final Shares NONE = new Shares(null, null);
  }

  /** Step 4: × the factor when the entity is a person. */
  static BigDecimal individualFactor(
      Claim claim, Clause clause, BigDecimal amount, LineDraft line) {
    ClauseModifiers m = clause.modifiers();
    if (m == null || m.individualFactor() == null || claim.entityType() != EntityType.INDIVIDUAL) {
      return amount;
    }
    BigDecimal factor = m.individualFactor();
    BigDecimal after = Money.fen(amount.multiply(factor));
    line.step(
        Wording.INDIVIDUAL_FACTOR,
        Wording.individualFactorRule(factor) + Wording.localRule(clause, "individual_factor"),
        Wording.timesFactor(amount, factor),
        Wording.AN_INDIVIDUAL,
        format(after));
    line.note(Wording.HALVED);
    return after;
  }

  /** Step 5: not above the claim's fees incurred; without them the claim goes to review. */
  static Step<BigDecimal> feeCeiling(
      Claim claim, Clause clause, BigDecimal amount, LineDraft line) {
    ClauseModifiers m = clause.modifiers();
    if (m == null || !m.feeCeiling()) {
      return Step.go(amount);
    }
    BigDecimal fees = claim.feesIncurred();
    if (fees == null) {
      line.step(
          Wording.FEE_CEILING,
          Wording.NOT_ABOVE_FEES,
          "",
          Wording.FEES_EMPTY,
          Wording.FEES_MISSING);
      return Step.stop(Status.REVIEW, false, Wording.FEES_MISSING_FOR_CEILING);
    }
    BigDecimal after = Money.min(amount, fees);
    line.step(
        Wording.FEE_CEILING,
        Wording.NOT_ABOVE_FEES,
        Wording.min(amount, fees),
        Wording.fees(fees),
        format(after));
    if (after.compareTo(amount) < 0) {
      line.note(Wording.limitedToFees(fees));
    }
    return Step.go(after);
  }

  /** Step 9: the city's share rounded half-up to the fen, the district the rest. */
  static Shares fundingSplit(Clause clause, BigDecimal paid, LineDraft line) {
    ClauseModifiers m = clause.modifiers();
    if (m == null || m.fundingSplit() == null || paid.signum() <= 0) {
      return Shares.NONE;
    }
    BigDecimal share = m.fundingSplit().cityShare();
    BigDecimal city = Money.fen(paid.multiply(share));
    BigDecimal district = paid.subtract(city);
    String pct = Wording.percent(share);
    line.step(
        Wording.FUNDING_SPLIT,
        Wording.fundingSplitRule(pct) + Wording.localRule(clause, "city_share"),
        Wording.fundingSplitFormula(paid, pct),
        Wording.paid(paid),
        Wording.shares(city, district));
    return new Shares(city, district);
  }
}
