package cn.ipsubsidy.engine;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment an earlier run posted: which run, when, for which claim, how much. */
/**
 * @param clause the clause code it was paid under, where known (a reference held by the lower award
 *     a higher one contains: wx-2020 4a under 4b, revision 2), else null
 */
public record PriorPayment(
    String runId, LocalDate paidOn, String claimId, BigDecimal amount, String clause) {
  public PriorPayment(String runId, LocalDate paidOn, String claimId, BigDecimal amount) {
    this(runId, paidOn, claimId, amount, null);
  }

  public String describe() {
    return "run " + runId + ", " + paidOn + ", claim " + claimId;
  }

  /** {@link #describe()} in Chinese, as the messages put it in brackets. */
  public String describeZh() {
    return "运行" + runId + "，" + paidOn + "，申报编号" + claimId;
  }
}
