package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.CapKeys;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ReferenceRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds payout entries from engine lines: the keys each line counts under, built exactly as the
 * engine builds them (ClaimCalculator's one-time, reference, annual and lifetime steps, through
 * {@link CapKeys}), and the values normalised to what either database gives back, so the hash of a
 * row as written equals the hash of the row as read.
 */
final class Entries {
  private Entries() {}

  static LedgerEntry payout(String runId, Period period, PayoutLine line) {
    Clause clause = line.clause();
    ClaimRow row = normalise(line.row());
    Claim claim = line.row().claim();
    String annualGroup = null;
    String lifetimeGroup = null;
    String projectKey = null;
    String oneTimeKey = null;
    List<ReferenceKey> refs = List.of();
    if (clause != null) {
      if (clause.caps() != null && clause.caps().annual() != null) {
        annualGroup = clause.caps().annual().group();
      }
      if (clause.caps() != null && clause.caps().lifetime() != null && claim != null) {
        lifetimeGroup = clause.caps().lifetime().group();
        projectKey = CapKeys.project(claim);
      }
      if (claim != null && clause.eligibility() != null && clause.eligibility().oneTime()) {
        oneTimeKey = CapKeys.oneTime(claim.entityId(), clause.code(), claim.level());
      }
      if (claim != null) {
        refs = referenceKeys(claim, clause.references());
      }
    }
    return new LedgerEntry(
        0,
        runId,
        EntryKind.PAYOUT,
        null,
        period,
        row,
        clause == null ? null : clause.code().toString(),
        clause == null ? null : clause.name(),
        line.status(),
        line.badData(),
        money(line.computed()),
        money(line.paid()),
        money(line.cityShare()),
        money(line.districtShare()),
        line.citation(),
        line.explanation(),
        annualGroup,
        lifetimeGroup,
        projectKey,
        oneTimeKey,
        refs,
        null,
        null);
  }

  /**
   * The duplicate-check keys of a claim under its clause's reference rule, as the engine's
   * reference check builds them: none for PROJECT references; the reference (with the metric for
   * UNIQUE_PER_METRIC) for each reference; "entity:ID" when there is none and the rule says so.
   */
  static List<ReferenceKey> referenceKeys(Claim claim, ReferenceRule rule) {
    if (rule == null || rule.mode() == ReferenceRule.Mode.PROJECT) {
      return List.of();
    }
    Long metric = rule.mode() == ReferenceRule.Mode.UNIQUE_PER_METRIC ? claim.metric() : null;
    List<ReferenceKey> keys = new ArrayList<>();
    for (String ref : claim.references()) {
      keys.add(new ReferenceKey(rule.group(), CapKeys.reference(ref, metric)));
    }
    if (keys.isEmpty() && rule.entityWhenEmpty()) {
      keys.add(new ReferenceKey(rule.group(), "entity:" + claim.entityId()));
    }
    return keys;
  }

  /** Money as stored: two decimals. An amount with sub-fen digits fails loudly, never rounded. */
  static BigDecimal money(BigDecimal v) {
    if (v == null) {
      return null;
    }
    try {
      return v.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount with sub-fen digits: " + v.toPlainString(), e);
    }
  }

  /** A decimal input as stored: its plain form, never in exponent notation. */
  static BigDecimal decimal(BigDecimal v) {
    return v == null || v.scale() >= 0 ? v : v.setScale(0, RoundingMode.UNNECESSARY);
  }

  private static ClaimRow normalise(ClaimRow row) {
    Claim c = row.claim();
    Claim claim =
        c == null
            ? null
            : new Claim(
                c.claimId(),
                c.entityId(),
                c.entityName(),
                c.entityType(),
                c.district(),
                c.clause(),
                c.eventDate(),
                c.quantity(),
                c.level(),
                decimal(c.basis()),
                decimal(c.deduction()),
                decimal(c.feesIncurred()),
                decimal(c.approvedAmount()),
                c.metric(),
                c.metric2(),
                c.establishedDate(),
                Codec.references(Codec.references(c.references())),
                c.note());
    return new ClaimRow(
        row.inputIndex(), row.location(), claim, Codec.problems(Codec.problems(row.problems())));
  }
}
