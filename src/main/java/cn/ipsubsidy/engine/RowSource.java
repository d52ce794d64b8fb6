package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.ClaimRow;

/**
 * The rows of a run for {@link SubsidyEngine#calculate(RowSource, SubsidyEngine.Options,
 * PriorPayouts, LineSink)}: iterated in processing order (event date, then input index; rows
 * without a readable event date last), and readable by input index. A large run keeps its rows
 * outside the heap (a spill file) and reads them one at a time.
 */
public interface RowSource extends Iterable<ClaimRow> {
  /** How many rows the run has. */
  int size();

  /**
   * The row whose {@link ClaimRow#inputIndex()} is {@code inputIndex}; the engine asks for it only
   * to name an earlier row that holds a duplicate reference or one-time award.
   */
  ClaimRow row(int inputIndex);
}
