package cn.ipsubsidy.engine;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment an earlier run posted: which run, when, for which claim, how much. */
public record PriorPayment(String runId, LocalDate paidOn, String claimId, BigDecimal amount) {
  public String describe() {
    return "run " + runId + ", " + paidOn + ", claim " + claimId;
  }
}
