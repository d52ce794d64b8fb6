package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything one run computed: the lines in input order and the cap usage per entity. Pure data,
 * written by the report and posted by the ledger.
 */
public record RunResult(Period period, List<PayoutLine> lines, List<CapUsage> capUsages) {
  public RunResult {
    lines = List.copyOf(lines);
    capUsages = List.copyOf(capUsages);
  }

  public long count(Status status) {
    return lines.stream().filter(l -> l.status() == status).count();
  }

  public long badDataCount() {
    return lines.stream().filter(PayoutLine::badData).count();
  }

  public BigDecimal totalPaid() {
    return lines.stream().map(PayoutLine::paid).reduce(Money.ZERO, BigDecimal::add);
  }
}
