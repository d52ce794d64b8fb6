package cn.ipsubsidy.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Properties;

/**
 * PostgreSQL's run lock: {@code pg_try_advisory_xact_lock(LOCK_KEY)} polled until the wait ends;
 * the lock is released by the transaction's commit or rollback, and also when the connection drops.
 * Who holds it is told by the holder's connection's {@code application_name} ({@link
 * RunHolder#applicationName}), which {@code pg_stat_activity} shows to every other session.
 */
final class PostgresTransactions implements Transactions {
  /** The advisory lock key of the run lock: "IPSB" in ASCII. */
  static final long LOCK_KEY = 0x49505342L;

  @Override
  public Connection openLocked(String url, Duration wait, String masked, RunHolder holder)
      throws SQLException {
    Properties properties = Dialect.POSTGRESQL.properties();
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
            Dialect.close(c);
            throw new LedgerLockedException(masked, wait, other, null);
          }
          sleep(Math.min(Duration.ofMillis(100).toNanos(), left));
        }
      }
    } catch (SQLException | RuntimeException e) {
      Dialect.close(c);
      throw e;
    }
  }

  /** Who holds the run lock, for the message: its run and operator, database user and pid. */
  private static RunHolder holder(Connection c) {
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
        String where = rs.getString(2) + (host == null ? "" : "@" + host) + " pid " + rs.getInt(1);
        OffsetDateTime since = rs.getObject(5, OffsetDateTime.class);
        return RunHolder.fromApplicationName(
            rs.getString(3), where, since == null ? null : since.toInstant());
      }
    } catch (SQLException e) {
      return null; // the message is still useful without it
    }
  }

  @Override
  public void commit(Connection c) throws SQLException {
    c.commit();
  }

  @Override
  public void rollback(Connection c) throws SQLException {
    c.rollback();
  }

  @Override
  public Connection openRead(String url) throws SQLException {
    Connection c = DriverManager.getConnection(url, Dialect.POSTGRESQL.properties());
    c.setAutoCommit(false); // also lets the driver stream large results with a fetch size
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    c.setReadOnly(true);
    return c;
  }

  @Override
  public void endRead(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      // closing rolls back too
    }
    Dialect.close(c);
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
