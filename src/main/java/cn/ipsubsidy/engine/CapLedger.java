package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The caps that count other claims (annual per entity, lifetime per project): what earlier runs
 * paid (from {@link PriorPayouts}, asked once per key) plus what earlier rows of this run paid.
 * Memory grows with the number of entities and projects, not rows.
 */
final class CapLedger {
  /** How much of one cap is used, before this run and by this run so far. */
  record Usage(BigDecimal paidBefore, BigDecimal paidNow, List<String> runs) {
    BigDecimal used() {
      return paidBefore.add(paidNow);
    }
  }

  private static final class Entry {
    final String entityId;
    final String entityName;
    final Integer year;
    final String label;
    final BigDecimal cap;
    final BigDecimal paidBefore;
    final List<String> runs;
    BigDecimal paidNow = Money.ZERO;

    Entry(
        String entityId,
        String entityName,
        Integer year,
        String label,
        BigDecimal cap,
        BigDecimal paidBefore,
        List<String> runs) {
      this.entityId = entityId;
      this.entityName = entityName;
      this.year = year;
      this.label = label;
      this.cap = cap;
      this.paidBefore = Money.fen(paidBefore);
      this.runs = List.copyOf(runs);
    }
  }

  private final PriorPayouts prior;
  private final Map<AnnualCapKey, Entry> annual = new LinkedHashMap<>();
  private final Map<Lifetime, Entry> lifetime = new LinkedHashMap<>();

  /** A lifetime cap group and the project it counts for. */
  private record Lifetime(String group, ProjectKey project) {}

  CapLedger(PriorPayouts prior) {
    this.prior = prior;
  }

  Usage annual(String entityId, String entityName, String group, BigDecimal cap, int year) {
    Entry e =
        annual.computeIfAbsent(
            new AnnualCapKey(entityId, group),
            k ->
                new Entry(
                    entityId,
                    entityName,
                    year,
                    group,
                    cap,
                    prior.paidInYear(entityId, group, year),
                    prior.runsInYear(entityId, group, year)));
    return new Usage(e.paidBefore, e.paidNow, e.runs);
  }

  Usage lifetime(
      String entityId, String entityName, String group, ProjectKey project, BigDecimal cap) {
    Entry e =
        lifetime.computeIfAbsent(
            new Lifetime(group, project),
            k ->
                new Entry(
                    entityId,
                    entityName,
                    null,
                    group + " 累计 lifetime: " + project.stored(),
                    cap,
                    prior.paidLifetime(group, project),
                    List.of()));
    return new Usage(e.paidBefore, e.paidNow, e.runs);
  }

  void addAnnual(String entityId, String group, BigDecimal paid) {
    Entry e = annual.get(new AnnualCapKey(entityId, group));
    e.paidNow = e.paidNow.add(paid);
  }

  void addLifetime(String group, ProjectKey project, BigDecimal paid) {
    Entry e = lifetime.get(new Lifetime(group, project));
    e.paidNow = e.paidNow.add(paid);
  }

  /** The 主体 rows: annual caps first, then lifetime caps, each in first-use order. */
  List<CapUsage> usages() {
    List<CapUsage> out = new ArrayList<>();
    for (java.util.Collection<Entry> m : List.of(annual.values(), lifetime.values())) {
      for (Entry e : m) {
        BigDecimal remaining = e.cap.subtract(e.paidBefore).subtract(e.paidNow).max(Money.ZERO);
        out.add(
            new CapUsage(
                e.entityId,
                e.entityName,
                e.year,
                e.label,
                e.cap,
                e.paidBefore,
                e.paidNow,
                remaining));
      }
    }
    return out;
  }
}
