package cn.ipsubsidy.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How a database's connections hold a transaction: the run lock ({@link SqliteTransactions}: {@code
 * BEGIN IMMEDIATE} and a holder file; {@link PostgresTransactions}: an advisory transaction lock
 * and the application name), the read transaction, commit and rollback.
 */
sealed interface Transactions permits SqliteTransactions, PostgresTransactions {
  /**
   * A connection inside a transaction that holds the run lock, made known as held by {@code holder}
   * (when not null) to the runs that wait for it.
   *
   * @throws LedgerLockedException when another run held it for the whole wait
   */
  Connection openLocked(String url, Duration wait, String masked, RunHolder holder)
      throws SQLException;

  /** The lock is about to be released (commit or rollback): {@code holder} no longer holds it. */
  default void releasing(String url, RunHolder holder) {}

  void commit(Connection c) throws SQLException;

  void rollback(Connection c) throws SQLException;

  /** A connection inside a read transaction: one consistent view for several queries. */
  Connection openRead(String url) throws SQLException;

  void endRead(Connection c);
}
