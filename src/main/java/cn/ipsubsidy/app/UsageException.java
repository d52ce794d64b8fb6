package cn.ipsubsidy.app;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClerkFacing;

/** A request the tool cannot carry out as asked (exit 2): the message says why and what to do. */
public class UsageException extends RuntimeException implements ClerkFacing {
  private final Bilingual bilingual;

  public UsageException(String zh, String en) {
    this(zh, en, null);
  }

  public UsageException(String zh, String en, Throwable cause) {
    super(zh + " / " + en, cause);
    this.bilingual = Bilingual.of(zh, en);
  }

  /** A run id the ledger does not hold. */
  public static UsageException noSuchRun(String runId, String ledgerUrl) {
    return new UsageException(
        "台账中没有运行 " + runId + "（" + ledgerUrl + "）",
        "no run " + runId + " in the ledger " + ledgerUrl);
  }

  @Override
  public Bilingual bilingual() {
    return bilingual;
  }
}
