package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;

/**
 * The commit of a run failed and whether it reached the ledger could not be found out (the database
 * could not be reached again). The run may be posted: whatever depends on the answer (the run's
 * outputs) must wait until it is known, never be thrown away.
 */
public final class CommitUnknownException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final String runId;

  CommitUnknownException(Bilingual message, String maskedUrl, String runId, Throwable cause) {
    super(message, maskedUrl, cause);
    this.runId = runId;
  }

  /** The run whose commit is in doubt. */
  public String runId() {
    return runId;
  }
}
