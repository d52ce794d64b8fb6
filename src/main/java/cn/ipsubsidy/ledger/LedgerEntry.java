package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.OneTimeKey;
import cn.ipsubsidy.engine.ProjectKey;
import cn.ipsubsidy.engine.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One appended ledger row for a claim: everything needed to recompute it (the claim as read, the
 * clause applied, the keys it counts under) and what was paid, in parts: its place in the chain
 * ({@link ChainLink}), how it was posted ({@link Booking}), the claim row, what the clause decided
 * ({@link Decision}), the amounts ({@link Amounts}) and the keys it counts under ({@link
 * CountingKeys}). Each field keeps its accessor on the entry ({@code entry.paid()}), so callers,
 * the columns ({@link EntryColumn}) and the hash-chain text ({@link Canonical}) read an entry as
 * one row; a field added goes into its part.
 *
 * @param row the claim row as read: input index, file/sheet/row, the claim (null when the row had
 *     none) and its cell problems
 */
public record LedgerEntry(
    ChainLink link,
    Booking booking,
    ClaimRow row,
    Decision decision,
    Amounts amounts,
    CountingKeys keys)
    implements Chained {
  public LedgerEntry {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(booking, "booking");
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(amounts, "amounts");
    Objects.requireNonNull(keys, "keys");
  }

  /**
   * How the entry was posted.
   *
   * @param runId the run that posted this entry
   * @param kind a payout, or the reversal of one
   * @param reversesSeq for a reversal, the payout entry it negates; else null
   * @param period the period whose budget the amount counts against (for a reversal, the reversed
   *     entry's period)
   */
  public record Booking(String runId, EntryKind kind, Long reversesSeq, Period period) {}

  /**
   * What the clause decided for the claim.
   *
   * @param clauseCode the resolved clause, e.g. "lyg-2021/2a", or null when none was resolved
   * @param clauseName the resolved clause's name, or null
   * @param status PAID, CAPPED, REVIEW or REJECTED
   * @param badData rejected because the row's data is invalid
   * @param citation 依据, e.g. "连政发〔2021〕79号 第二条"
   * @param explanation 说明: the result in one sentence
   */
  public record Decision(
      String clauseCode,
      String clauseName,
      Status status,
      boolean badData,
      String citation,
      Bilingual explanation) {}

  /**
   * The amounts, with two decimals; all negated in a reversal.
   *
   * @param computed 计算金额 (null when none was computed)
   * @param paid 核发金额
   * @param cityShare 市级承担, null when the clause sets no funding split
   * @param districtShare 区级承担, null when the clause sets no funding split
   */
  public record Amounts(
      BigDecimal computed, BigDecimal paid, BigDecimal cityShare, BigDecimal districtShare) {
    /** Every amount negated (null stays null): what a reversal holds. */
    public Amounts negated() {
      return new Amounts(negate(computed), negate(paid), negate(cityShare), negate(districtShare));
    }

    private static BigDecimal negate(BigDecimal v) {
      return v == null ? null : v.negate();
    }
  }

  /**
   * The keys the entry counts under, for the caps and exactly-once.
   *
   * @param annualGroup the annual cap group the amount counts against, or null
   * @param lifetimeGroup the lifetime cap group, or null
   * @param projectKey the lifetime cap's project ({@link cn.ipsubsidy.engine.CapKeys#project}), or
   *     null; stored as {@link ProjectKey#stored()}
   * @param oneTimeKey {@link cn.ipsubsidy.engine.CapKeys#oneTimeKey} when the clause is one-time,
   *     else null; stored as {@link OneTimeKey#stored()}
   * @param referenceKeys the duplicate-check keys the claim holds under its clause's reference
   *     group
   */
  public record CountingKeys(
      String annualGroup,
      String lifetimeGroup,
      ProjectKey projectKey,
      OneTimeKey oneTimeKey,
      List<ReferenceKey> referenceKeys) {
    /** No keys: the entry of a row without a claim or without a resolved clause. */
    static final CountingKeys NONE = new CountingKeys(null, null, null, null, List.of());

    public CountingKeys {
      referenceKeys = List.copyOf(referenceKeys);
    }
  }

  public Claim claim() {
    return row.claim();
  }

  public String claimId() {
    return row.claim() == null ? null : row.claim().claimId();
  }

  public int budgetYear() {
    return period().year();
  }

  /** A payout entry with status PAID and at least 0.01: what exactly-once counts as paid. */
  public boolean isPaid() {
    return kind() == EntryKind.PAYOUT && status() == Status.PAID && Money.isPositive(paid());
  }

  /** The same entry at another place in the chain. */
  LedgerEntry withChain(ChainLink newLink) {
    return new LedgerEntry(newLink, booking, row, decision, amounts, keys);
  }

  /** The reversal of this payout entry, posted by {@code byRun}: same claim, amounts negated. */
  LedgerEntry reversedBy(String byRun) {
    return new LedgerEntry(
        ChainLink.UNCHAINED,
        new Booking(byRun, EntryKind.REVERSAL, seq(), period()),
        row,
        decision,
        amounts.negated(),
        keys);
  }

  public String runId() {
    return booking.runId();
  }

  public EntryKind kind() {
    return booking.kind();
  }

  public Long reversesSeq() {
    return booking.reversesSeq();
  }

  public Period period() {
    return booking.period();
  }

  public String clauseCode() {
    return decision.clauseCode();
  }

  public String clauseName() {
    return decision.clauseName();
  }

  public Status status() {
    return decision.status();
  }

  public boolean badData() {
    return decision.badData();
  }

  public String citation() {
    return decision.citation();
  }

  public Bilingual explanation() {
    return decision.explanation();
  }

  public BigDecimal computed() {
    return amounts.computed();
  }

  public BigDecimal paid() {
    return amounts.paid();
  }

  public BigDecimal cityShare() {
    return amounts.cityShare();
  }

  public BigDecimal districtShare() {
    return amounts.districtShare();
  }

  public String annualGroup() {
    return keys.annualGroup();
  }

  public String lifetimeGroup() {
    return keys.lifetimeGroup();
  }

  public ProjectKey projectKey() {
    return keys.projectKey();
  }

  public OneTimeKey oneTimeKey() {
    return keys.oneTimeKey();
  }

  public List<ReferenceKey> referenceKeys() {
    return keys.referenceKeys();
  }
}
