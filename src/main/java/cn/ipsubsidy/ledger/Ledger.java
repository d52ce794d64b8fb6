package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PriorPayouts;
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
 *
 * <p>This class wires the parts, each in its own class: where the ledger is ({@link
 * LedgerLocation}), its schema ({@link Migration}), what differs per database ({@link Dialect} and
 * its {@link Transactions}), the tables ({@link Store}), the locked session ({@link LockedSession})
 * that posts ({@link Posting}, {@link Chain}) and verifies ({@link Verifier}), what a failed commit
 * did ({@link CommitRecovery}), and the clerk's messages for database failures ({@link
 * LedgerErrors}).
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
  private final CommitRecovery recovery;
  private final boolean created;
  private volatile boolean closed;

  private Ledger(String url, Dialect dialect, boolean created) {
    this.url = url;
    this.masked = mask(url);
    this.dialect = dialect;
    this.transactions = dialect.transactions();
    this.errors = new LedgerErrors(url, masked, dialect);
    this.recovery = new CommitRecovery(url, masked, dialect, errors);
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

  /**
   * Pays Flyway's start-up on the calling thread (a background one) with a throwaway in-memory
   * database, so that opening a new ledger later is quick. Touches no file and no ledger.
   */
  public static void warmUp() {
    Migration.warmUp();
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
    LockedSession session = null;
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
      session = new LockedSession(new Store(c, dialect), verified, errors, masked);
      T result = work.run(session);
      session.end();
      transactions.releasing(url, holder);
      try {
        transactions.commit(c);
      } catch (SQLException e) {
        Dialect.close(c); // so that the database ends the transaction and frees the lock
        committed = recovery.posted(e, session.posted(), wait);
        return result;
      }
      committed = true;
      return result;
    } finally {
      if (session != null) {
        session.end();
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
}
