package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Period;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything one run computed: the lines in input order and the cap usage per entity. Pure data,
 * written by the report and posted by the ledger.
 *
 * <p>{@code lines} is copied unless it is {@link StoredLines} (a large run's lines on disk), which
 * is kept as it is: iterate it, do not copy it.
 */
public record RunResult(Period period, List<PayoutLine> lines, List<CapUsage> capUsages) {
  public RunResult {
    lines = lines instanceof StoredLines ? lines : List.copyOf(lines);
    capUsages = List.copyOf(capUsages);
  }

  /** Counts and sums over the lines: kept with stored lines, else computed in one pass. */
  public LineTotals totals() {
    return lines instanceof StoredLines stored ? stored.totals() : LineTotals.of(lines);
  }

  public long count(Status status) {
    return totals().count(status);
  }

  public long badDataCount() {
    return totals().badDataCount();
  }

  public BigDecimal totalPaid() {
    return totals().totalPaid();
  }
}
