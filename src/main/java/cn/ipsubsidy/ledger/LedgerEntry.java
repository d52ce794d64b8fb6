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

/**
 * One appended ledger row for a claim: everything needed to recompute it (the claim as read, the
 * clause applied, the keys it counts under) and what was paid.
 *
 * @param seq position in the hash chain (shared with run header rows)
 * @param runId the run that posted this entry
 * @param kind a payout, or the reversal of one
 * @param reversesSeq for a reversal, the payout entry it negates; else null
 * @param period the period whose budget the amount counts against (for a reversal, the reversed
 *     entry's period)
 * @param row the claim row as read: input index, file/sheet/row, the claim (null when the row had
 *     none) and its cell problems
 * @param clauseCode the resolved clause, e.g. "lyg-2021/2a", or null when none was resolved
 * @param computed 计算金额 (null when none was computed); negated in a reversal
 * @param paid 核发金额; negated in a reversal
 * @param annualGroup the annual cap group the amount counts against, or null
 * @param lifetimeGroup the lifetime cap group, or null
 * @param projectKey the lifetime cap's project ({@link cn.ipsubsidy.engine.CapKeys#project}), or
 *     null; stored as {@link ProjectKey#stored()}
 * @param oneTimeKey {@link cn.ipsubsidy.engine.CapKeys#oneTimeKey} when the clause is one-time,
 *     else null; stored as {@link OneTimeKey#stored()}
 * @param referenceKeys the duplicate-check keys the claim holds under its clause's reference group
 * @param prevHash the hash of the previous row of the chain
 * @param hash SHA-256 of prevHash and this row's canonical text
 */
public record LedgerEntry(
    long seq,
    String runId,
    EntryKind kind,
    Long reversesSeq,
    Period period,
    ClaimRow row,
    String clauseCode,
    String clauseName,
    Status status,
    boolean badData,
    BigDecimal computed,
    BigDecimal paid,
    BigDecimal cityShare,
    BigDecimal districtShare,
    String citation,
    Bilingual explanation,
    String annualGroup,
    String lifetimeGroup,
    ProjectKey projectKey,
    OneTimeKey oneTimeKey,
    List<ReferenceKey> referenceKeys,
    String prevHash,
    String hash) {
  public LedgerEntry {
    referenceKeys = List.copyOf(referenceKeys);
  }

  public Claim claim() {
    return row.claim();
  }

  public String claimId() {
    return row.claim() == null ? null : row.claim().claimId();
  }

  public int budgetYear() {
    return period.year();
  }

  /** A payout entry with status PAID and at least 0.01: what exactly-once counts as paid. */
  public boolean isPaid() {
    return kind == EntryKind.PAYOUT && status == Status.PAID && Money.isPositive(paid);
  }

  LedgerEntry withChain(long newSeq, String newPrevHash, String newHash) {
    return new LedgerEntry(
        newSeq,
        runId,
        kind,
        reversesSeq,
        period,
        row,
        clauseCode,
        clauseName,
        status,
        badData,
        computed,
        paid,
        cityShare,
        districtShare,
        citation,
        explanation,
        annualGroup,
        lifetimeGroup,
        projectKey,
        oneTimeKey,
        referenceKeys,
        newPrevHash,
        newHash);
  }

  /** The reversal of this payout entry, posted by {@code byRun}: same claim, amounts negated. */
  LedgerEntry reversedBy(String byRun) {
    return new LedgerEntry(
        0,
        byRun,
        EntryKind.REVERSAL,
        seq,
        period,
        row,
        clauseCode,
        clauseName,
        status,
        badData,
        negate(computed),
        negate(paid),
        negate(cityShare),
        negate(districtShare),
        citation,
        explanation,
        annualGroup,
        lifetimeGroup,
        projectKey,
        oneTimeKey,
        referenceKeys,
        null,
        null);
  }

  private static BigDecimal negate(BigDecimal v) {
    return v == null ? null : v.negate();
  }
}
