package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.RunResult;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The same claims computed under two sets of rules (what-if), nothing posted: A is today's rules, B
 * the changed ones. Both results hold the same rows in the same (input) order.
 *
 * @param ledger where earlier payments were counted from, or null when none were
 */
public record Comparison(
    String claimsFile,
    Period period,
    String labelA,
    String labelB,
    String ledger,
    RunResult a,
    RunResult b) {

  /** Totals of one group (a clause, a district, an entity) under A and under B. */
  public record Total(String key, String name, int claims, BigDecimal paidA, BigDecimal paidB) {
    public BigDecimal difference() {
      return paidB.subtract(paidA);
    }
  }

  public BigDecimal difference() {
    return b.totalPaid().subtract(a.totalPaid());
  }

  public List<Total> byClause() {
    return totals(
        l -> l.clause() == null ? "（无条款 none）" : l.clause().code().toString(),
        l -> l.clause() == null ? "" : l.clause().name());
  }

  public List<Total> byDistrict() {
    return totals(l -> claim(l) == null ? "（未知 unknown）" : claim(l).district(), l -> "");
  }

  public List<Total> byEntity() {
    return totals(
        l -> claim(l) == null ? "（未知 unknown）" : claim(l).entityId(),
        l -> claim(l) == null ? "" : claim(l).entityName());
  }

  /** Pairs of lines (A, B) whose status or paid amount differ. */
  public List<PayoutLine[]> changedLines() {
    List<PayoutLine[]> out = new java.util.ArrayList<>();
    for (int i = 0; i < a.lines().size(); i++) {
      PayoutLine x = a.lines().get(i);
      PayoutLine y = b.lines().get(i);
      if (x.status() != y.status() || x.paid().compareTo(y.paid()) != 0) {
        out.add(new PayoutLine[] {x, y});
      }
    }
    return out;
  }

  private List<Total> totals(Function<PayoutLine, String> key, Function<PayoutLine, String> name) {
    Map<String, Total> m = new LinkedHashMap<>();
    for (int i = 0; i < a.lines().size(); i++) {
      PayoutLine x = a.lines().get(i);
      PayoutLine y = b.lines().get(i);
      String k = String.valueOf(key.apply(x));
      Total t = m.getOrDefault(k, new Total(k, name.apply(x), 0, Money.ZERO, Money.ZERO));
      m.put(
          k,
          new Total(
              k,
              t.name().isEmpty() ? name.apply(y) : t.name(),
              t.claims() + 1,
              t.paidA().add(x.paid()),
              t.paidB().add(y.paid())));
    }
    return List.copyOf(m.values());
  }

  private static Claim claim(PayoutLine l) {
    return l.row().claim();
  }
}
