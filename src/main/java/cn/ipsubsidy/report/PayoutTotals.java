package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.policy.ClauseCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

  PayoutTotals(RunResult result) {
    // a hash map while summing, sorted once at the end (ClauseCode's order parses its code)
    Map<ClauseCode, Acc> clauses = new HashMap<>();
    Acc noClause = new Acc();
    Map<String, Acc> districts = new LinkedHashMap<>();
    Acc all = new Acc();
    long audit = 0;
    long problems = 0;
    // one pass: a large run's lines are read from disk
    for (PayoutLine line : result.lines()) {
      audit += line.trace().size();
      problems += PayoutWorkbookWriter.problemRows(line);
      Acc clause =
          line.clause() == null
              ? noClause
              : clauses.computeIfAbsent(line.clause().code(), k -> new Acc());
      if (clause.name == null && line.clause() != null) {
        clause.name = line.clause().name();
      }
      clause.add(line);
      districts.computeIfAbsent(district(line), k -> new Acc()).add(line);
      all.add(line);
    }
    List<ClauseTotal> c = new ArrayList<>();
    new TreeMap<>(clauses)
        .forEach(
            (code, acc) ->
                c.add(new ClauseTotal(code.toString(), acc.name, acc.count, acc.paid, acc.amount)));
    if (noClause.count > 0) {
      c.add(
          new ClauseTotal(
              NO_CLAUSE, "未能确定条款 no clause", noClause.count, noClause.paid, noClause.amount));
    }
    List<DistrictTotal> d = new ArrayList<>();
    districts.forEach(
        (name, acc) -> d.add(new DistrictTotal(name, acc.amount, acc.city, acc.district)));
    byClause = List.copyOf(c);
    byDistrict = List.copyOf(d);
    count = all.count;
    paidCount = all.paid;
    amount = all.amount;
    cityShare = all.city;
    districtShare = all.district;
    auditRows = audit;
    problemRows = problems;
  }

  static String district(PayoutLine line) {
    String d =
        line.row() == null || line.row().claim() == null ? null : line.row().claim().district();
    return d == null || d.isBlank() ? NO_DISTRICT : d.strip();
  }

  private static final class Acc {
    String name;
    long count;
    long paid;
    BigDecimal amount = Money.ZERO;
    BigDecimal city = Money.ZERO;
    BigDecimal district = Money.ZERO;

    void add(PayoutLine line) {
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
