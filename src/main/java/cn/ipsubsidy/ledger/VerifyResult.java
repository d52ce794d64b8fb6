package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ledger verify} found.
 *
 * @param runs run header rows checked
 * @param entries entry rows checked
 * @param headSeq the chain position of the last row (0 for an empty ledger)
 * @param headHash the hash of the last row: noting it (e.g. on the printed payout list) lets an
 *     auditor detect later truncation, which the chain alone cannot show
 * @param breaks every row that does not match, in chain order (at most {@link #MAX_BREAKS})
 * @param warnings weaknesses that leave the data intact, e.g. a missing append-only trigger
 */
public record VerifyResult(
    long runs,
    long entries,
    long headSeq,
    String headHash,
    List<Break> breaks,
    List<Bilingual> warnings) {
  public static final int MAX_BREAKS = 1000;

  public VerifyResult {
    breaks = breaks.stream().sorted(Comparator.comparingLong(Break::seq)).toList();
    warnings = List.copyOf(warnings);
  }

  /** Every row's hash matches its fields and its predecessor. */
  public boolean ok() {
    return breaks.isEmpty();
  }

  /** The first row (in chain order) that does not match. */
  public Optional<Break> firstBreak() {
    return breaks.stream().findFirst();
  }

  /**
   * A row that does not match.
   *
   * @param seq its chain position
   * @param table "ledger_runs" or "ledger_entries"
   * @param runId the run it belongs to
   * @param claimId the claim of an entry, or null
   */
  public record Break(long seq, String table, String runId, String claimId, Bilingual reason) {
    public String describeZh() {
      return "第"
          + seq
          + "条记录（"
          + (table.equals("ledger_runs") ? "运行" + runId + "表头" : "运行" + runId)
          + (claimId == null ? "" : "，申报编号" + claimId)
          + "）"
          + reason.zh();
    }

    public String describeEn() {
      return "row "
          + seq
          + " ("
          + (table.equals("ledger_runs") ? "header of run " : "run ")
          + runId
          + (claimId == null ? "" : ", claim " + claimId)
          + ") "
          + reason.en();
    }
  }
}
