package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A posted run, as {@code ledger runs} lists it, in parts: its header's place in the chain ({@link
 * ChainLink}), what it was computed from and when it was posted ({@link Origin}), the run that
 * replaced it, and the header's counts ({@link Counts}) and totals ({@link Totals}). Each field
 * keeps its accessor on the run ({@code run.runId()}), so callers, the columns ({@link RunColumn})
 * and the hash-chain text ({@link Canonical}) read a run as one row; a field added goes into its
 * part.
 *
 * @param replacedBy the later run that replaced this one ({@code --replace}), or null while the run
 *     is active; derived from that run's {@code replacesRunId}, never stored on this row
 */
public record RunRecord(
    ChainLink link, Origin origin, String replacedBy, Counts counts, Totals totals)
    implements Chained {
  public RunRecord {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(totals, "totals");
  }

  /**
   * What the run was computed from, by whom, and when it was posted ({@link RunToPost}).
   *
   * @param replacesRunId the run this one replaces ({@code --replace RUN}), or null
   */
  public record Origin(
      String runId,
      Period period,
      String inputFile,
      String inputSha256,
      String operator,
      String toolVersion,
      Instant postedAt,
      String replacesRunId) {}

  /**
   * How many entries the run posted.
   *
   * @param lineCount payout entries (one per claim row)
   * @param reversalCount reversal entries (the replaced run's payouts negated)
   */
  public record Counts(
      int lineCount,
      int reversalCount,
      int paidCount,
      int cappedCount,
      int reviewCount,
      int rejectedCount) {}

  /**
   * The sums of the run's entries.
   *
   * @param totalPaid sum of the payout entries' 核发金额
   * @param totalReversed sum of the reversal entries' amounts (≤ 0)
   */
  public record Totals(
      BigDecimal totalPaid,
      BigDecimal totalCityShare,
      BigDecimal totalDistrictShare,
      BigDecimal totalReversed) {}

  /** The date the run was posted, in China Standard Time ({@link Ledger#ZONE}). */
  public LocalDate paidOn() {
    return LocalDate.ofInstant(postedAt(), Ledger.ZONE);
  }

  /** Not replaced by a later run: its payments count. */
  public boolean active() {
    return replacedBy == null;
  }

  RunRecord withReplacedBy(String by) {
    return new RunRecord(link, origin, by, counts, totals);
  }

  RunRecord withHash(String h) {
    return new RunRecord(link.withHash(h), origin, replacedBy, counts, totals);
  }

  public String runId() {
    return origin.runId();
  }

  public Period period() {
    return origin.period();
  }

  public String inputFile() {
    return origin.inputFile();
  }

  public String inputSha256() {
    return origin.inputSha256();
  }

  public String operator() {
    return origin.operator();
  }

  public String toolVersion() {
    return origin.toolVersion();
  }

  public Instant postedAt() {
    return origin.postedAt();
  }

  public String replacesRunId() {
    return origin.replacesRunId();
  }

  public int lineCount() {
    return counts.lineCount();
  }

  public int reversalCount() {
    return counts.reversalCount();
  }

  public int paidCount() {
    return counts.paidCount();
  }

  public int cappedCount() {
    return counts.cappedCount();
  }

  public int reviewCount() {
    return counts.reviewCount();
  }

  public int rejectedCount() {
    return counts.rejectedCount();
  }

  public BigDecimal totalPaid() {
    return totals.totalPaid();
  }

  public BigDecimal totalCityShare() {
    return totals.totalCityShare();
  }

  public BigDecimal totalDistrictShare() {
    return totals.totalDistrictShare();
  }

  public BigDecimal totalReversed() {
    return totals.totalReversed();
  }
}
