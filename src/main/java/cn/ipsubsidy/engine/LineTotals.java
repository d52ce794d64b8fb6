package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Money;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts and sums over a run's lines, made in one pass (or while the lines are computed), so that a
 * run of any size can answer {@link RunResult#count}, {@link RunResult#badDataCount} and {@link
 * RunResult#totalPaid} without reading its lines again.
 */
public final class LineTotals {
  private final Map<Status, Long> byStatus = new EnumMap<>(Status.class);
  private long lines;
  private long badData;
  private long traceSteps;
  private BigDecimal paid = Money.ZERO;
  private BigDecimal cityShare = Money.ZERO;
  private BigDecimal districtShare = Money.ZERO;

  /** The totals of {@code lines}, in one pass. */
  public static LineTotals of(Iterable<PayoutLine> lines) {
    LineTotals t = new LineTotals();
    for (PayoutLine l : lines) {
      t.add(l);
    }
    return t;
  }

  public void add(PayoutLine line) {
    lines++;
    if (line.status() != null) {
      byStatus.merge(line.status(), 1L, Long::sum);
    }
    if (line.badData()) {
      badData++;
    }
    if (line.paid() != null) {
      paid = paid.add(line.paid());
    }
    if (line.cityShare() != null) {
      cityShare = cityShare.add(line.cityShare());
    }
    if (line.districtShare() != null) {
      districtShare = districtShare.add(line.districtShare());
    }
    traceSteps += line.trace().size();
  }

  public long lines() {
    return lines;
  }

  public long count(Status status) {
    return byStatus.getOrDefault(status, 0L);
  }

  public long badDataCount() {
    return badData;
  }

  /** The sum of 核发金额. */
  public BigDecimal totalPaid() {
    return paid;
  }

  /** The sum of 市级承担 (the lines that have a funding split). */
  public BigDecimal totalCityShare() {
    return cityShare;
  }

  /** The sum of 区级承担. */
  public BigDecimal totalDistrictShare() {
    return districtShare;
  }

  /** The audit steps of all lines (the rows of 审计 and of the audit log). */
  public long traceSteps() {
    return traceSteps;
  }
}
