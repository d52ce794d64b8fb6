package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.CapKeys;
import cn.ipsubsidy.engine.PaymentRegister;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.policy.Clause;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Builds payout entries from engine lines: the keys each line counts under, built exactly as the
 * engine builds them (the one-time and reference checks of ExactlyOnce, the annual and lifetime
 * caps of Caps, through {@link CapKeys}), and the values normalised to what either database gives
 * back, so the hash of a row as written equals the hash of the row as read.
 */
final class Entries {
  private Entries() {}

  static LedgerEntry payout(String runId, Period period, PayoutLine line) {
    Clause clause = line.clause();
    ClaimRow row = normalise(line.row());
    LedgerEntry.CountingKeys keys = keys(clause, line.row().claim());
    return new LedgerEntry(
        ChainLink.UNCHAINED,
        new LedgerEntry.Booking(runId, EntryKind.PAYOUT, null, period),
        row,
        new LedgerEntry.Decision(
            clause == null ? null : clause.code().toString(),
            clause == null ? null : clause.name(),
            line.status(),
            line.badData(),
            line.citation(),
            line.explanation()),
        new LedgerEntry.Amounts(
            money(line.computed()),
            money(line.paid()),
            money(line.cityShare()),
            money(line.districtShare())),
        keys);
  }

  /**
   * The keys a claim counts under by its clause, from the engine's own derivation so the ledger
   * counts what the engine counts; none without a clause or a claim.
   */
  private static LedgerEntry.CountingKeys keys(Clause clause, Claim claim) {
    if (clause == null || claim == null) {
      return LedgerEntry.CountingKeys.NONE;
    }
    PaymentRegister.Keys keys = PaymentRegister.Keys.of(clause, claim);
    String lifetimeGroup = keys.lifetimeGroup();
    return new LedgerEntry.CountingKeys(
        keys.annualGroup(),
        lifetimeGroup,
        lifetimeGroup == null ? null : keys.projectKey(),
        keys.oneTimeKey(),
        keys.referenceKeys().stream()
            .map(k -> new ReferenceKey(keys.referenceGroup(), k))
            .toList());
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
                c.claimant(),
                c.matter().withReferences(Codec.references(Codec.references(c.references()))),
                new Claim.Figures(
                    decimal(c.basis()),
                    decimal(c.deduction()),
                    decimal(c.feesIncurred()),
                    decimal(c.approvedAmount()),
                    c.metric(),
                    c.metric2()),
                c.note());
    return new ClaimRow(
        row.inputIndex(), row.location(), claim, Codec.problems(Codec.problems(row.problems())));
  }
}
