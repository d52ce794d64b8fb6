package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Period;
import java.util.function.Function;

/**
 * The columns of {@code ledger_runs}: what each stores of a run's header ({@link RunRecord}), and
 * ({@link #run}) the header a row read back makes. "Replaced by" is not stored: it is derived from
 * the replacing run's {@code replaces_run_id}.
 */
enum RunColumn implements Table.Column<RunRecord> {
  SEQ(SqlType.LONG, RunRecord::seq),
  RUN_ID(SqlType.TEXT, RunRecord::runId),
  PERIOD(SqlType.TEXT, r -> r.period().toString()),
  /** The period's year and quarter, for queries; not read back. */
  BUDGET_YEAR(SqlType.INT, r -> r.period().year()),
  QUARTER(SqlType.INT, r -> r.period().quarter()),
  INPUT_FILE(SqlType.TEXT, RunRecord::inputFile),
  INPUT_SHA256(SqlType.TEXT, RunRecord::inputSha256),
  OPERATOR(SqlType.TEXT, RunRecord::operator),
  TOOL_VERSION(SqlType.TEXT, RunRecord::toolVersion),
  POSTED_AT(SqlType.INSTANT, RunRecord::postedAt),
  REPLACES_RUN_ID(SqlType.TEXT, RunRecord::replacesRunId),
  LINE_COUNT(SqlType.INT, RunRecord::lineCount),
  REVERSAL_COUNT(SqlType.INT, RunRecord::reversalCount),
  PAID_COUNT(SqlType.INT, RunRecord::paidCount),
  CAPPED_COUNT(SqlType.INT, RunRecord::cappedCount),
  REVIEW_COUNT(SqlType.INT, RunRecord::reviewCount),
  REJECTED_COUNT(SqlType.INT, RunRecord::rejectedCount),
  TOTAL_PAID(SqlType.MONEY, RunRecord::totalPaid),
  TOTAL_CITY_SHARE(SqlType.MONEY, RunRecord::totalCityShare),
  TOTAL_DISTRICT_SHARE(SqlType.MONEY, RunRecord::totalDistrictShare),
  TOTAL_REVERSED(SqlType.MONEY, RunRecord::totalReversed),
  PREV_HASH(SqlType.TEXT, RunRecord::prevHash),
  HASH(SqlType.TEXT, RunRecord::hash);

  static final Table<RunRecord, RunColumn> TABLE = new Table<>("ledger_runs", RunColumn.class);

  private final Table.Cell<RunRecord> cell;

  RunColumn(SqlType type, Function<RunRecord, Object> value) {
    this.cell = new Table.Cell<>(type, value);
  }

  @Override
  public Table.Cell<RunRecord> cell() {
    return cell;
  }

  /** The header a row makes, not yet knowing whether a later run replaced it. */
  static RunRecord run(Table.Row<RunColumn> r) {
    return new RunRecord(
        new ChainLink(r.<Long>get(SEQ), r.get(PREV_HASH), r.get(HASH)),
        new RunRecord.Origin(
            r.get(RUN_ID),
            Period.parse(r.get(PERIOD)).orElseThrow(),
            r.get(INPUT_FILE),
            r.get(INPUT_SHA256),
            r.get(OPERATOR),
            r.get(TOOL_VERSION),
            r.get(POSTED_AT),
            r.get(REPLACES_RUN_ID)),
        null,
        new RunRecord.Counts(
            r.<Integer>get(LINE_COUNT),
            r.<Integer>get(REVERSAL_COUNT),
            r.<Integer>get(PAID_COUNT),
            r.<Integer>get(CAPPED_COUNT),
            r.<Integer>get(REVIEW_COUNT),
            r.<Integer>get(REJECTED_COUNT)),
        new RunRecord.Totals(
            r.get(TOTAL_PAID),
            r.get(TOTAL_CITY_SHARE),
            r.get(TOTAL_DISTRICT_SHARE),
            r.get(TOTAL_REVERSED)));
  }
}
