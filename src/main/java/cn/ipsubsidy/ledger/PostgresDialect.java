package cn.ipsubsidy.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * PostgreSQL: money as NUMERIC(18,2), decimals as NUMERIC, dates as DATE, instants as TIMESTAMPTZ;
 * triggers {@code <table>_append_only} and {@code <table>_no_truncate}.
 */
final class PostgresDialect implements Dialect {
  private final Transactions transactions = new PostgresTransactions();

  @Override
  public String vendor() {
    return "postgresql";
  }

  @Override
  public Map<String, String> placeholders() {
    return Map.of(
        "money", "NUMERIC(18,2)",
        "decimal", "NUMERIC",
        "date", "DATE",
        "timestamp", "TIMESTAMPTZ",
        "bool", "BOOLEAN");
  }

  @Override
  public Properties properties() {
    Properties p = new Properties();
    p.setProperty("ApplicationName", "ipsubsidy");
    p.setProperty("reWriteBatchedInserts", "true");
    return p;
  }

  @Override
  public Transactions transactions() {
    return transactions;
  }

  @Override
  public void setMoney(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
    setDecimal(ps, i, v == null ? null : Entries.money(v));
  }

  @Override
  public void setDecimal(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.NUMERIC);
    } else {
      ps.setBigDecimal(i, v);
    }
  }

  @Override
  public void setDate(PreparedStatement ps, int i, LocalDate v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.DATE);
    } else {
      ps.setObject(i, v);
    }
  }

  @Override
  public void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
    ps.setObject(i, OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
  }

  @Override
  public Instant getInstant(ResultSet rs, int i) throws SQLException {
    return rs.getObject(i, OffsetDateTime.class).toInstant();
  }

  @Override
  public String triggerQuery() {
    return "SELECT t.tgname FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid"
        + " WHERE NOT t.tgisinternal AND t.tgenabled <> 'D'"
        + " AND r.relnamespace = current_schema()::regnamespace ORDER BY t.tgname";
  }

  @Override
  public List<String> triggerSuffixes() {
    return List.of("_append_only", "_no_truncate");
  }

  /** read_only_sql_transaction. */
  @Override
  public boolean readOnly(SQLException e) {
    return "25006".equals(e.getSQLState());
  }

  /** Class 08 (connection exception), or the server shutting down (57P01, 57P02, 57P03). */
  @Override
  public boolean connectionLost(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
