package cn.ipsubsidy.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What differs between the two databases, one implementation each ({@link SqliteDialect}, {@link
 * PostgresDialect}): the column types the migrations use, how values are bound and read, which
 * append-only triggers there are, and which failure a driver's exception is. How a transaction is
 * opened, locked and ended is each one's {@link #transactions()}.
 */
sealed interface Dialect permits SqliteDialect, PostgresDialect {
  Dialect SQLITE = new SqliteDialect();
  Dialect POSTGRESQL = new PostgresDialect();

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

  /** The database's name in the migration folders: {@code sqlite} or {@code postgresql}. */
  String vendor();

  /** The Flyway locations: the shared schema, then this database's own migrations. */
  default String[] migrationLocations() {
    return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + vendor()};
  }

  /** The column types the migrations name as placeholders: money, decimal, date, … */
  Map<String, String> placeholders();

  /** The connection properties of a connection that is not locked. */
  Properties properties();

  /** Connections in a transaction: the run lock, reads, commit and rollback. */
  Transactions transactions();

  // ---- binding: money, decimals, dates and instants as each database stores them

  void setMoney(PreparedStatement ps, int i, BigDecimal v) throws SQLException;

  void setDecimal(PreparedStatement ps, int i, BigDecimal v) throws SQLException;

  void setDate(PreparedStatement ps, int i, LocalDate v) throws SQLException;

  void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException;

  Instant getInstant(ResultSet rs, int i) throws SQLException;

  // ---- the append-only triggers

  /** The query that lists the enabled user triggers of the ledger's schema by name. */
  String triggerQuery();

  /** The names of the append-only triggers the migrations create on a table, less the table's. */
  List<String> triggerSuffixes();

  /** The enabled user triggers of the ledger's schema. */
  default List<String> triggers(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(triggerQuery())) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The append-only triggers the migrations create. */
  default List<String> expectedTriggers() {
    List<String> out = new ArrayList<>();
    for (String t : Store.TABLES) {
      for (String suffix : triggerSuffixes()) {
        out.add(t + suffix);
      }
    }
    return out;
  }

  // ---- which failure an exception of this database's driver is

  /** The ledger may not be written (file or database permissions, a read-only transaction). */
  boolean readOnly(SQLException e);

  /**
   * A file the database needs cannot be opened: for SQLite the journal beside the ledger while
   * posting, when the ledger's folder cannot be written.
   */
  default boolean cantOpen(SQLException e) {
    return false;
  }

  /** The disk holding the ledger is full. */
  default boolean diskFull(SQLException e) {
    return false;
  }

  /** The connection to the server broke, or the server ended the session. */
  default boolean connectionLost(SQLException e) {
    return false;
  }

  static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // nothing more to do
    }
  }
}
