package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.engine.CapUsage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    List<RunRecord> runs = store.runs();
    Map<String, List<StoredDocument>> docs = runDocuments();
    Map<String, List<CapUsage>> usages = new HashMap<>();
    Map<String, Tally> tallies = new HashMap<>();
    for (RunRecord r : runs) {
      usages.put(r.runId(), store.capUsages(r.runId()));
      tallies.put(r.runId(), new Tally());
    }
    Set<String> badDocuments = badDocuments();

    long expected = 1;
    String prev = Canonical.GENESIS;
    long entries = 0;
    int nextRun = 0;
    String sql =
        "SELECT "
            + Store.prefixed("e.", Store.ENTRY_COLUMNS)
            + " FROM ledger_entries e ORDER BY e.seq";
    String refSql =
        "SELECT entry_seq, ref_group, ref_key FROM ledger_entry_refs ORDER BY entry_seq, ordinal";
    try (PreparedStatement ps = store.c.prepareStatement(sql);
        PreparedStatement rps = store.c.prepareStatement(refSql)) {
      ps.setFetchSize(Store.FETCH);
      rps.setFetchSize(Store.FETCH);
      try (ResultSet rs = ps.executeQuery();
          ResultSet refs = rps.executeQuery()) {
        boolean refsLeft = refs.next();
        while (true) {
          boolean haveEntry = rs.next();
          long entrySeq = haveEntry ? rs.getLong(1) : Long.MAX_VALUE;
          while (nextRun < runs.size() && runs.get(nextRun).seq() < entrySeq) {
            RunRecord r = runs.get(nextRun++);
            String canonical =
                Canonical.run(r, docs.getOrDefault(r.runId(), List.of()), usages.get(r.runId()));
            check(
                r.seq(), expected, r.prevHash(), prev, r.hash(), canonical, "ledger_runs", r, null);
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
          if (!haveEntry) {
            break;
          }
          List<ReferenceKey> keys = new ArrayList<>();
          while (refsLeft && refs.getLong(1) <= entrySeq) {
            if (refs.getLong(1) == entrySeq) {
              keys.add(new ReferenceKey(refs.getString(2), refs.getString(3)));
            }
            refsLeft = refs.next();
          }
          LedgerEntry e = store.entry(rs, keys);
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
      }
    }
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
    Set<String> present = new HashSet<>(store.d.triggers(store.c));
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

  private Map<String, List<StoredDocument>> runDocuments() throws SQLException {
    Map<String, List<StoredDocument>> out = new HashMap<>();
    try (PreparedStatement ps =
            store.c.prepareStatement(
                "SELECT run_id, kind, name, sha256 FROM ledger_run_documents"
                    + " ORDER BY run_id, ordinal");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(StoredDocument.reference(rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return out;
  }

  /** SHA-256 keys that are referenced but missing, or whose text no longer matches. */
  private Set<String> badDocuments() throws SQLException {
    Set<String> good = new HashSet<>();
    try (PreparedStatement ps =
            store.c.prepareStatement("SELECT sha256, content FROM ledger_documents");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (StoredDocument.sha256(rs.getString(2)).equals(rs.getString(1))) {
          good.add(rs.getString(1));
        }
      }
    }
    Set<String> bad = new HashSet<>();
    try (PreparedStatement ps =
            store.c.prepareStatement("SELECT DISTINCT sha256 FROM ledger_run_documents");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (!good.contains(rs.getString(1))) {
          bad.add(rs.getString(1));
        }
      }
    }
    return bad;
  }
}
