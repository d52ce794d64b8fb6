package cn.ipsubsidy.ledger;

import cn.ipsubsidy.engine.CapUsage;
import java.util.List;

/**
 * A run with everything posted with it, for {@code ledger show RUN} and {@code report RUN}.
 *
 * @param documents the policy and rules documents, with their texts
 * @param capUsages the 主体 rows the run computed, in its order
 * @param entries its entries in chain order: reversals first (when it replaced a run), then one
 *     payout entry per claim row in input order
 */
public record RunDetail(
    RunRecord run,
    List<StoredDocument> documents,
    List<CapUsage> capUsages,
    List<LedgerEntry> entries) {
  public RunDetail {
    documents = List.copyOf(documents);
    capUsages = List.copyOf(capUsages);
    entries = List.copyOf(entries);
  }

  /** The payout entries only, in input order. */
  public List<LedgerEntry> payouts() {
    return entries.stream().filter(e -> e.kind() == EntryKind.PAYOUT).toList();
  }
}
