package cn.ipsubsidy.ledger;

import cn.ipsubsidy.engine.CapUsage;
import cn.ipsubsidy.engine.OneTimeKey;
import cn.ipsubsidy.engine.ProjectKey;
import cn.ipsubsidy.engine.ReferenceCheckKey;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The ledger's SQL on one connection: the same statements for both databases. The runs, entries and
 * cap usages are written and read through their column lists ({@link RunColumn}, {@link
 * EntryColumn}, {@link CapUsageColumn}); every query the ledger asks is a named method here.
 */
final class Store {
  static final List<String> TABLES =
      List.of(
          "ledger_runs",
          "ledger_documents",
          "ledger_run_documents",
          "ledger_cap_usages",
          "ledger_entries",
          "ledger_entry_refs");

  static final int BATCH = 1000;
  static final int FETCH = 5000;

  private static final String PAYOUTS_OF_RUN = "e.run_id = ? AND e.kind = 'PAYOUT'";

  final Connection c;
  final Dialect d;

  Store(Connection c, Dialect d) {
    this.c = c;
    this.d = d;
  }

  /** The last row of the chain. */
  record Head(long seq, String hash) {
    static final Head EMPTY = new Head(0, Canonical.GENESIS);
  }

  // ---- runs

  /** Every run in chain order, with replacedBy derived from the replacing run. */
  List<RunRecord> runs() throws SQLException {
    List<RunRecord> raw = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT " + RunColumn.TABLE.select("r") + " FROM ledger_runs r ORDER BY r.seq")) {
      while (rs.next()) {
        raw.add(RunColumn.run(RunColumn.TABLE.read(rs, d)));
      }
    }
    Map<String, String> replacedBy = new HashMap<>();
    for (RunRecord r : raw) {
      if (r.replacesRunId() != null) {
        replacedBy.put(r.replacesRunId(), r.runId());
      }
    }
    List<RunRecord> out = new ArrayList<>(raw.size());
    for (RunRecord r : raw) {
      out.add(r.withReplacedBy(replacedBy.get(r.runId())));
    }
    return out;
  }

  Optional<RunRecord> run(String runId) throws SQLException {
    return runs().stream().filter(r -> r.runId().equals(runId)).findFirst();
  }

  void insertRun(RunRecord r, List<StoredDocument> documents, List<CapUsage> usages)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RunColumn.TABLE.insert())) {
      RunColumn.TABLE.bind(ps, d, r);
      ps.executeUpdate();
    }
    try (PreparedStatement doc =
            c.prepareStatement(
                "INSERT INTO ledger_documents (sha256, content) VALUES (?, ?)"
                    + " ON CONFLICT (sha256) DO NOTHING");
        PreparedStatement link =
            c.prepareStatement(
                "INSERT INTO ledger_run_documents (run_id, ordinal, kind, name, sha256)"
                    + " VALUES (?,?,?,?,?)")) {
      int ordinal = 0;
      for (StoredDocument sd : documents) {
        doc.setString(1, sd.sha256());
        doc.setString(2, sd.text());
        doc.executeUpdate();
        link.setString(1, r.runId());
        link.setInt(2, ordinal++);
        link.setString(3, sd.kind());
        link.setString(4, sd.name());
        link.setString(5, sd.sha256());
        link.executeUpdate();
      }
    }
    try (PreparedStatement ps = c.prepareStatement(CapUsageColumn.TABLE.insert())) {
      int ordinal = 0;
      for (CapUsage u : usages) {
        CapUsageColumn.TABLE.bind(ps, d, new CapUsageColumn.Usage(r.runId(), ordinal++, u));
        ps.addBatch();
        if (ordinal % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** The documents of a run in order; {@code withText} false leaves the texts empty. */
  List<StoredDocument> documents(String runId, boolean withText) throws SQLException {
    String sql =
        "SELECT rd.kind, rd.name, rd.sha256"
            + (withText ? ", d.content" : "")
            + " FROM ledger_run_documents rd"
            + (withText ? " JOIN ledger_documents d ON d.sha256 = rd.sha256" : "")
            + " WHERE rd.run_id = ? ORDER BY rd.ordinal";
    List<StoredDocument> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String sha = rs.getString(3);
          if (withText && !StoredDocument.sha256(rs.getString(4)).equals(sha)) {
            throw new SQLException(
                "document "
                    + rs.getString(2)
                    + " of run "
                    + runId
                    + " does not match its SHA-256 "
                    + sha
                    + "; run 'ledger verify'");
          }
          out.add(
              withText
                  ? new StoredDocument(rs.getString(1), rs.getString(2), sha, rs.getString(4))
                  : StoredDocument.reference(rs.getString(1), rs.getString(2), sha));
        }
      }
    }
    return out;
  }

  /** The documents of every run, without their texts, by run id. */
  Map<String, List<StoredDocument>> documentsByRun() throws SQLException {
    Map<String, List<StoredDocument>> out = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
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

  /** SHA-256 keys that runs name but the ledger lacks, or whose text no longer matches. */
  Set<String> badDocuments() throws SQLException {
    Set<String> good = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT sha256, content FROM ledger_documents");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (StoredDocument.sha256(rs.getString(2)).equals(rs.getString(1))) {
          good.add(rs.getString(1));
        }
      }
    }
    Set<String> bad = new HashSet<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT DISTINCT sha256 FROM ledger_run_documents");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (!good.contains(rs.getString(1))) {
          bad.add(rs.getString(1));
        }
      }
    }
    return bad;
  }

  List<CapUsage> capUsages(String runId) throws SQLException {
    List<CapUsage> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + CapUsageColumn.TABLE.select("u")
                + " FROM ledger_cap_usages u WHERE u.run_id = ? ORDER BY u.ordinal")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(CapUsageColumn.usage(CapUsageColumn.TABLE.read(rs, d)));
        }
      }
    }
    return out;
  }

  Head head() throws SQLException {
    Head best = Head.EMPTY;
    for (String t : List.of("ledger_runs", "ledger_entries")) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT seq, hash FROM " + t + " ORDER BY seq DESC LIMIT 1")) {
        if (rs.next() && rs.getLong(1) > best.seq()) {
          best = new Head(rs.getLong(1), rs.getString(2));
        }
      }
    }
    return best;
  }

  /** The run ids that a later run replaced, each with the run that replaced it. */
  Map<String, String> replaced() throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT replaces_run_id, run_id FROM ledger_runs"
                    + " WHERE replaces_run_id IS NOT NULL")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /** The enabled user triggers of the ledger's schema. */
  List<String> triggers() throws SQLException {
    return d.triggers(c);
  }

  // ---- entries

  /** Appends entries in JDBC batches of {@link #BATCH}; close() sends the rest. */
  final class EntryWriter implements AutoCloseable {
    private final PreparedStatement ps;
    private final PreparedStatement refs;
    private int pending;
    private int pendingRefs;

    EntryWriter() throws SQLException {
      ps = c.prepareStatement(EntryColumn.TABLE.insert());
      refs =
          c.prepareStatement(
              "INSERT INTO ledger_entry_refs (entry_seq, ordinal, ref_group, ref_key)"
                  + " VALUES (?,?,?,?)");
    }

    void add(LedgerEntry e) throws SQLException {
      EntryColumn.TABLE.bind(ps, d, e);
      ps.addBatch();
      int ordinal = 0;
      for (ReferenceKey k : e.referenceKeys()) {
        refs.setLong(1, e.seq());
        refs.setInt(2, ordinal++);
        refs.setString(3, k.group());
        refs.setString(4, k.key().stored());
        refs.addBatch();
        pendingRefs++;
      }
      if (++pending == BATCH) {
        flush();
      }
    }

    private void flush() throws SQLException {
      if (pending > 0) {
        ps.executeBatch();
        pending = 0;
      }
      if (pendingRefs > 0) {
        refs.executeBatch();
        pendingRefs = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      try {
        flush();
      } finally {
        ps.close();
        refs.close();
      }
    }
  }

  /** Every entry of a run (reversals and payouts), in seq order. */
  List<LedgerEntry> entriesOfRun(String runId) throws SQLException {
    List<LedgerEntry> out = new ArrayList<>();
    forEachEntry("e.run_id = ?", List.of(runId), out::add);
    return out;
  }

  /** The payout entries of a run, in seq order: what replacing it reverses. */
  List<LedgerEntry> payoutsOfRun(String runId) throws SQLException {
    List<LedgerEntry> out = new ArrayList<>();
    forEachPayoutOfRun(runId, out::add);
    return out;
  }

  /** As {@link #payoutsOfRun}, one at a time. */
  void forEachPayoutOfRun(String runId, Consumer<LedgerEntry> sink) throws SQLException {
    forEachEntry(PAYOUTS_OF_RUN, List.of(runId), sink);
  }

  /** The payout entries of budget year {@code year} in runs not replaced, in seq order. */
  List<LedgerEntry> activePayoutsOfYear(int year) throws SQLException {
    List<LedgerEntry> out = new ArrayList<>();
    forEachEntry(
        "e.kind = 'PAYOUT' AND e.budget_year = ? AND NOT EXISTS"
            + " (SELECT 1 FROM ledger_runs x WHERE x.replaces_run_id = e.run_id)",
        List.of(year),
        out::add);
    return out;
  }

  /** Every entry of the ledger in seq order, one at a time: what verifying reads. */
  void forEachEntry(Consumer<LedgerEntry> sink) throws SQLException {
    forEachEntry(null, List.of(), sink);
  }

  /**
   * Entries matching {@code where} (over alias e, with one string/int parameter per '?'; null for
   * all), in seq order, each with its reference keys, handed to {@code sink} one at a time: the
   * entries and their reference keys are read side by side (both ordered by seq), so memory does
   * not grow with the number of entries.
   */
  private void forEachEntry(String where, List<Object> params, Consumer<LedgerEntry> sink)
      throws SQLException {
    String refSql =
        where == null
            ? "SELECT r.entry_seq, r.ref_group, r.ref_key FROM ledger_entry_refs r"
                + " ORDER BY r.entry_seq, r.ordinal"
            : "SELECT r.entry_seq, r.ref_group, r.ref_key FROM ledger_entry_refs r"
                + " JOIN ledger_entries e ON e.seq = r.entry_seq WHERE "
                + where
                + " ORDER BY r.entry_seq, r.ordinal";
    String sql =
        "SELECT "
            + EntryColumn.TABLE.select("e")
            + " FROM ledger_entries e"
            + (where == null ? "" : " WHERE " + where)
            + " ORDER BY e.seq";
    try (PreparedStatement refStatement = c.prepareStatement(refSql);
        PreparedStatement entryStatement = c.prepareStatement(sql)) {
      bind(refStatement, params);
      refStatement.setFetchSize(FETCH);
      bind(entryStatement, params);
      entryStatement.setFetchSize(FETCH);
      try (ResultSet refs = refStatement.executeQuery();
          ResultSet rs = entryStatement.executeQuery()) {
        boolean moreRefs = refs.next();
        while (rs.next()) {
          Table.Row<EntryColumn> row = EntryColumn.TABLE.read(rs, d);
          long seq = row.<Long>get(EntryColumn.SEQ);
          while (moreRefs && refs.getLong(1) < seq) {
            moreRefs = refs.next();
          }
          List<ReferenceKey> keys = List.of();
          if (moreRefs && refs.getLong(1) == seq) {
            keys = new ArrayList<>();
            while (moreRefs && refs.getLong(1) == seq) {
              ReferenceCheckKey key =
                  readable(
                      "ledger_entry_refs",
                      "entry_seq " + seq,
                      () -> ReferenceCheckKey.parse(refs.getString(3)));
              keys.add(new ReferenceKey(refs.getString(2), key));
              moreRefs = refs.next();
            }
          }
          List<ReferenceKey> entryKeys = keys;
          sink.accept(
              readable("ledger_entries", "seq " + seq, () -> EntryColumn.entry(row, entryKeys)));
        }
      }
    }
  }

  // ---- what counts as paid (Snapshot)

  /**
   * What a payout entry counts under, for the snapshot of what was paid: its run, claim id, 主体,
   * status and amount, budget year, cap groups and keys, and clause.
   */
  record PayoutKeys(
      String runId,
      String claimId,
      String entityId,
      String status,
      BigDecimal paid,
      int budgetYear,
      String annualGroup,
      String lifetimeGroup,
      ProjectKey projectKey,
      OneTimeKey oneTimeKey,
      String clauseCode) {}

  /** Every payout entry's keys, in seq order, one at a time. */
  void forEachPayoutKeys(Consumer<PayoutKeys> sink) throws SQLException {
    String sql =
        "SELECT run_id, claim_id, entity_id, status, paid, budget_year, annual_group,"
            + " lifetime_group, project_key, one_time_key, clause_code FROM ledger_entries"
            + " WHERE kind = 'PAYOUT' ORDER BY seq";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(FETCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(
              readable(
                  "ledger_entries",
                  rowOf(rs),
                  () ->
                      new PayoutKeys(
                          rs.getString(1),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getString(4),
                          new BigDecimal(rs.getString(5)),
                          rs.getInt(6),
                          rs.getString(7),
                          rs.getString(8),
                          ProjectKey.parse(rs.getString(9)),
                          OneTimeKey.parse(rs.getString(10)),
                          rs.getString(11))));
        }
      }
    }
  }

  /** A reference key held by a PAID payout entry: its run, claim id, amount and clause. */
  record PaidReference(
      String runId,
      String claimId,
      BigDecimal paid,
      String group,
      ReferenceCheckKey key,
      String clause) {}

  /** The reference keys of every PAID payout entry, in seq order, one at a time. */
  void forEachPaidReference(Consumer<PaidReference> sink) throws SQLException {
    String sql =
        "SELECT e.run_id, e.claim_id, e.paid, r.ref_group, r.ref_key, e.clause_code"
            + " FROM ledger_entry_refs r"
            + " JOIN ledger_entries e ON e.seq = r.entry_seq"
            + " WHERE e.kind = 'PAYOUT' AND e.status = 'PAID' ORDER BY r.entry_seq, r.ordinal";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(FETCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(
              readable(
                  "ledger_entry_refs",
                  rowOf(rs),
                  () ->
                      new PaidReference(
                          rs.getString(1),
                          rs.getString(2),
                          new BigDecimal(rs.getString(3)),
                          rs.getString(4),
                          ReferenceCheckKey.parse(rs.getString(5)),
                          rs.getString(6))));
        }
      }
    }
  }

  // ---- helpers

  /** A step reading one stored row into the tool's types. */
  private interface RowReading<T> {
    T read() throws SQLException;
  }

  /**
   * {@code reading}'s value; a stored text the types refuse (a key not in its stored form, an
   * amount that is not a number) was changed outside the tool, and is told as such.
   */
  private static <T> T readable(String table, String row, RowReading<T> reading)
      throws SQLException {
    try {
      return reading.read();
    } catch (IllegalArgumentException | NoSuchElementException e) {
      throw new UnreadableLedgerRow(table, row, e);
    }
  }

  /** "run R, claim C" of a result whose first two columns are run_id and claim_id. */
  private static String rowOf(ResultSet rs) throws SQLException {
    return "run " + rs.getString(1) + ", claim " + rs.getString(2);
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    int i = 1;
    for (Object p : params) {
      if (p instanceof Integer n) {
        ps.setInt(i++, n);
      } else if (p instanceof Long n) {
        ps.setLong(i++, n);
      } else {
        ps.setString(i++, (String) p);
      }
    }
  }
}
