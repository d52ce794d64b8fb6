package cn.ipsubsidy.ledger;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the two databases: column types, how values are bound, and the run lock.
 *
 * <p>SQLite: a dedicated connection per locked run opens {@code BEGIN IMMEDIATE} (xerial's
 * IMMEDIATE transaction mode) with {@code busy_timeout} = the wait; the database's RESERVED lock
 * then keeps every other writer out until commit, across processes. The commit is issued through
 * {@code setAutoCommit(true)}, because xerial's {@code commit()} immediately begins (and locks)
 * again.
 *
 * <p>PostgreSQL: {@code pg_try_advisory_xact_lock(LOCK_KEY)} polled until the wait ends; the lock
 * is released by the transaction's commit or rollback, and also when the connection drops.
 */
enum Dialect {
  SQLITE("sqlite") {
    @Override
    Map<String, String> placeholders() {
      return Map.of(
          "money",
          "TEXT",
          "decimal",
          "TEXT",
          "date",
          "TEXT",
          "timestamp",
          "TEXT",
          "bool",
          "INTEGER");
    }

    @Override
    Properties properties() {
      SQLiteConfig config = new SQLiteConfig();
      config.enforceForeignKeys(true);
      config.setBusyTimeout(READ_BUSY_MS);
      return withoutOpenMode(config.toProperties());
    }

    @Override
    Connection openLocked(String url, Duration wait, String masked, RunHolder holder)
        throws SQLException {
      SQLiteConfig config = new SQLiteConfig();
      config.enforceForeignKeys(true);
      config.setBusyTimeout(clampMillis(wait));
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      Connection c = DriverManager.getConnection(url, withoutOpenMode(config.toProperties()));
      try {
        c.setAutoCommit(false); // BEGIN IMMEDIATE: waits up to busy_timeout for other writers
      } catch (SQLException e) {
        close(c);
        if (isBusy(e)) {
          throw new LedgerLockedException(masked, wait, RunHolder.read(holderFile(url)), e);
        }
        throw e;
      }
      // Held: a commit may still wait for readers to finish, so allow it time.
      c.unwrap(SQLiteConnection.class).setBusyTimeout(COMMIT_BUSY_MS);
      if (holder != null) {
        holder.publish(holderFile(url));
      } else {
        RunHolder.clear(holderFile(url)); // left by a killed run: this one holds the lock now
      }
      return c;
    }

    @Override
    void releasing(String url, RunHolder holder) {
      if (holder != null) {
        holder.withdraw(holderFile(url));
      }
    }

    /** Beside the ledger: {@code ledger.db.holder}. */
    private static Path holderFile(String url) {
      return Path.of(Ledger.sqlitePath(url) + ".holder");
    }

    @Override
    void commit(Connection c) throws SQLException {
      c.setAutoCommit(true); // issues COMMIT; xerial's commit() would BEGIN IMMEDIATE again
    }

    @Override
    void rollback(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute("ROLLBACK");
      }
    }

    @Override
    Connection openRead(String url) throws SQLException {
      Connection c = DriverManager.getConnection(url, properties());
      c.setAutoCommit(false); // deferred BEGIN: one consistent snapshot for the whole read
      return c;
    }

    @Override
    void endRead(Connection c) {
      close(c); // closing rolls the read transaction back
    }

    @Override
    void setMoney(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
      if (v == null) {
        ps.setNull(i, Types.VARCHAR);
      } else {
        ps.setString(i, Canonical.money(v));
      }
    }

    @Override
    void setDecimal(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
      if (v == null) {
        ps.setNull(i, Types.VARCHAR);
      } else {
        ps.setString(i, v.toPlainString());
      }
    }

    @Override
    void setDate(PreparedStatement ps, int i, LocalDate v) throws SQLException {
      if (v == null) {
        ps.setNull(i, Types.VARCHAR);
      } else {
        ps.setString(i, v.toString());
      }
    }

    @Override
    void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
      ps.setString(i, v.toString());
    }

    @Override
    Instant getInstant(ResultSet rs, int i) throws SQLException {
      return Instant.parse(rs.getString(i));
    }

    @Override
    List<String> triggers(Connection c) throws SQLException {
      List<String> out = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }

    @Override
    List<String> expectedTriggers() {
      List<String> out = new ArrayList<>();
      for (String t : Store.TABLES) {
        out.add(t + "_no_update");
        out.add(t + "_no_delete");
      }
      return out;
    }
  },

  POSTGRESQL("postgresql") {
    /** The advisory lock key of the run lock: "IPSB" in ASCII. */
    static final long LOCK_KEY = 0x49505342L;

    @Override
    Map<String, String> placeholders() {
      return Map.of(
          "money", "NUMERIC(18,2)",
          "decimal", "NUMERIC",
          "date", "DATE",
          "timestamp", "TIMESTAMPTZ",
          "bool", "BOOLEAN");
    }

    @Override
    Properties properties() {
      Properties p = new Properties();
      p.setProperty("ApplicationName", "ipsubsidy");
      p.setProperty("reWriteBatchedInserts", "true");
      return p;
    }

    @Override
    Connection openLocked(String url, Duration wait, String masked, RunHolder holder)
        throws SQLException {
      Properties properties = properties();
      if (holder != null) {
        properties.setProperty("ApplicationName", holder.applicationName());
      }
      Connection c = DriverManager.getConnection(url, properties);
      try {
        c.setAutoCommit(false);
        long deadline = System.nanoTime() + wait.toNanos();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
          ps.setLong(1, LOCK_KEY);
          while (true) {
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              if (rs.getBoolean(1)) {
                return c;
              }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              RunHolder other = holder(c);
              c.rollback();
              close(c);
              throw new LedgerLockedException(masked, wait, other, null);
            }
            sleep(Math.min(Duration.ofMillis(100).toNanos(), left));
          }
        }
      } catch (SQLException | RuntimeException e) {
        close(c);
        throw e;
      }
    }

    /** Who holds the run lock, for the message: its run and operator, database user and pid. */
    private RunHolder holder(Connection c) {
      String sql =
          "SELECT a.pid, a.usename, a.application_name, host(a.client_addr), a.xact_start"
              + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
              + " WHERE l.locktype = 'advisory' AND l.granted"
              + " AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, LOCK_KEY >>> 32);
        ps.setLong(2, LOCK_KEY & 0xFFFFFFFFL);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
          String host = rs.getString(4);
          String where =
              rs.getString(2) + (host == null ? "" : "@" + host) + " pid " + rs.getInt(1);
          OffsetDateTime since = rs.getObject(5, OffsetDateTime.class);
          return RunHolder.fromApplicationName(
              rs.getString(3), where, since == null ? null : since.toInstant());
        }
      } catch (SQLException e) {
        return null; // the message is still useful without it
      }
    }

    @Override
    void commit(Connection c) throws SQLException {
      c.commit();
    }

    @Override
    void rollback(Connection c) throws SQLException {
      c.rollback();
    }

    @Override
    Connection openRead(String url) throws SQLException {
      Connection c = DriverManager.getConnection(url, properties());
      c.setAutoCommit(false); // also lets the driver stream large results with a fetch size
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      return c;
    }

    @Override
    void endRead(Connection c) {
      try {
        c.rollback();
      } catch (SQLException e) {
        // closing rolls back too
      }
      close(c);
    }

    @Override
    void setMoney(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
      if (v == null) {
        ps.setNull(i, Types.NUMERIC);
      } else {
        ps.setBigDecimal(i, Entries.money(v));
      }
    }

    @Override
    void setDecimal(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
      if (v == null) {
        ps.setNull(i, Types.NUMERIC);
      } else {
        ps.setBigDecimal(i, v);
      }
    }

    @Override
    void setDate(PreparedStatement ps, int i, LocalDate v) throws SQLException {
      if (v == null) {
        ps.setNull(i, Types.DATE);
      } else {
        ps.setObject(i, v);
      }
    }

    @Override
    void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
      ps.setObject(i, OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
    }

    @Override
    Instant getInstant(ResultSet rs, int i) throws SQLException {
      return rs.getObject(i, OffsetDateTime.class).toInstant();
    }

    @Override
    List<String> triggers(Connection c) throws SQLException {
      List<String> out = new ArrayList<>();
      String sql =
          "SELECT t.tgname FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid"
              + " WHERE NOT t.tgisinternal AND t.tgenabled <> 'D'"
              + " AND r.relnamespace = current_schema()::regnamespace ORDER BY t.tgname";
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }

    @Override
    List<String> expectedTriggers() {
      List<String> out = new ArrayList<>();
      for (String t : Store.TABLES) {
        out.add(t + "_append_only");
        out.add(t + "_no_truncate");
      }
      return out;
    }
  };

  static final int READ_BUSY_MS = 30_000;
  static final int COMMIT_BUSY_MS = 120_000;

  private final String vendor;

  Dialect(String vendor) {
    this.vendor = vendor;
  }

  /** The dialect of a JDBC URL, or null when it names neither database. */
  static Dialect of(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    return null;
  }

  /** The Flyway locations: the shared schema, then this database's own migrations. */
  String[] migrationLocations() {
    return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + vendor};
  }

  abstract Map<String, String> placeholders();

  abstract Properties properties();

  /**
   * A connection inside a transaction that holds the run lock, made known as held by {@code holder}
   * (when not null) to the runs that wait for it.
   *
   * @throws LedgerLockedException when another run held it for the whole wait
   */
  abstract Connection openLocked(String url, Duration wait, String masked, RunHolder holder)
      throws SQLException;

  /** The lock is about to be released (commit or rollback): {@code holder} no longer holds it. */
  void releasing(String url, RunHolder holder) {}

  abstract void commit(Connection c) throws SQLException;

  abstract void rollback(Connection c) throws SQLException;

  /** A connection inside a read transaction: one consistent view for several queries. */
  abstract Connection openRead(String url) throws SQLException;

  abstract void endRead(Connection c);

  abstract void setMoney(PreparedStatement ps, int i, BigDecimal v) throws SQLException;

  abstract void setDecimal(PreparedStatement ps, int i, BigDecimal v) throws SQLException;

  abstract void setDate(PreparedStatement ps, int i, LocalDate v) throws SQLException;

  abstract void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException;

  abstract Instant getInstant(ResultSet rs, int i) throws SQLException;

  /** The enabled user triggers of the ledger's schema. */
  abstract List<String> triggers(Connection c) throws SQLException;

  /** The append-only triggers the migrations create. */
  abstract List<String> expectedTriggers();

  static boolean isBusy(SQLException e) {
    if (e instanceof SQLiteException se) {
      SQLiteErrorCode code = se.getResultCode();
      return code == SQLiteErrorCode.SQLITE_BUSY
          || code.name().startsWith("SQLITE_BUSY_")
          || code == SQLiteErrorCode.SQLITE_LOCKED;
    }
    return e.getErrorCode() == SQLiteErrorCode.SQLITE_BUSY.code;
  }

  /**
   * SQLite cannot open a file it needs: the journal beside the ledger while posting, when the
   * ledger's folder cannot be written.
   */
  static boolean isCantOpen(SQLException e) {
    return e instanceof SQLiteException se
        && se.getResultCode().name().startsWith("SQLITE_CANTOPEN");
  }

  /** The disk holding a SQLite ledger is full. */
  static boolean isDiskFull(SQLException e) {
    return e instanceof SQLiteException se && se.getResultCode() == SQLiteErrorCode.SQLITE_FULL;
  }

  /** The connection to PostgreSQL broke or the server ended the session (class 08, 57P0x). */
  static boolean isConnectionLost(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }

  static boolean isReadOnly(SQLException e) {
    if (e instanceof SQLiteException se) {
      return se.getResultCode() == SQLiteErrorCode.SQLITE_READONLY
          || se.getResultCode().name().startsWith("SQLITE_READONLY_");
    }
    return "25006".equals(e.getSQLState()); // PostgreSQL read_only_sql_transaction
  }

  /** Leaves the open mode to the URL, so {@code ?open_mode=1} opens a ledger read-only. */
  private static Properties withoutOpenMode(Properties p) {
    p.remove(SQLiteConfig.Pragma.OPEN_MODE.pragmaName);
    return p;
  }

  static int clampMillis(Duration d) {
    long ms = Math.max(0, d.toMillis());
    return (int) Math.min(Integer.MAX_VALUE, ms);
  }

  static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // nothing more to do
    }
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the ledger lock", e);
    }
  }
}
