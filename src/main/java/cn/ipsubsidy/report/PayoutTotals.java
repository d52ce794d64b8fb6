package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 汇总 figures, summed in BigDecimal from exactly the values written to 明细 (a null amount counts
 * as zero there and here), so the summary always equals the detail to the fen.
 */
final class PayoutTotals {
  /** The label of lines whose clause could not be resolved. */
  static final String NO_CLAUSE = "—";

  /** The label of lines with no 所属地区. */
  static final String NO_DISTRICT = "—";

  record ClauseTotal(String code, String name, long count, long paidCount, BigDecimal amount) {}

  record DistrictTotal(
      String district, BigDecimal amount, BigDecimal cityShare, BigDecimal districtShare) {}

  final List<ClauseTotal> byClause;
  final List<DistrictTotal> byDistrict;
  final long count;
  final long paidCount;
  final BigDecimal amount;
  final BigDecimal cityShare;
  final BigDecimal districtShare;

  /** Rows of 审计: every step of every line. */
  final long auditRows;

  /** Rows of 问题: see {@link PayoutWorkbookWriter#problemRows}. */
  final long problemRows;

  /** The totals of a run's lines, in one pass. */
  PayoutTotals(RunResult result) {
    this(sum(result));
  }

  private static WorkbookTotals sum(RunResult result) {
    WorkbookTotals sums = new WorkbookTotals();
    // one pass: a large run's lines are read from disk
    for (PayoutLine line : result.lines()) {
      sums.accept(line);
    }
    return sums;
  }

  /** The totals summed line by line (in any order) by {@code sums}. */
  PayoutTotals(WorkbookTotals sums) {
    List<ClauseTotal> c = new ArrayList<>();
    new TreeMap<>(sums.clauses)
        .forEach(
            (code, acc) ->
                c.add(new ClauseTotal(code.toString(), acc.name, acc.count, acc.paid, acc.amount)));
    Acc noClause = sums.noClause;
    if (noClause.count > 0) {
      c.add(
          new ClauseTotal(
              NO_CLAUSE, "未能确定条款 no clause", noClause.count, noClause.paid, noClause.amount));
    }
    // districts in the input order of their first line, whatever order the lines were summed in
    List<DistrictTotal> d = new ArrayList<>();
    sums.districts.entrySet().stream()
        .sorted(
            Comparator.comparingInt((Map.Entry<String, Acc> e) -> e.getValue().firstIndex)
                .thenComparingLong(e -> e.getValue().firstSeen))
        .forEach(
            e ->
                d.add(
                    new DistrictTotal(
                        e.getKey(),
                        e.getValue().amount,
                        e.getValue().city,
                        e.getValue().district)));
    byClause = List.copyOf(c);
    byDistrict = List.copyOf(d);
    Acc all = sums.all;
    count = all.count;
    paidCount = all.paid;
    amount = all.amount;
    cityShare = all.city;
    districtShare = all.district;
    auditRows = sums.auditRows;
    problemRows = sums.problemRows;
  }

  static String district(PayoutLine line) {
    String d =
        line.row() == null || line.row().claim() == null ? null : line.row().claim().district();
    return d == null || d.isBlank() ? NO_DISTRICT : d.strip();
  }

  static final class Acc {
    String name;

    /** The smallest input index of the lines summed here, and when the first was summed. */
    int firstIndex = Integer.MAX_VALUE;

    long firstSeen = -1;
    long count;
    long paid;
    BigDecimal amount = Money.ZERO;
    BigDecimal city = Money.ZERO;
    BigDecimal district = Money.ZERO;

    void add(PayoutLine line, long seen) {
      if (firstSeen < 0) {
        firstSeen = seen;
      }
      if (line.row() != null) {
        firstIndex = Math.min(firstIndex, line.row().inputIndex());
      }
      count++;
      if (line.status() == Status.PAID) {
        paid++;
      }
      if (line.paid() != null) {
        amount = amount.add(line.paid());
      }
      if (line.cityShare() != null) {
        city = city.add(line.cityShare());
      }
      if (line.districtShare() != null) {
        district = district.add(line.districtShare());
      }
    }
  }
}
