package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.domain.SourceLocation;
import cn.ipsubsidy.engine.CapUsage;
import cn.ipsubsidy.engine.Status;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The ledger's SQL on one connection: the same statements for both databases. */
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

  private static final String RUN_COLUMNS =
      "seq, run_id, period, input_file, input_sha256, operator, tool_version, posted_at,"
          + " replaces_run_id, line_count, reversal_count, paid_count, capped_count, review_count,"
          + " rejected_count, total_paid, total_city_share, total_district_share, total_reversed,"
          + " prev_hash, hash";

  static final String ENTRY_COLUMNS =
      "seq, run_id, kind, reverses_seq, period, budget_year, input_index, source_file, sheet,"
          + " source_row, problems, has_claim, claim_id, entity_id, entity_name, entity_type,"
          + " district, clause_text, event_date, quantity, level, basis, deduction,"
          + " fees_incurred, approved_amount, metric, metric2, established_date, refs, note,"
          + " clause_code, clause_name, status, bad_data, computed, paid, city_share,"
          + " district_share, citation, explanation_zh, explanation_en, annual_group,"
          + " lifetime_group, project_key, one_time_key, prev_hash, hash";

  private static final int ENTRY_COLUMN_COUNT = ENTRY_COLUMNS.split(",").length;

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
        ResultSet rs = s.executeQuery("SELECT " + RUN_COLUMNS + " FROM ledger_runs ORDER BY seq")) {
      while (rs.next()) {
        raw.add(run(rs));
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

  private RunRecord run(ResultSet rs) throws SQLException {
    int i = 1;
    long seq = rs.getLong(i++);
    String runId = rs.getString(i++);
    Period period = Period.parse(rs.getString(i++)).orElseThrow();
    return new RunRecord(
        seq,
        runId,
        period,
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        d.getInstant(rs, i++),
        rs.getString(i++),
        null,
        rs.getInt(i++),
        rs.getInt(i++),
        rs.getInt(i++),
        rs.getInt(i++),
        rs.getInt(i++),
        rs.getInt(i++),
        decimal(rs, i++),
        decimal(rs, i++),
        decimal(rs, i++),
        decimal(rs, i++),
        rs.getString(i++),
        rs.getString(i));
  }

  void insertRun(RunRecord r, List<StoredDocument> documents, List<CapUsage> usages)
      throws SQLException {
    String sql =
        "INSERT INTO ledger_runs ("
            + RUN_COLUMNS
            + ", budget_year, quarter) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setLong(i++, r.seq());
      ps.setString(i++, r.runId());
      ps.setString(i++, r.period().toString());
      ps.setString(i++, r.inputFile());
      ps.setString(i++, r.inputSha256());
      ps.setString(i++, r.operator());
      ps.setString(i++, r.toolVersion());
      d.setInstant(ps, i++, r.postedAt());
      ps.setString(i++, r.replacesRunId());
      ps.setInt(i++, r.lineCount());
      ps.setInt(i++, r.reversalCount());
      ps.setInt(i++, r.paidCount());
      ps.setInt(i++, r.cappedCount());
      ps.setInt(i++, r.reviewCount());
      ps.setInt(i++, r.rejectedCount());
      d.setMoney(ps, i++, r.totalPaid());
      d.setMoney(ps, i++, r.totalCityShare());
      d.setMoney(ps, i++, r.totalDistrictShare());
      d.setMoney(ps, i++, r.totalReversed());
      ps.setString(i++, r.prevHash());
      ps.setString(i++, r.hash());
      ps.setInt(i++, r.period().year());
      ps.setInt(i, r.period().quarter());
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
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ledger_cap_usages (run_id, ordinal, entity_id, entity_name, budget_year,"
                + " cap_group, cap, paid_before, paid_now, remaining) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      int ordinal = 0;
      for (CapUsage u : usages) {
        ps.setString(1, r.runId());
        ps.setInt(2, ordinal++);
        ps.setString(3, u.entityId());
        ps.setString(4, u.entityName());
        setInt(ps, 5, u.year());
        ps.setString(6, u.capGroup());
        d.setMoney(ps, 7, u.cap());
        d.setMoney(ps, 8, u.paidBefore());
        d.setMoney(ps, 9, u.paidNow());
        d.setMoney(ps, 10, u.remaining());
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

  List<CapUsage> capUsages(String runId) throws SQLException {
    List<CapUsage> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT entity_id, entity_name, budget_year, cap_group, cap, paid_before, paid_now,"
                + " remaining FROM ledger_cap_usages WHERE run_id = ? ORDER BY ordinal")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CapUsage(
                  rs.getString(1),
                  rs.getString(2),
                  getInt(rs, 3),
                  rs.getString(4),
                  decimal(rs, 5),
                  decimal(rs, 6),
                  decimal(rs, 7),
                  decimal(rs, 8)));
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

  // ---- entries

  /** Appends entries in JDBC batches of {@link #BATCH}; close() sends the rest. */
  final class EntryWriter implements AutoCloseable {
    private final PreparedStatement ps;
    private final PreparedStatement refs;
    private int pending;
    private int pendingRefs;

    EntryWriter() throws SQLException {
      String marks = "?,".repeat(ENTRY_COLUMN_COUNT);
      ps =
          c.prepareStatement(
              "INSERT INTO ledger_entries ("
                  + ENTRY_COLUMNS
                  + ") VALUES ("
                  + marks.substring(0, marks.length() - 1)
                  + ")");
      refs =
          c.prepareStatement(
              "INSERT INTO ledger_entry_refs (entry_seq, ordinal, ref_group, ref_key)"
                  + " VALUES (?,?,?,?)");
    }

    void add(LedgerEntry e) throws SQLException {
      bindEntry(ps, e);
      ps.addBatch();
      int ordinal = 0;
      for (ReferenceKey k : e.referenceKeys()) {
        refs.setLong(1, e.seq());
        refs.setInt(2, ordinal++);
        refs.setString(3, k.group());
        refs.setString(4, k.key());
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

  private void bindEntry(PreparedStatement ps, LedgerEntry e) throws SQLException {
    ClaimRow row = e.row();
    SourceLocation loc = row.location();
    Claim cl = row.claim();
    int i = 1;
    ps.setLong(i++, e.seq());
    ps.setString(i++, e.runId());
    ps.setString(i++, e.kind().name());
    setLong(ps, i++, e.reversesSeq());
    ps.setString(i++, e.period().toString());
    ps.setInt(i++, e.period().year());
    ps.setInt(i++, row.inputIndex());
    ps.setString(i++, loc == null ? null : loc.file());
    ps.setString(i++, loc == null ? null : loc.sheet());
    setInt(ps, i++, loc == null ? null : loc.row());
    ps.setString(i++, Codec.problems(row.problems()));
    ps.setBoolean(i++, cl != null);
    ps.setString(i++, cl == null ? null : cl.claimId());
    ps.setString(i++, cl == null ? null : cl.entityId());
    ps.setString(i++, cl == null ? null : cl.entityName());
    ps.setString(i++, cl == null || cl.entityType() == null ? null : cl.entityType().name());
    ps.setString(i++, cl == null ? null : cl.district());
    ps.setString(i++, cl == null ? null : cl.clause());
    d.setDate(ps, i++, cl == null ? null : cl.eventDate());
    setInt(ps, i++, cl == null ? null : cl.quantity());
    ps.setString(i++, cl == null || cl.level() == null ? null : cl.level().name());
    d.setDecimal(ps, i++, cl == null ? null : cl.basis());
    d.setDecimal(ps, i++, cl == null ? null : cl.deduction());
    d.setDecimal(ps, i++, cl == null ? null : cl.feesIncurred());
    d.setDecimal(ps, i++, cl == null ? null : cl.approvedAmount());
    setLong(ps, i++, cl == null ? null : cl.metric());
    setLong(ps, i++, cl == null ? null : cl.metric2());
    d.setDate(ps, i++, cl == null ? null : cl.establishedDate());
    ps.setString(i++, cl == null ? null : Codec.references(cl.references()));
    ps.setString(i++, cl == null ? null : cl.note());
    ps.setString(i++, e.clauseCode());
    ps.setString(i++, e.clauseName());
    ps.setString(i++, e.status().name());
    ps.setBoolean(i++, e.badData());
    d.setMoney(ps, i++, e.computed());
    d.setMoney(ps, i++, e.paid());
    d.setMoney(ps, i++, e.cityShare());
    d.setMoney(ps, i++, e.districtShare());
    ps.setString(i++, e.citation());
    ps.setString(i++, e.explanation() == null ? null : e.explanation().zh());
    ps.setString(i++, e.explanation() == null ? null : e.explanation().en());
    ps.setString(i++, e.annualGroup());
    ps.setString(i++, e.lifetimeGroup());
    ps.setString(i++, e.projectKey());
    ps.setString(i++, e.oneTimeKey());
    ps.setString(i++, e.prevHash());
    ps.setString(i, e.hash());
  }

  /** Maps one row of {@link #ENTRY_COLUMNS} (starting at column 1) with the given refs. */
  LedgerEntry entry(ResultSet rs, List<ReferenceKey> refs) throws SQLException {
    int i = 1;
    long seq = rs.getLong(i++);
    String runId = rs.getString(i++);
    EntryKind kind = EntryKind.valueOf(rs.getString(i++));
    Long reverses = getLong(rs, i++);
    Period period = Period.parse(rs.getString(i++)).orElseThrow();
    i++; // budget_year: the period's year
    int inputIndex = rs.getInt(i++);
    String file = rs.getString(i++);
    String sheet = rs.getString(i++);
    Integer sourceRow = getInt(rs, i++);
    List<CellProblem> problems = Codec.problems(rs.getString(i++));
    boolean hasClaim = rs.getBoolean(i++);
    Claim claim = null;
    if (hasClaim) {
      String entityType = rs.getString(i + 3);
      String level = rs.getString(i + 8);
      claim =
          new Claim(
              rs.getString(i),
              rs.getString(i + 1),
              rs.getString(i + 2),
              entityType == null ? null : EntityType.valueOf(entityType),
              rs.getString(i + 4),
              rs.getString(i + 5),
              date(rs, i + 6),
              getInt(rs, i + 7),
              level == null ? null : Level.valueOf(level),
              decimal(rs, i + 9),
              decimal(rs, i + 10),
              decimal(rs, i + 11),
              decimal(rs, i + 12),
              getLong(rs, i + 13),
              getLong(rs, i + 14),
              date(rs, i + 15),
              Codec.references(rs.getString(i + 16)),
              rs.getString(i + 17));
    }
    i += 18;
    SourceLocation loc =
        file == null && sheet == null && sourceRow == null
            ? null
            : new SourceLocation(file, sheet, sourceRow == null ? 0 : sourceRow);
    ClaimRow row = new ClaimRow(inputIndex, loc, claim, problems);
    String clauseCode = rs.getString(i++);
    String clauseName = rs.getString(i++);
    Status status = Status.valueOf(rs.getString(i++));
    boolean badData = rs.getBoolean(i++);
    BigDecimal computed = decimal(rs, i++);
    BigDecimal paid = decimal(rs, i++);
    BigDecimal city = decimal(rs, i++);
    BigDecimal district = decimal(rs, i++);
    String citation = rs.getString(i++);
    String zh = rs.getString(i++);
    String en = rs.getString(i++);
    return new LedgerEntry(
        seq,
        runId,
        kind,
        reverses,
        period,
        row,
        clauseCode,
        clauseName,
        status,
        badData,
        computed,
        paid,
        city,
        district,
        citation,
        zh == null || en == null ? null : Bilingual.of(zh, en),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        refs,
        rs.getString(i++),
        rs.getString(i));
  }

  /**
   * Entries matching {@code where} (over alias e, with one string/int parameter per '?'), in seq
   * order, each with its reference keys.
   */
  List<LedgerEntry> entries(String where, List<Object> params) throws SQLException {
    List<LedgerEntry> out = new ArrayList<>();
    forEachEntry(where, params, out::add);
    return out;
  }

  /**
   * As {@link #entries}, in seq order, handed to {@code sink} one at a time instead of listed: the
   * entries and their reference keys are read side by side (both ordered by seq), so memory does
   * not grow with the number of entries.
   */
  void forEachEntry(String where, List<Object> params, Consumer<LedgerEntry> sink)
      throws SQLException {
    String refSql =
        "SELECT r.entry_seq, r.ref_group, r.ref_key FROM ledger_entry_refs r"
            + " JOIN ledger_entries e ON e.seq = r.entry_seq WHERE "
            + where
            + " ORDER BY r.entry_seq, r.ordinal";
    String sql =
        "SELECT "
            + prefixed("e.", ENTRY_COLUMNS)
            + " FROM ledger_entries e WHERE "
            + where
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
          long seq = rs.getLong(1);
          while (moreRefs && refs.getLong(1) < seq) {
            moreRefs = refs.next();
          }
          List<ReferenceKey> keys = List.of();
          if (moreRefs && refs.getLong(1) == seq) {
            keys = new ArrayList<>();
            while (moreRefs && refs.getLong(1) == seq) {
              keys.add(new ReferenceKey(refs.getString(2), refs.getString(3)));
              moreRefs = refs.next();
            }
          }
          sink.accept(entry(rs, keys));
        }
      }
    }
  }

  /** The run ids that a later run replaced. */
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

  // ---- helpers

  static String prefixed(String prefix, String columns) {
    StringBuilder sb = new StringBuilder();
    for (String col : columns.split(",")) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(prefix).append(col.strip());
    }
    return sb.toString();
  }

  static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
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

  static BigDecimal decimal(ResultSet rs, int i) throws SQLException {
    String s = rs.getString(i);
    return s == null ? null : new BigDecimal(s);
  }

  static LocalDate date(ResultSet rs, int i) throws SQLException {
    String s = rs.getString(i);
    return s == null ? null : LocalDate.parse(s);
  }

  static Integer getInt(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }

  static Long getLong(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }

  static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }
}
