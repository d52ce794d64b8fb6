package cn.ipsubsidy.engine;

import static cn.ipsubsidy.domain.Money.format;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.policy.AnnualCap;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.LifetimeCap;
import java.math.BigDecimal;

/**
 * Steps 6, 7 and 8 of the catalog: the per-claim cap, then the caps that count other claims, the
 * annual cap per entity and budget year and the lifetime cap per project, against what earlier runs
 * and earlier rows of this run paid ({@link CapLedger}).
 */
final class Caps {
  private final CapLedger ledger;
  private final int budgetYear;

  Caps(CapLedger ledger, int budgetYear) {
    this.ledger = ledger;
    this.budgetYear = budgetYear;
  }

  /** Step 6: "每件最高". */
  BigDecimal perClaim(Clause clause, BigDecimal amount, LineDraft line) {
    BigDecimal cap = clause.caps() == null ? null : clause.caps().perClaim();
    if (cap == null) {
      return amount;
    }
    BigDecimal after = Money.min(amount, cap);
    line.step(
        Wording.PER_CLAIM_CAP,
        Wording.perClaimCap(cap) + Wording.localRule(clause, "per_claim_cap"),
        Wording.min(amount, cap),
        "",
        format(after));
    if (after.compareTo(amount) < 0) {
      line.note(Wording.cutToPerClaimCap(cap));
    }
    return after;
  }

  /** Step 7: the room left under the entity's annual cap in the budget year. */
  BigDecimal annual(Claim claim, Clause clause, BigDecimal amount, LineDraft line) {
    AnnualCap cap = clause.caps() == null ? null : clause.caps().annual();
    if (cap == null) {
      return amount;
    }
    CapLedger.Usage usage =
        ledger.annual(claim.entityId(), claim.entityName(), cap.group(), cap.amount(), budgetYear);
    BigDecimal after =
        room(
            amount,
            cap.amount(),
            usage,
            Wording.ANNUAL_CAP,
            Wording.annualCap(cap, budgetYear) + Wording.localRule(clause, "annual_cap"),
            Wording.annualUsage(usage),
            line);
    if (after.compareTo(amount) < 0) {
      line.note(Wording.cutByAnnualCap(cap, usage));
    }
    return after;
  }

  /** Step 8: the room left under the project's (or institution's) lifetime cap. */
  BigDecimal lifetime(Claim claim, Clause clause, BigDecimal amount, LineDraft line) {
    LifetimeCap cap = clause.caps() == null ? null : clause.caps().lifetime();
    if (cap == null) {
      return amount;
    }
    ProjectKey project = CapKeys.project(clause, claim);
    CapLedger.Usage usage =
        ledger.lifetime(claim.entityId(), claim.entityName(), cap.group(), project, cap.amount());
    BigDecimal after =
        room(
            amount,
            cap.amount(),
            usage,
            Wording.LIFETIME_CAP,
            Wording.lifetimeCap(cap, project.stored()) + Wording.localRule(clause, "lifetime_cap"),
            Wording.lifetimeUsage(usage),
            line);
    if (after.compareTo(amount) < 0) {
      line.note(Wording.cutByLifetimeCap(cap, project.stored(), usage.used()));
    }
    return after;
  }

  /** The amount cut to the room left under a cap that earlier payments used, with its step. */
  private static BigDecimal room(
      BigDecimal amount,
      BigDecimal cap,
      CapLedger.Usage usage,
      String step,
      String rule,
      String inputs,
      LineDraft line) {
    BigDecimal used = usage.used();
    BigDecimal after = Money.min(amount, cap.subtract(used).max(Money.ZERO));
    line.step(step, rule, Wording.minRoom(amount, cap, used), inputs, format(after));
    return after;
  }

  /** What the claim is paid now counts under its caps for the rows after it. */
  void count(Claim claim, Clause clause, BigDecimal paid) {
    if (clause.caps() != null && clause.caps().annual() != null) {
      ledger.addAnnual(claim.entityId(), clause.caps().annual().group(), paid);
    }
    if (clause.caps() != null && clause.caps().lifetime() != null) {
      ledger.addLifetime(clause.caps().lifetime().group(), CapKeys.project(clause, claim), paid);
    }
  }
}
