package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A posted run, as {@code ledger runs} lists it.
 *
 * @param seq its header's position in the hash chain
 * @param replacedBy the later run that replaced this one ({@code --replace}), or null while the run
 *     is active; derived from that run's {@code replacesRunId}, never stored on this row
 * @param lineCount payout entries (one per claim row)
 * @param reversalCount reversal entries (the replaced run's payouts negated)
 * @param totalPaid sum of the payout entries' 核发金额
 * @param totalReversed sum of the reversal entries' amounts (≤ 0)
 */
public record RunRecord(
    long seq,
    String runId,
    Period period,
    String inputFile,
    String inputSha256,
    String operator,
    String toolVersion,
    Instant postedAt,
    String replacesRunId,
    String replacedBy,
    int lineCount,
    int reversalCount,
    int paidCount,
    int cappedCount,
    int reviewCount,
    int rejectedCount,
    BigDecimal totalPaid,
    BigDecimal totalCityShare,
    BigDecimal totalDistrictShare,
    BigDecimal totalReversed,
    String prevHash,
    String hash) {

  /** The date the run was posted, in China Standard Time ({@link Ledger#ZONE}). */
  public LocalDate paidOn() {
    return LocalDate.ofInstant(postedAt, Ledger.ZONE);
  }

  /** Not replaced by a later run: its payments count. */
  public boolean active() {
    return replacedBy == null;
  }

  RunRecord withReplacedBy(String by) {
    return new RunRecord(
        seq,
        runId,
        period,
        inputFile,
        inputSha256,
        operator,
        toolVersion,
        postedAt,
        replacesRunId,
        by,
        lineCount,
        reversalCount,
        paidCount,
        cappedCount,
        reviewCount,
        rejectedCount,
        totalPaid,
        totalCityShare,
        totalDistrictShare,
        totalReversed,
        prevHash,
        hash);
  }

  RunRecord withHash(String h) {
    return new RunRecord(
        seq,
        runId,
        period,
        inputFile,
        inputSha256,
        operator,
        toolVersion,
        postedAt,
        replacesRunId,
        replacedBy,
        lineCount,
        reversalCount,
        paidCount,
        cappedCount,
        reviewCount,
        rejectedCount,
        totalPaid,
        totalCityShare,
        totalDistrictShare,
        totalReversed,
        prevHash,
        h);
  }
}
