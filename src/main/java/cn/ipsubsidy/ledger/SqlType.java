package cn.ipsubsidy.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The type of a ledger column: how its value is bound to a statement and read back from a row.
 * Money, decimals, dates and instants are bound as the dialect stores them; money, decimals and
 * dates are read back from their text on both databases, so a row reads the same from either.
 */
enum SqlType {
  TEXT((ps, i, v, d) -> ps.setString(i, (String) v), (rs, i, d) -> rs.getString(i)),
  INT(
      (ps, i, v, d) -> {
        if (v == null) {
          ps.setNull(i, Types.INTEGER);
        } else {
          ps.setInt(i, (Integer) v);
        }
      },
      (rs, i, d) -> {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
      }),
  LONG(
      (ps, i, v, d) -> {
        if (v == null) {
          ps.setNull(i, Types.BIGINT);
        } else {
          ps.setLong(i, (Long) v);
        }
      },
      (rs, i, d) -> {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
      }),
  BOOL((ps, i, v, d) -> ps.setBoolean(i, (Boolean) v), (rs, i, d) -> rs.getBoolean(i)),
  /** Two decimals: TEXT on SQLite, NUMERIC(18,2) on PostgreSQL. */
  MONEY((ps, i, v, d) -> d.setMoney(ps, i, (BigDecimal) v), SqlType::decimal),
  DECIMAL((ps, i, v, d) -> d.setDecimal(ps, i, (BigDecimal) v), SqlType::decimal),
  DATE(
      (ps, i, v, d) -> d.setDate(ps, i, (LocalDate) v),
      (rs, i, d) -> {
        String s = rs.getString(i);
        return s == null ? null : LocalDate.parse(s);
      }),
  INSTANT((ps, i, v, d) -> d.setInstant(ps, i, (Instant) v), (rs, i, d) -> d.getInstant(rs, i));

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps, int i, Object v, Dialect d) throws SQLException;
  }

  @FunctionalInterface
  private interface Reader {
    Object read(ResultSet rs, int i, Dialect d) throws SQLException;
  }

  private final Binder binder;
  private final Reader reader;

  SqlType(Binder binder, Reader reader) {
    this.binder = binder;
    this.reader = reader;
  }

  /** Binds {@code v} (null for SQL NULL) as parameter {@code i}. */
  void bind(PreparedStatement ps, int i, Object v, Dialect d) throws SQLException {
    binder.bind(ps, i, v, d);
  }

  /** Column {@code i} of the current row, or null. */
  Object read(ResultSet rs, int i, Dialect d) throws SQLException {
    return reader.read(rs, i, d);
  }

  private static Object decimal(ResultSet rs, int i, Dialect d) throws SQLException {
    String s = rs.getString(i);
    return s == null ? null : new BigDecimal(s);
  }
}
