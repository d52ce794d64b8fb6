package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import java.util.List;

/**
 * A run to post would pay what the ledger already holds as paid (a claim id, a reference, a
 * one-time award), pay past an annual or lifetime cap, or reuses a run id. The engine rejects such
 * rows when it computes against {@link Ledger.Session#prior}; this is the ledger's own last check,
 * so a run computed against a stale snapshot cannot double-pay. Nothing was posted.
 */
public final class LedgerConflictException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final transient List<Bilingual> conflicts;

  LedgerConflictException(String maskedUrl, List<Bilingual> conflicts) {
    super(message(maskedUrl, conflicts), maskedUrl, null);
    this.conflicts = List.copyOf(conflicts);
  }

  /** Every conflict found (at most the first 100). */
  public List<Bilingual> conflicts() {
    return conflicts;
  }

  private static Bilingual message(String url, List<Bilingual> conflicts) {
    Bilingual first = conflicts.get(0);
    String more = conflicts.size() > 1 ? "（共" + conflicts.size() + "处）" : "";
    String moreEn = conflicts.size() > 1 ? " (" + conflicts.size() + " conflicts)" : "";
    return Bilingual.of(
        "账本 " + url + " 拒绝过账本次运行：" + first.zh() + more + "。请重新计算后再过账。",
        "the ledger "
            + url
            + " refuses to post this run: "
            + first.en()
            + moreEn
            + ". Compute the run again against the ledger, then post.");
  }
}
