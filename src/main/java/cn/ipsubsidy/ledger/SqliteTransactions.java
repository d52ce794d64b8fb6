package cn.ipsubsidy.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * SQLite's run lock: a dedicated connection per locked run opens {@code BEGIN IMMEDIATE} (xerial's
 * IMMEDIATE transaction mode) with {@code busy_timeout} = the wait; the database's RESERVED lock
 * then keeps every other writer out until commit, across processes. The commit is issued through
 * {@code setAutoCommit(true)}, because xerial's {@code commit()} immediately begins (and locks)
 * again. Who holds the lock is written to {@code <ledger>.holder} beside the ledger ({@link
 * RunHolder#publish}), as the holder's own transaction is invisible to the others.
 */
final class SqliteTransactions implements Transactions {
  /** How long a commit that holds the lock may wait for readers to finish. */
  static final int COMMIT_BUSY_MS = 120_000;

  /**
   * The page cache of the connection that posts, in KiB (SQLite's negative cache_size): 64 MB
   * instead of SQLite's 2 MB. A run inserts its entries into the table and five indexes on text
   * keys (claim, project, one-time key, …) in no order of theirs, so with 2 MB almost every insert
   * evicts an index page and reads another back through a system call. A million claims (a 1 GB
   * ledger) posted in 47 s instead of 67-80 s, system time 20 -> 9 s, peak RSS +65 MB. Only this
   * connection's memory; the file's format is untouched.
   */
  static final int POSTING_CACHE_KIB = 64 * 1024;

  @Override
  public Connection openLocked(String url, Duration wait, String masked, RunHolder holder)
      throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setBusyTimeout(clampMillis(wait));
    config.setCacheSize(-POSTING_CACHE_KIB);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    Connection c = DriverManager.getConnection(url, SqliteDialect.withoutOpenMode(config));
    try {
      c.setAutoCommit(false); // BEGIN IMMEDIATE: waits up to busy_timeout for other writers
    } catch (SQLException e) {
      Dialect.close(c);
      if (SqliteDialect.busy(e)) {
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
  public void releasing(String url, RunHolder holder) {
    if (holder != null) {
      holder.withdraw(holderFile(url));
    }
  }

  /** Beside the ledger: {@code ledger.db.holder}. */
  private static Path holderFile(String url) {
    return Path.of(LedgerLocation.sqlitePath(url) + ".holder");
  }

  @Override
  public void commit(Connection c) throws SQLException {
    c.setAutoCommit(true); // issues COMMIT; xerial's commit() would BEGIN IMMEDIATE again
  }

  @Override
  public void rollback(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ROLLBACK");
    }
  }

  @Override
  public Connection openRead(String url) throws SQLException {
    Connection c = DriverManager.getConnection(url, Dialect.SQLITE.properties());
    c.setAutoCommit(false); // deferred BEGIN: one consistent snapshot for the whole read
    return c;
  }

  @Override
  public void endRead(Connection c) {
    Dialect.close(c); // closing rolls the read transaction back
  }

  static int clampMillis(Duration d) {
    long ms = Math.max(0, d.toMillis());
    return (int) Math.min(Integer.MAX_VALUE, ms);
  }
}
