package cn.ipsubsidy.engine;

import static cn.ipsubsidy.domain.Money.format;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.math.BigDecimal;
import java.util.function.IntFunction;

/**
 * Computes one claim through the catalog's steps, in order ({@link #evaluate}): the row as read,
 * policy in force, eligibility, amount by kind, individual factor, fee ceiling, per-claim cap,
 * annual cap, lifetime cap, funding split. Each step is a part that returns its {@link Step}: the
 * value the next one goes on with, or the claim's verdict. Every step that checks or changes the
 * amount leaves a {@link TraceStep}; what they say is in {@link Wording}.
 */
final class ClaimCalculator {
  private final PolicyInForce policies;
  private final ExactlyOnce once;
  private final EligibilityChecks eligibility;
  private final Caps caps;

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
    this.policies = new PolicyInForce(registry, defaultPolicyId);
    this.once = new ExactlyOnce(registry, prior, tally, budgetYear, rowAt);
    this.eligibility = new EligibilityChecks(once);
    this.caps = new Caps(caps, budgetYear);
  }

  /** The catalog's order of steps; the first that stops the claim gives its verdict. */
  PayoutLine evaluate(ClaimRow row) {
    LineDraft line = new LineDraft(row);
    if (row.hasProblems()) {
      return verdict(line, Holds.NOTHING, invalidData(row, line));
    }
    Claim claim = row.claim();
    Step<Clause> policy = policies.clauseOf(claim, line);
    if (policy instanceof Step.Stop<Clause> stop) {
      return verdict(line, Holds.NOTHING, stop);
    }
    Clause clause = policy.value();
    Step<Holds> eligible = eligibility.check(claim, clause, line);
    if (eligible instanceof Step.Stop<Holds> stop) {
      return verdict(line, Holds.NOTHING, stop);
    }
    Holds holds = eligible.value();
    Step<BigDecimal> amount = AmountByKind.of(claim, clause, holds, line);
    if (amount instanceof Step.Stop<BigDecimal> stop) {
      return verdict(line, holds, stop);
    }
    BigDecimal individual = Modifiers.individualFactor(claim, clause, amount.value(), line);
    Step<BigDecimal> ceiling = Modifiers.feeCeiling(claim, clause, individual, line);
    if (ceiling instanceof Step.Stop<BigDecimal> stop) {
      return verdict(line, holds, stop);
    }
    BigDecimal computed = caps.perClaim(clause, ceiling.value(), line);
    line.computed(computed);
    if (computed.signum() == 0) {
      return verdict(line, holds, Step.stop(Status.REJECTED, false, Wording.ZERO_AMOUNT));
    }
    BigDecimal paid =
        caps.lifetime(claim, clause, caps.annual(claim, clause, computed, line), line);
    Modifiers.Shares shares = Modifiers.fundingSplit(clause, paid, line);
    caps.count(claim, clause, paid);
    return payout(line, holds, paid, shares);
  }

  /** Step 0: a row with cell problems is bad data. */
  private static Step.Stop<Void> invalidData(ClaimRow row, LineDraft line) {
    line.step(
        Wording.VALIDATION,
        Wording.CLAIMS_CONTRACT,
        "",
        Wording.problems(row.problems()),
        Wording.INVALID_DATA);
    return Step.stop(Status.REJECTED, true, Wording.invalidData(row.problems()));
  }

  /** Step 10: paid, or capped to nothing by the caps that count other claims. */
  private PayoutLine payout(LineDraft line, Holds holds, BigDecimal paid, Modifiers.Shares shares) {
    Clause clause = line.clause();
    if (Money.isPositive(paid)) {
      line.step(Wording.PAYOUT, Wording.clauseNamed(clause), "", "", format(paid));
      return finish(
          line,
          holds,
          Status.PAID,
          paid,
          shares,
          false,
          Wording.paidUnder(paid, clause, line.citation()));
    }
    line.step(Wording.PAYOUT, Wording.CAPPED, "", "", format(Money.ZERO));
    return finish(
        line,
        holds,
        Status.CAPPED,
        Money.ZERO,
        Modifiers.Shares.NONE,
        false,
        Wording.NOTHING_LEFT_UNDER_CAP);
  }

  /** The verdict of the step that stopped the claim, as the trace's last step and the line. */
  private PayoutLine verdict(LineDraft line, Holds holds, Step.Stop<?> stop) {
    line.step(Wording.VERDICT, Wording.status(stop.status()), "", "", Wording.reason(stop.why()));
    return finish(
        line, holds, stop.status(), Money.ZERO, Modifiers.Shares.NONE, stop.badData(), stop.why());
  }

  /** The line of a claim whose outcome is known; what it holds is held from here on. */
  private PayoutLine finish(
      LineDraft line,
      Holds holds,
      Status status,
      BigDecimal paid,
      Modifiers.Shares shares,
      boolean badData,
      Bilingual head) {
    once.hold(holds, line.row(), status, line.clause(), paid);
    return line.payoutLine(status, paid, shares.city(), shares.district(), badData, head);
  }
}
