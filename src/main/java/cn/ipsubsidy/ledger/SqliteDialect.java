package cn.ipsubsidy.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite (xerial's driver): money, decimals, dates and instants as TEXT in their plain forms,
 * booleans as INTEGER, foreign keys enforced, triggers {@code <table>_no_update} and {@code
 * <table>_no_delete}.
 */
final class SqliteDialect implements Dialect {
  /** How long a read waits for a writer (and the migrations for each other). */
  static final int READ_BUSY_MS = 30_000;

  private final Transactions transactions = new SqliteTransactions();

  @Override
  public String vendor() {
    return "sqlite";
  }

  @Override
  public Map<String, String> placeholders() {
    return Map.of(
        "money", "TEXT", "decimal", "TEXT", "date", "TEXT", "timestamp", "TEXT", "bool", "INTEGER");
  }

  @Override
  public Properties properties() {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setBusyTimeout(READ_BUSY_MS);
    return withoutOpenMode(config);
  }

  /** Leaves the open mode to the URL, so {@code ?open_mode=1} opens a ledger read-only. */
  static Properties withoutOpenMode(SQLiteConfig config) {
    Properties p = config.toProperties();
    p.remove(SQLiteConfig.Pragma.OPEN_MODE.pragmaName);
    return p;
  }

  @Override
  public Transactions transactions() {
    return transactions;
  }

  @Override
  public void setMoney(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
    setText(ps, i, v == null ? null : Canonical.money(v));
  }

  @Override
  public void setDecimal(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
    setText(ps, i, v == null ? null : v.toPlainString());
  }

  @Override
  public void setDate(PreparedStatement ps, int i, LocalDate v) throws SQLException {
    setText(ps, i, v == null ? null : v.toString());
  }

  private static void setText(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  @Override
  public void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
    ps.setString(i, v.toString());
  }

  @Override
  public Instant getInstant(ResultSet rs, int i) throws SQLException {
    return Instant.parse(rs.getString(i));
  }

  @Override
  public String triggerQuery() {
    return "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name";
  }

  @Override
  public List<String> triggerSuffixes() {
    return List.of("_no_update", "_no_delete");
  }

  @Override
  public boolean readOnly(SQLException e) {
    return e instanceof SQLiteException se
        && (se.getResultCode() == SQLiteErrorCode.SQLITE_READONLY
            || se.getResultCode().name().startsWith("SQLITE_READONLY_"));
  }

  @Override
  public boolean cantOpen(SQLException e) {
    return e instanceof SQLiteException se
        && se.getResultCode().name().startsWith("SQLITE_CANTOPEN");
  }

  @Override
  public boolean diskFull(SQLException e) {
    return e instanceof SQLiteException se && se.getResultCode() == SQLiteErrorCode.SQLITE_FULL;
  }

  /** Another connection holds the lock (busy or locked): the run lock is taken. */
  static boolean busy(SQLException e) {
    if (e instanceof SQLiteException se) {
      SQLiteErrorCode code = se.getResultCode();
      return code == SQLiteErrorCode.SQLITE_BUSY
          || code.name().startsWith("SQLITE_BUSY_")
          || code == SQLiteErrorCode.SQLITE_LOCKED;
    }
    return e.getErrorCode() == SQLiteErrorCode.SQLITE_BUSY.code;
  }
}
