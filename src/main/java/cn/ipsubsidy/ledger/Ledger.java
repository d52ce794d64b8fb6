package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.LineTotals;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.Status;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The payout ledger: an append-only, hash-chained record of every posted run and every claim row it
 * computed, in a SQLite file (the default, {@code ~/.ipsubsidy/ledger.db}) or a PostgreSQL database
 * shared by several clerks and the cron host.
 *
 * <p>Posting happens inside {@link #withRunLock}: one transaction that holds the ledger's run lock
 * while the caller reads what was paid ({@link Session#prior}), computes, and posts ({@link
 * Session#post}); a second run waits a bounded time, then gets {@link LedgerLockedException}. The
 * chain is verified before any posting; a broken ledger gives {@link LedgerIntegrityException}.
 *
 * <p>Each method opens its own connection and closes it before returning, so a dropped connection
 * affects one call, and a lock is never held between calls. An instance is not meant to be shared
 * between threads that post; two threads each open their own.
 */
public final class Ledger implements AutoCloseable {
  /** The zone in which a payment's date is stated (运行日期): China Standard Time. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String url;
  private final String masked;
  private final Dialect dialect;
  private final Transactions transactions;
  private final LedgerErrors errors;
  private final boolean created;
  private volatile boolean closed;

  private Ledger(String url, Dialect dialect, boolean created) {
    this.url = url;
    this.masked = mask(url);
    this.dialect = dialect;
    this.transactions = dialect.transactions();
    this.errors = new LedgerErrors(url, masked, dialect);
    this.created = created;
  }

  // ---- opening

  /**
   * The ledger used when none is named: {@code $IPSUBSIDY_LEDGER}, else the SQLite file {@code
   * ledger.db} in {@code $IPSUBSIDY_HOME}, else in {@code -Dipsubsidy.home}, else in {@code
   * ~/.ipsubsidy}. That folder is created (owner only) when missing.
   */
  public static String defaultUrl() {
    return LedgerLocation.defaultUrl();
  }

  /** IPSUBSIDY_HOME, else -Dipsubsidy.home, else ~/.ipsubsidy: the same folder as the logs. */
  public static Path home() {
    return LedgerLocation.home();
  }

  /**
   * Opens a ledger and brings its schema up to date (Flyway migrations under {@code
   * db/migration/common} and {@code db/migration/sqlite|postgresql}). A SQLite file that does not
   * exist yet is created readable and writable by its owner only; its folder must exist.
   *
   * @param jdbcUrl {@code jdbc:sqlite:PATH} or {@code jdbc:postgresql://HOST[:PORT]/DB?user=…}
   * @throws LedgerException when it cannot be opened or migrated
   */
  public static Ledger open(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    String masked = mask(jdbcUrl);
    Dialect dialect = Dialect.of(jdbcUrl);
    if (dialect == null) {
      throw LedgerException.of(
          masked,
          "账本地址 " + masked + " 无法识别：请使用 jdbc:sqlite:文件路径 或 jdbc:postgresql://主机/数据库。",
          "the ledger URL "
              + masked
              + " is not supported: use jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB.",
          null);
    }
    if (dialect instanceof SqliteDialect) {
      LedgerLocation.prepareSqliteFile(jdbcUrl, masked);
    }
    LedgerErrors errors = new LedgerErrors(jdbcUrl, masked, dialect);
    return new Ledger(jdbcUrl, dialect, Migration.migrate(jdbcUrl, dialect, errors, masked));
  }

  /** The ledger's URL with any password masked, as messages show it. */
  public String url() {
    return masked;
  }

  /**
   * The ledger's URL as it names this ledger from any working folder: passwords masked, and for a
   * SQLite file its absolute path. Records kept outside the ledger (the pending-outputs journal)
   * say which ledger they belong to by it.
   */
  public String identity() {
    String path = dialect instanceof SqliteDialect ? LedgerLocation.sqlitePath(url) : null;
    if (path == null) {
      return masked;
    }
    return "jdbc:sqlite:" + Paths.get(path).toAbsolutePath().normalize();
  }

  /** This open created the ledger (a new, empty schema): worth telling the clerk. */
  public boolean created() {
    return created;
  }

  /** A fresh run id: period, local date and time, four random hex digits. */
  public static String newRunId(Period period, Instant at) {
    String time = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZONE).format(at);
    return period + "-" + time + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
  }

  /** A JDBC URL with passwords replaced by ***. */
  public static String mask(String jdbcUrl) {
    return LedgerLocation.mask(jdbcUrl);
  }

  @Override
  public void close() {
    closed = true;
  }

  // ---- posting

  /** Work done under the run lock; it may throw its own checked exception type. */
  @FunctionalInterface
  public interface LockedWork<T, X extends Exception> {
    T run(Session session) throws X;
  }

  /** The ledger as seen inside {@link #withRunLock}: one transaction, the run lock held. */
  public interface Session {
    /**
     * What the ledger holds as paid, for the engine: annual sums of {@code budgetYear}, lifetime
     * sums, paid claim ids, references and one-time awards over all years. Only active runs count.
     * Loaded once into memory; asking again returns the same snapshot until the next post.
     */
    PriorPayouts prior(int budgetYear);

    /**
     * As {@link #prior(int)}, leaving out {@code replacingRunId} as if already replaced: what a run
     * posted with {@code --replace replacingRunId} must be computed against.
     */
    PriorPayouts prior(int budgetYear, String replacingRunId);

    /** The latest active run of {@code period} whose input file had this SHA-256. */
    Optional<RunRecord> findSameInput(Period period, String inputSha256);

    Optional<RunRecord> run(String runId);

    /**
     * Appends the run: its header, reversals of the replaced run's payout entries when {@link
     * RunToPost#replacesRunId()} is set, then one payout entry per line (every status), each
     * chained to the previous row. Nothing is updated or deleted. It becomes visible to others when
     * the locked work returns and the transaction commits.
     *
     * @throws LedgerConflictException when the run would pay what the ledger holds as paid, pass a
     *     cap, or reuses a run id; or the run to replace is unknown or already replaced
     */
    PostedRun post(RunToPost run);

    /** The verification done when the lock was taken (its warnings, the head hash). */
    VerifyResult verified();
  }

  /**
   * Runs {@code work} under the ledger's run lock, in one transaction that commits when it returns
   * and rolls back when it throws (its exception is rethrown unchanged).
   *
   * @param wait how long to wait for another run's lock
   * @throws LedgerLockedException when another run held the lock for the whole wait
   * @throws LedgerIntegrityException when the ledger fails verification (nothing runs)
   * @throws LedgerException when the database fails; everything is rolled back
   */
  public <T, X extends Exception> T withRunLock(Duration wait, LockedWork<T, X> work) throws X {
    return withRunLock(wait, null, work);
  }

  /**
   * As {@link #withRunLock(Duration, LockedWork)}, telling the runs that wait for the lock who
   * holds it ({@link RunHolder}): they name it in their message.
   *
   * <p>When the commit itself fails (the connection drops, the disk fills), whether the run was
   * posted is found out on a new connection once the lock is free again: posted, this returns as if
   * the commit had answered; not posted, it throws saying so; not known, it throws telling the
   * clerk how to find out.
   */
  public <T, X extends Exception> T withRunLock(
      Duration wait, RunHolder holder, LockedWork<T, X> work) throws X {
    ensureOpen();
    Connection c;
    try {
      c = transactions.openLocked(url, wait, masked, holder);
    } catch (SQLException e) {
      throw errors.failed(e);
    }
    boolean committed = false;
    SessionImpl session = null;
    try {
      VerifyResult verified;
      try {
        verified = Verifier.verify(new Store(c, dialect));
      } catch (SQLException e) {
        throw errors.failed(e);
      }
      if (!verified.ok()) {
        throw new LedgerIntegrityException(masked, verified);
      }
      session = new SessionImpl(new Store(c, dialect), verified);
      T result = work.run(session);
      session.open = false;
      transactions.releasing(url, holder);
      try {
        transactions.commit(c);
      } catch (SQLException e) {
        Dialect.close(c); // so that the database ends the transaction and frees the lock
        committed = commitOutcome(e, session.posted, wait);
        return result;
      }
      committed = true;
      return result;
    } finally {
      if (session != null) {
        session.open = false;
      }
      if (!committed) {
        transactions.releasing(url, holder);
        try {
          transactions.rollback(c);
        } catch (SQLException e) {
          // the connection is gone: the database rolls back on its own
        }
      }
      Dialect.close(c);
    }
  }

  /**
   * The commit failed: were the runs posted all the same (the answer lost on the way back)? Asked
   * under the run lock, which the failed transaction holds until the database has ended it.
   *
   * @return true when they were
   * @throws LedgerException saying nothing was posted, or that it is not known
   */
  private boolean commitOutcome(SQLException e, List<String> posted, Duration wait) {
    if (posted.isEmpty()) {
      throw errors.failed(e);
    }
    String runId = posted.get(0);
    Boolean found;
    try {
      Connection check = transactions.openLocked(url, wait.plusSeconds(30), masked, null);
      try {
        found = new Store(check, dialect).run(runId).isPresent();
      } finally {
        try {
          transactions.rollback(check);
        } catch (SQLException ignored) {
          // closing ends it too
        }
        Dialect.close(check);
      }
    } catch (SQLException | LedgerException unknown) {
      e.addSuppressed(unknown);
      found = null;
    }
    org.slf4j.Logger log = LoggerFactory.getLogger(Ledger.class);
    if (Boolean.TRUE.equals(found)) {
      log.warn("run {}: the commit failed, but the run is in the ledger {}", runId, masked, e);
      return true;
    }
    if (found == null) {
      log.error("run {}: the commit failed; whether it is in {} is not known", runId, masked, e);
      throw new CommitUnknownException(
          Bilingual.of(
              "账本 "
                  + masked
                  + " 在提交运行 "
                  + runId
                  + " 时连接中断，无法确认是否已过账。请在账本恢复后用 ipsubsidy ledger runs 查看是否有运行 "
                  + runId
                  + "：没有才重新运行。本次的输出文件已保留：下一次对此账本的 ipsubsidy ledger verify 或 calc"
                  + " 在确认已过账后将其放到位。",
              "the connection to the ledger "
                  + masked
                  + " broke while run "
                  + runId
                  + " was being committed, so whether it was posted is not known. Once the ledger"
                  + " can be reached, see with 'ipsubsidy ledger runs' whether run "
                  + runId
                  + " is there, and run again only if it is not. Its outputs are kept: the next"
                  + " 'ipsubsidy ledger verify' or calc on this ledger puts them in place if it was"
                  + " posted."),
          masked,
          runId,
          e);
    }
    log.warn("run {}: the commit failed and the run is not in the ledger {}", runId, masked);
    throw errors.failed(e);
  }

  private final class SessionImpl implements Session {
    private final Store store;
    private final VerifyResult verified;
    private Store.Head head;
    private Snapshot cached;
    private String cachedExclude;
    private boolean open = true;
    private final List<String> posted = new ArrayList<>();

    SessionImpl(Store store, VerifyResult verified) {
      this.store = store;
      this.verified = verified;
      this.head = new Store.Head(verified.headSeq(), verified.headHash());
    }

    @Override
    public PriorPayouts prior(int budgetYear) {
      return prior(budgetYear, null);
    }

    @Override
    public PriorPayouts prior(int budgetYear, String replacingRunId) {
      check();
      try {
        return snapshot(budgetYear, replacingRunId);
      } catch (SQLException e) {
        throw errors.failed(e);
      }
    }

    private Snapshot snapshot(int year, String exclude) throws SQLException {
      if (cached == null
          || cached.budgetYear() != year
          || !Objects.equals(cachedExclude, exclude)) {
        cached = Snapshot.load(store, year, exclude);
        cachedExclude = exclude;
      }
      return cached;
    }

    @Override
    public Optional<RunRecord> findSameInput(Period period, String inputSha256) {
      check();
      try {
        RunRecord found = null;
        for (RunRecord r : store.runs()) {
          if (r.active()
              && r.period().equals(period)
              && r.inputSha256().equalsIgnoreCase(inputSha256)) {
            found = r;
          }
        }
        return Optional.ofNullable(found);
      } catch (SQLException e) {
        throw errors.failed(e);
      }
    }

    @Override
    public Optional<RunRecord> run(String runId) {
      check();
      try {
        return store.run(runId);
      } catch (SQLException e) {
        throw errors.failed(e);
      }
    }

    @Override
    public VerifyResult verified() {
      return verified;
    }

    @Override
    public PostedRun post(RunToPost r) {
      check();
      try {
        return doPost(r);
      } catch (SQLException e) {
        throw errors.failed(e);
      }
    }

    private PostedRun doPost(RunToPost r) throws SQLException {
      List<RunRecord> runs = store.runs();
      if (runs.stream().anyMatch(x -> x.runId().equals(r.runId()))) {
        throw new LedgerConflictException(
            masked,
            List.of(
                Bilingual.of(
                    "运行编号" + r.runId() + "已在账本中",
                    "run id " + r.runId() + " is already in the ledger")));
      }
      RunRecord replaced = null;
      if (r.replacesRunId() != null) {
        replaced =
            runs.stream().filter(x -> x.runId().equals(r.replacesRunId())).findFirst().orElse(null);
        if (replaced == null) {
          throw new LedgerConflictException(
              masked,
              List.of(
                  Bilingual.of(
                      "要替换的运行" + r.replacesRunId() + "不在账本中",
                      "the run to replace, " + r.replacesRunId() + ", is not in the ledger")));
        }
        if (replaced.replacedBy() != null) {
          throw new LedgerConflictException(
              masked,
              List.of(
                  Bilingual.of(
                      "运行" + replaced.runId() + "已被运行" + replaced.replacedBy() + "替换",
                      "run "
                          + replaced.runId()
                          + " was already replaced by run "
                          + replaced.replacedBy())));
        }
      }
      // One pass over the lines: the header's counts and totals come from the totals the engine
      // kept while computing (a run's lines may be a million, read from disk: reading them twice
      // was a third of the posting). Each line is checked against the ledger and the run, chained
      // and appended; a conflict or totals that do not match the lines throw, and the transaction
      // is rolled back, so nothing of the run is kept.
      Snapshot prior = snapshot(r.period().year(), r.replacesRunId());
      List<PayoutLine> lines = r.result().lines();
      LineTotals totals = r.result().totals();
      List<LedgerEntry> reversed =
          replaced == null ? List.of() : store.payoutsOfRun(replaced.runId());
      BigDecimal reversedTotal = Money.ZERO;
      for (LedgerEntry e : reversed) {
        reversedTotal = reversedTotal.subtract(e.paid());
      }
      long seq = head.seq() + 1;
      RunRecord header =
          new RunRecord(
              seq,
              r.runId(),
              r.period(),
              r.inputFile(),
              r.inputSha256(),
              r.operator(),
              r.toolVersion(),
              r.postedAt(),
              r.replacesRunId(),
              null,
              Math.toIntExact(totals.lines()),
              reversed.size(),
              Math.toIntExact(totals.count(Status.PAID)),
              Math.toIntExact(totals.count(Status.CAPPED)),
              Math.toIntExact(totals.count(Status.REVIEW)),
              Math.toIntExact(totals.count(Status.REJECTED)),
              Money.ZERO.add(totals.totalPaid()),
              Money.ZERO.add(totals.totalCityShare()),
              Money.ZERO.add(totals.totalDistrictShare()),
              reversedTotal,
              head.hash(),
              null);
      header =
          header.withHash(
              Canonical.hash(
                  head.hash(), Canonical.run(header, r.documents(), r.result().capUsages())));
      store.insertRun(header, r.documents(), r.result().capUsages());
      String prev = header.hash();
      PostCheck check = new PostCheck(prior);
      RunTotals appended = new RunTotals();
      try (Store.EntryWriter writer = store.new EntryWriter()) {
        for (LedgerEntry o : reversed) {
          seq++;
          LedgerEntry e = o.reversedBy(r.runId()).withChain(seq, prev, null);
          prev = Canonical.hash(prev, Canonical.entry(e));
          writer.add(e.withChain(seq, e.prevHash(), prev));
        }
        for (PayoutLine line : lines) {
          LedgerEntry entry = Entries.payout(r.runId(), r.period(), line);
          check.check(line, entry);
          appended.add(entry);
          seq++;
          LedgerEntry e = entry.withChain(seq, prev, null);
          prev = Canonical.hash(prev, Canonical.entry(e));
          writer.add(e.withChain(seq, e.prevHash(), prev));
        }
        List<Bilingual> conflicts = check.conflicts();
        if (!conflicts.isEmpty()) {
          throw new LedgerConflictException(masked, conflicts);
        }
      }
      appended.mustMatch(header);
      head = new Store.Head(seq, prev);
      cached = null;
      posted.add(r.runId());
      return new PostedRun(header, header.seq(), seq, prev, lines.size(), reversed.size());
    }

    private void check() {
      if (!open) {
        throw new IllegalStateException("the ledger session ended with its withRunLock call");
      }
    }
  }

  // ---- reading

  /** Every run in posting order, with "replaced by" derived. */
  public List<RunRecord> runs() {
    return read(Store::runs);
  }

  public Optional<RunRecord> run(String runId) {
    return read(s -> s.run(runId));
  }

  /** A run with its documents, cap usages and entries; empty when the ledger has no such run. */
  public Optional<RunDetail> show(String runId) {
    return read(
        s -> {
          Optional<RunRecord> run = s.run(runId);
          if (run.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(
              new RunDetail(
                  run.get(), s.documents(runId, true), s.capUsages(runId), s.entriesOfRun(runId)));
        });
  }

  /** Recomputes the whole chain; names the first row that does not match. */
  public VerifyResult verify() {
    return read(Verifier::verify);
  }

  /**
   * Every payout entry of the active runs of budget year {@code year}, in the order they were
   * computed: by period, then by run in posting order, then by event date (none last) and input
   * row, as the engine takes them. Reversals and replaced runs are left out.
   */
  public List<LedgerEntry> claimsOfYear(int year) {
    return read(
        s -> {
          Map<String, Long> runSeq = new HashMap<>();
          for (RunRecord r : s.runs()) {
            runSeq.put(r.runId(), r.seq());
          }
          List<LedgerEntry> out = new ArrayList<>(s.activePayoutsOfYear(year));
          out.sort(
              Comparator.comparing(LedgerEntry::period)
                  .thenComparing(e -> runSeq.get(e.runId()))
                  .thenComparing(
                      e -> e.claim() == null ? null : e.claim().eventDate(),
                      Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                  .thenComparing(e -> e.row().inputIndex()));
          return out;
        });
  }

  /** Receives the claims of a year run by run, from {@link #forEachClaimOfYear}. */
  public interface YearVisitor {
    /** The next active run of the year begins. */
    default void startRun(RunRecord run) {}

    /** One payout entry of that run, in input order. */
    void claim(LedgerEntry entry);

    /** The run's last entry has been handed over. */
    default void endRun(RunRecord run) {}
  }

  /**
   * As {@link #claimsOfYear}, streamed: the active runs of budget year {@code year} in period and
   * posting order, each with its payout entries in input order (the order they were posted in), one
   * at a time, so that a year of a million claims is not held in memory.
   */
  public void forEachClaimOfYear(int year, YearVisitor visitor) {
    read(
        s -> {
          List<RunRecord> runs = new ArrayList<>();
          for (RunRecord r : s.runs()) {
            if (r.active() && r.period().year() == year) {
              runs.add(r);
            }
          }
          runs.sort(Comparator.comparing(RunRecord::period).thenComparingLong(RunRecord::seq));
          for (RunRecord r : runs) {
            visitor.startRun(r);
            s.forEachPayoutOfRun(r.runId(), visitor::claim);
            visitor.endRun(r);
          }
          return null;
        });
  }

  /** The policy and rules documents recorded with a run, with their texts, in posting order. */
  public List<StoredDocument> documents(String runId) {
    return read(s -> s.documents(runId, true));
  }

  // ---- internals

  @FunctionalInterface
  private interface Read<T> {
    T run(Store store) throws SQLException;
  }

  private <T> T read(Read<T> work) {
    ensureOpen();
    Connection c;
    try {
      c = transactions.openRead(url);
    } catch (SQLException e) {
      throw errors.failed(e);
    }
    try {
      return work.run(new Store(c, dialect));
    } catch (SQLException e) {
      throw errors.failed(e);
    } finally {
      transactions.endRead(c);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("ledger closed");
    }
  }

  /** The counts and sums of the entries as appended, to hold against the run's header. */
  private static final class RunTotals {
    private final int[] counts = new int[Status.values().length];
    private int lines;
    private BigDecimal paid = Money.ZERO;
    private BigDecimal city = Money.ZERO;
    private BigDecimal district = Money.ZERO;

    void add(LedgerEntry e) {
      lines++;
      counts[e.status().ordinal()]++;
      paid = paid.add(e.paid());
      city = e.cityShare() == null ? city : city.add(e.cityShare());
      district = e.districtShare() == null ? district : district.add(e.districtShare());
    }

    /** The header was made from the engine's totals: they must be the entries'. */
    void mustMatch(RunRecord h) {
      boolean same =
          lines == h.lineCount()
              && counts[Status.PAID.ordinal()] == h.paidCount()
              && counts[Status.CAPPED.ordinal()] == h.cappedCount()
              && counts[Status.REVIEW.ordinal()] == h.reviewCount()
              && counts[Status.REJECTED.ordinal()] == h.rejectedCount()
              && paid.compareTo(h.totalPaid()) == 0
              && city.compareTo(h.totalCityShare()) == 0
              && district.compareTo(h.totalDistrictShare()) == 0;
      if (!same) {
        throw new IllegalStateException(
            "run "
                + h.runId()
                + ": the totals kept while computing differ from its lines (lines "
                + lines
                + " paid "
                + paid
                + " against "
                + h.lineCount()
                + " and "
                + h.totalPaid()
                + "); nothing posted");
      }
    }
  }
}
