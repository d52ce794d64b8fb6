package cn.ipsubsidy.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Which references and one-time awards earlier rows of this run hold. Together with {@link
 * PriorPayouts} (earlier runs) it is what the exactly-once checks count.
 *
 * <p>It grows with the distinct references and one-time keys of a run, so it stores only the key
 * and the holding row's input index (an {@code Integer}, not the row or its claim id): a run of a
 * million claims with a reference each keeps about 100 MB here at most. The claim id and row number
 * an explanation names are looked up through {@link RowSource#row(int)} when a duplicate is found,
 * which is rare.
 */
final class RunTally {
  /** Reference key within its group → input index of the row that holds it in this run. */
  final Map<GroupedReference, Integer> references = new HashMap<>();

  /** One-time key → input index of the row that holds it in this run. */
  final Map<OneTimeKey, Integer> oneTime = new HashMap<>();

  /** The key of a clause paid once per budget year → the holding row. */
  final Map<YearlyKey, Integer> yearly = new HashMap<>();

  /**
   * Reference key → the payment of this run under a clause a higher award contains (wx-2020 4a), so
   * the higher one (4b) later in the run pays the difference. Only those clauses' keys.
   */
  final Map<GroupedReference, PriorPayment> paidUnder = new HashMap<>();
}
