package cn.ipsubsidy.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A ledger table whose columns are the constants of one enum ({@link EntryColumn}, {@link
 * RunColumn}, {@link CapUsageColumn}): that one list makes the table's INSERT, its SELECT list, the
 * binding of a record and the reading of a row, all in the same order, so a column cannot be
 * written and forgotten when read, or the other way round.
 *
 * @param <R> what one row holds
 * @param <C> the column enum
 */
final class Table<R, C extends Enum<C> & Table.Column<R>> {
  /**
   * A column: its type and the value a record stores in it ({@link #cell}); its name the
   * constant's.
   */
  interface Column<R> {
    String name();

    Cell<R> cell();

    default SqlType type() {
      return cell().type();
    }

    /** The value stored for {@code record}. */
    default Object of(R record) {
      return cell().value().apply(record);
    }

    /** The column's SQL name: the constant's name in lower case. */
    default String column() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What a column is: its type, and the value of a record it stores. */
  record Cell<R>(SqlType type, Function<R, Object> value) {}

  /** One row as read, by column. */
  static final class Row<C extends Enum<C>> {
    private final Object[] values;

    private Row(Object[] values) {
      this.values = values;
    }

    /** The column's value, as its {@link SqlType} reads it (String, Integer, BigDecimal, …). */
    @SuppressWarnings("unchecked")
    <T> T get(C column) {
      return (T) values[column.ordinal()];
    }
  }

  private final String name;
  private final List<C> columns;

  Table(String name, Class<C> columnType) {
    this.name = name;
    this.columns = List.of(columnType.getEnumConstants());
  }

  /** {@code INSERT INTO name (every column) VALUES (?, …)}. */
  String insert() {
    return "INSERT INTO "
        + name
        + " ("
        + columns.stream().map(Column::column).collect(Collectors.joining(", "))
        + ") VALUES ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(","))
        + ")";
  }

  /** Every column, in order, each prefixed with {@code alias.}: what {@link #read} reads. */
  String select(String alias) {
    return columns.stream().map(c -> alias + "." + c.column()).collect(Collectors.joining(", "));
  }

  /** Binds every column of {@code record}, in order, from parameter 1. */
  void bind(PreparedStatement ps, Dialect d, R record) throws SQLException {
    int i = 1;
    for (C c : columns) {
      c.type().bind(ps, i++, c.of(record), d);
    }
  }

  /** Reads the row at {@code rs}, selected by {@link #select}, from column 1. */
  Row<C> read(ResultSet rs, Dialect d) throws SQLException {
    Object[] values = new Object[columns.size()];
    for (C c : columns) {
      values[c.ordinal()] = c.type().read(rs, c.ordinal() + 1, d);
    }
    return new Row<>(values);
  }
}
