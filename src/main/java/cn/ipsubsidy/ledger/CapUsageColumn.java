package cn.ipsubsidy.ledger;

import cn.ipsubsidy.engine.CapUsage;
import java.util.function.Function;

/**
 * The columns of {@code ledger_cap_usages}: one 主体 row a run computed ({@link
 * CapUsageColumn.Usage}), and ({@link #usage}) the row read back.
 */
enum CapUsageColumn implements Table.Column<CapUsageColumn.Usage> {
  RUN_ID(SqlType.TEXT, Usage::runId),
  ORDINAL(SqlType.INT, Usage::ordinal),
  ENTITY_ID(SqlType.TEXT, u -> u.usage().entityId()),
  ENTITY_NAME(SqlType.TEXT, u -> u.usage().entityName()),
  BUDGET_YEAR(SqlType.INT, u -> u.usage().year()),
  CAP_GROUP(SqlType.TEXT, u -> u.usage().capGroup()),
  CAP(SqlType.MONEY, u -> u.usage().cap()),
  PAID_BEFORE(SqlType.MONEY, u -> u.usage().paidBefore()),
  PAID_NOW(SqlType.MONEY, u -> u.usage().paidNow()),
  REMAINING(SqlType.MONEY, u -> u.usage().remaining());

  /** A cap usage of a run, at its place among the run's. */
  record Usage(String runId, int ordinal, CapUsage usage) {}

  static final Table<Usage, CapUsageColumn> TABLE =
      new Table<>("ledger_cap_usages", CapUsageColumn.class);

  private final Table.Cell<Usage> cell;

  CapUsageColumn(SqlType type, Function<Usage, Object> value) {
    this.cell = new Table.Cell<>(type, value);
  }

  @Override
  public Table.Cell<Usage> cell() {
    return cell;
  }

  static CapUsage usage(Table.Row<CapUsageColumn> r) {
    return new CapUsage(
        r.get(ENTITY_ID),
        r.get(ENTITY_NAME),
        r.get(BUDGET_YEAR),
        r.get(CAP_GROUP),
        r.get(CAP),
        r.get(PAID_BEFORE),
        r.get(PAID_NOW),
        r.get(REMAINING));
  }
}
