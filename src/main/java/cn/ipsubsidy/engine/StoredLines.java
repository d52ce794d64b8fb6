package cn.ipsubsidy.engine;

import java.util.List;

/**
 * A run's lines kept outside the heap (a spill file), in input order: an unmodifiable list whose
 * iterator reads one line at a time. {@link RunResult} keeps such a list as it is instead of
 * copying it, and takes its counts from {@link #totals()}; readers should iterate it, never copy
 * it.
 */
public interface StoredLines extends List<PayoutLine> {
  /** Totals over all lines, computed as they were stored. */
  LineTotals totals();
}
