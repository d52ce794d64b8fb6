package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.engine.CapKeys;
import cn.ipsubsidy.engine.PriorPayment;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.policy.ClauseCode;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the ledger holds as paid, loaded into memory once per run: annual sums of one budget year by
 * (entity, group), lifetime sums over all years by (group, project), and the paid claim ids,
 * reference keys and one-time keys with the payment that holds each. Only payout entries of active
 * runs count (a replaced run's payments are netted out by its reversals, so they are left out
 * here); only PAID entries of at least 0.01 hold a key.
 */
final class Snapshot implements PriorPayouts {
  private final int budgetYear;
  private final Map<String, BigDecimal> annual = new HashMap<>();
  private final Map<String, Set<String>> annualRuns = new HashMap<>();
  private final Map<String, BigDecimal> lifetime = new HashMap<>();
  private final Map<String, PriorPayment> references = new HashMap<>();
  private final Map<String, PriorPayment> oneTime = new HashMap<>();
  private final Map<String, PriorPayment> claims = new HashMap<>();

  private Snapshot(int budgetYear) {
    this.budgetYear = budgetYear;
  }

  int budgetYear() {
    return budgetYear;
  }

  /**
   * Loads the snapshot.
   *
   * @param excludeRunId a run to leave out as if already replaced (the run a new run replaces), or
   *     null
   */
  static Snapshot load(Store store, int budgetYear, String excludeRunId) throws SQLException {
    Snapshot s = new Snapshot(budgetYear);
    Map<String, LocalDate> active = new HashMap<>();
    Set<String> replaced = store.replaced().keySet();
    for (RunRecord r : store.runs()) {
      if (!replaced.contains(r.runId()) && !r.runId().equals(excludeRunId)) {
        active.put(r.runId(), r.paidOn());
      }
    }
    Map<String, String> runIds = new HashMap<>();
    for (String id : active.keySet()) {
      runIds.put(id, id);
    }
    String sql =
        "SELECT run_id, claim_id, entity_id, status, paid, budget_year, annual_group,"
            + " lifetime_group, project_key, one_time_key FROM ledger_entries"
            + " WHERE kind = 'PAYOUT' ORDER BY seq";
    try (PreparedStatement ps = store.c.prepareStatement(sql)) {
      ps.setFetchSize(Store.FETCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String runId = runIds.get(rs.getString(1));
          if (runId == null) {
            continue;
          }
          BigDecimal paid = new BigDecimal(rs.getString(5));
          boolean isPaid = Status.PAID.name().equals(rs.getString(4)) && Money.isPositive(paid);
          String entity = rs.getString(3);
          String annualGroup = rs.getString(7);
          if (annualGroup != null && rs.getInt(6) == budgetYear) {
            String key = CapKeys.annual(entity, annualGroup);
            s.annual.merge(key, paid, BigDecimal::add);
            if (isPaid) {
              s.annualRuns.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(runId);
            }
          }
          String lifetimeGroup = rs.getString(8);
          if (lifetimeGroup != null) {
            s.lifetime.merge(lifetimeGroup + "|" + rs.getString(9), paid, BigDecimal::add);
          }
          if (!isPaid) {
            continue;
          }
          String claimId = rs.getString(2);
          PriorPayment payment = new PriorPayment(runId, active.get(runId), claimId, paid);
          if (claimId != null) {
            s.claims.putIfAbsent(claimId, payment);
          }
          String oneTimeKey = rs.getString(10);
          if (oneTimeKey != null) {
            s.oneTime.putIfAbsent(oneTimeKey, payment);
          }
        }
      }
    }
    String refSql =
        "SELECT e.run_id, e.claim_id, e.paid, r.ref_group, r.ref_key FROM ledger_entry_refs r"
            + " JOIN ledger_entries e ON e.seq = r.entry_seq"
            + " WHERE e.kind = 'PAYOUT' AND e.status = 'PAID' ORDER BY r.entry_seq, r.ordinal";
    try (PreparedStatement ps = store.c.prepareStatement(refSql)) {
      ps.setFetchSize(Store.FETCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String runId = runIds.get(rs.getString(1));
          BigDecimal paid = new BigDecimal(rs.getString(3));
          if (runId == null || !Money.isPositive(paid)) {
            continue;
          }
          s.references.putIfAbsent(
              rs.getString(4) + "|" + rs.getString(5),
              new PriorPayment(runId, active.get(runId), rs.getString(2), paid));
        }
      }
    }
    return s;
  }

  @Override
  public BigDecimal paidInYear(String entityId, String group, int year) {
    checkYear(year);
    return annual.getOrDefault(CapKeys.annual(entityId, group), Money.ZERO);
  }

  @Override
  public List<String> runsInYear(String entityId, String group, int year) {
    checkYear(year);
    return List.copyOf(annualRuns.getOrDefault(CapKeys.annual(entityId, group), Set.of()));
  }

  @Override
  public BigDecimal paidLifetime(String group, String projectKey) {
    return lifetime.getOrDefault(group + "|" + projectKey, Money.ZERO);
  }

  @Override
  public Optional<PriorPayment> referencePaid(String group, String referenceKey) {
    return Optional.ofNullable(references.get(group + "|" + referenceKey));
  }

  @Override
  public Optional<PriorPayment> oneTimePaid(String entityId, ClauseCode clause, Level level) {
    return Optional.ofNullable(oneTime.get(CapKeys.oneTime(entityId, clause, level)));
  }

  @Override
  public Optional<PriorPayment> claimPaid(String claimId) {
    return Optional.ofNullable(claims.get(claimId));
  }

  Optional<PriorPayment> oneTimePaid(String oneTimeKey) {
    return Optional.ofNullable(oneTime.get(oneTimeKey));
  }

  /** Annual sums are loaded for one budget year; asking for another would silently answer 0. */
  private void checkYear(int year) {
    if (year != budgetYear) {
      throw new IllegalArgumentException(
          "this ledger snapshot holds budget year " + budgetYear + ", not " + year);
    }
  }
}
