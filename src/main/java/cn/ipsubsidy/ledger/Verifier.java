package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.engine.CapUsage;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes the whole hash chain in one pass: runs and entries merged by seq, each row's hash
 * recomputed from its fields and checked against the stored hash and the next row's prev_hash;
 * documents checked against their SHA-256; each run's declared counts and totals checked against
 * its entries (which shows entries removed from the end of a run).
 */
final class Verifier {
  private final Store store;
  private final List<VerifyResult.Break> breaks = new ArrayList<>();
  private final Map<String, List<CapUsage>> usages = new HashMap<>();
  private final Map<String, Tally> tallies = new HashMap<>();
  private List<RunRecord> runs;
  private Map<String, List<StoredDocument>> docs;
  private Set<String> badDocuments;

  /** Where the chain has got to: the next seq expected, and the hash the next row chains to. */
  private long expected = 1;

  private String prev = Canonical.GENESIS;
  private long entries;
  private int nextRun;

  private Verifier(Store store) {
    this.store = store;
  }

  static VerifyResult verify(Store store) throws SQLException {
    return new Verifier(store).run();
  }

  private static final class Tally {
    int payouts;
    int reversals;
  }

  private VerifyResult run() throws SQLException {
    runs = store.runs();
    docs = store.documentsByRun();
    for (RunRecord r : runs) {
      usages.put(r.runId(), store.capUsages(r.runId()));
      tallies.put(r.runId(), new Tally());
    }
    badDocuments = store.badDocuments();
    store.forEachEntry(this::entry);
    runsBefore(Long.MAX_VALUE);
    for (RunRecord r : runs) {
      Tally t = tallies.get(r.runId());
      if (t.payouts != r.lineCount() || t.reversals != r.reversalCount()) {
        add(
            r.seq(),
            "ledger_runs",
            r.runId(),
            null,
            "登记"
                + r.lineCount()
                + "条明细、"
                + r.reversalCount()
                + "条冲销，账本实有"
                + t.payouts
                + "条明细、"
                + t.reversals
                + "条冲销（有记录被删除）",
            "declares "
                + r.lineCount()
                + " payout and "
                + r.reversalCount()
                + " reversal entries, the ledger holds "
                + t.payouts
                + " and "
                + t.reversals
                + " (entries were removed)");
      }
    }
    List<Bilingual> warnings = new ArrayList<>();
    Set<String> present = new HashSet<>(store.triggers());
    List<String> missing =
        store.d.expectedTriggers().stream().filter(t -> !present.contains(t)).toList();
    if (!missing.isEmpty()) {
      warnings.add(
          Bilingual.of(
              "只追加保护触发器缺失或被停用：" + String.join(", ", missing) + "（数据未受影响；请管理员检查谁删除了它们）",
              "append-only triggers missing or disabled: "
                  + String.join(", ", missing)
                  + " (the data is intact; have the administrator find out who removed them)"));
    }
    return new VerifyResult(runs.size(), entries, expected - 1, prev, breaks, warnings);
  }

  /** One entry, in seq order: the run headers before it first. */
  private void entry(LedgerEntry e) {
    runsBefore(e.seq());
    entries++;
    Tally t = tallies.get(e.runId());
    if (t == null) {
      add(
          e.seq(),
          "ledger_entries",
          e.runId(),
          e.claimId(),
          "所属运行不存在",
          "belongs to a run the ledger does not hold");
    } else if (e.kind() == EntryKind.PAYOUT) {
      t.payouts++;
    } else {
      t.reversals++;
    }
    check(e.seq(), expected, e.prevHash(), prev, e.hash(), Canonical.entry(e), null, null, e);
    expected = e.seq() + 1;
    prev = e.hash();
  }

  /** The run headers not yet checked whose seq is below {@code seq}, in order. */
  private void runsBefore(long seq) {
    while (nextRun < runs.size() && runs.get(nextRun).seq() < seq) {
      RunRecord r = runs.get(nextRun++);
      String canonical =
          Canonical.run(r, docs.getOrDefault(r.runId(), List.of()), usages.get(r.runId()));
      check(r.seq(), expected, r.prevHash(), prev, r.hash(), canonical, "ledger_runs", r, null);
      for (StoredDocument d : docs.getOrDefault(r.runId(), List.of())) {
        if (badDocuments.contains(d.sha256())) {
          add(
              r.seq(),
              "ledger_runs",
              r.runId(),
              null,
              "的文件" + d.name() + "内容与其SHA-256不符（被改动或缺失）",
              "document " + d.name() + " does not match its SHA-256 (changed or missing)");
        }
      }
      expected = r.seq() + 1;
      prev = r.hash();
    }
  }

  private void check(
      long seq,
      long expected,
      String storedPrev,
      String prev,
      String storedHash,
      String canonical,
      String table,
      RunRecord run,
      LedgerEntry entry) {
    String tbl = entry == null ? table : "ledger_entries";
    String runId = entry == null ? run.runId() : entry.runId();
    String claimId = entry == null ? null : entry.claimId();
    if (seq != expected) {
      add(
          seq,
          tbl,
          runId,
          claimId,
          "序号不连续：应为" + expected + "（其前的记录被删除或插入）",
          "is out of sequence: expected "
              + expected
              + " (rows before it were removed or inserted)");
    } else if (!storedPrev.equals(prev)) {
      add(
          seq,
          tbl,
          runId,
          claimId,
          "的前序哈希与上一条记录不符（其前的记录被改动、删除或插入）",
          "does not chain to the row before it (a row before it was changed, removed or inserted)");
    }
    String actual = Canonical.hash(storedPrev, canonical);
    if (!actual.equals(storedHash)) {
      add(
          seq,
          tbl,
          runId,
          claimId,
          "的内容与其哈希不符（过账后被改动）",
          "does not match its hash: it was changed after posting");
    }
  }

  private void add(long seq, String table, String runId, String claimId, String zh, String en) {
    if (breaks.size() < VerifyResult.MAX_BREAKS) {
      breaks.add(new VerifyResult.Break(seq, table, runId, claimId, Bilingual.of(zh, en)));
    }
  }
}
