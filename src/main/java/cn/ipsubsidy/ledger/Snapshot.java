package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.engine.PaymentRegister;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the ledger holds as paid, loaded into memory once per run: annual sums of one budget year by
 * (entity, group), lifetime sums over all years by (group, project), and the paid claim ids,
 * reference keys and one-time keys with the payment that holds each. Only payout entries of active
 * runs count (a replaced run's payments are netted out by its reversals, so they are left out
 * here); only PAID entries of at least 0.01 hold a key. The maps are the engine's {@link
 * PaymentRegister}, so the ledger and the reconciliation count alike.
 */
final class Snapshot implements PriorPayouts {
  private final int budgetYear;
  private final PaymentRegister register = new PaymentRegister();

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
    String sql =
        "SELECT run_id, claim_id, entity_id, status, paid, budget_year, annual_group,"
            + " lifetime_group, project_key, one_time_key, clause_code FROM ledger_entries"
            + " WHERE kind = 'PAYOUT' ORDER BY seq";
    try (PreparedStatement ps = store.c.prepareStatement(sql)) {
      ps.setFetchSize(Store.FETCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String runId = rs.getString(1);
          if (!active.containsKey(runId)) {
            continue;
          }
          BigDecimal paid = new BigDecimal(rs.getString(5));
          boolean isPaid = Status.PAID.name().equals(rs.getString(4)) && Money.isPositive(paid);
          // what is not PAID counts in the sums but holds no claim id or one-time award
          String claimId = isPaid ? rs.getString(2) : null;
          String oneTimeKey = isPaid ? rs.getString(10) : null;
          s.register.record(
              new PaymentRegister.Keys(
                  claimId,
                  rs.getString(3),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  null,
                  List.of(),
                  oneTimeKey,
                  isPaid ? rs.getString(11) : null),
              rs.getInt(6),
              new PriorPayment(runId, active.get(runId), rs.getString(2), paid, rs.getString(11)));
        }
      }
    }
    String refSql =
        "SELECT e.run_id, e.claim_id, e.paid, r.ref_group, r.ref_key, e.clause_code"
            + " FROM ledger_entry_refs r"
            + " JOIN ledger_entries e ON e.seq = r.entry_seq"
            + " WHERE e.kind = 'PAYOUT' AND e.status = 'PAID' ORDER BY r.entry_seq, r.ordinal";
    try (PreparedStatement ps = store.c.prepareStatement(refSql)) {
      ps.setFetchSize(Store.FETCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String runId = rs.getString(1);
          BigDecimal paid = new BigDecimal(rs.getString(3));
          if (!active.containsKey(runId) || !Money.isPositive(paid)) {
            continue;
          }
          // a reference only: no sums, no claim id
          s.register.record(
              new PaymentRegister.Keys(
                  null,
                  null,
                  null,
                  null,
                  null,
                  rs.getString(4),
                  List.of(rs.getString(5)),
                  null,
                  null),
              budgetYear,
              new PriorPayment(runId, active.get(runId), rs.getString(2), paid, rs.getString(6)));
        }
      }
    }
    return s;
  }

  @Override
  public BigDecimal paidInYear(String entityId, String group, int year) {
    checkYear(year);
    return register.paidInYear(entityId, group, year);
  }

  @Override
  public List<String> runsInYear(String entityId, String group, int year) {
    checkYear(year);
    return register.runsInYear(entityId, group, year);
  }

  @Override
  public BigDecimal paidLifetime(String group, String projectKey) {
    return register.paidLifetime(group, projectKey);
  }

  @Override
  public Optional<PriorPayment> referencePaid(String group, String referenceKey) {
    return register.referencePaid(group, referenceKey);
  }

  @Override
  public Optional<PriorPayment> oneTimePaid(String entityId, ClauseCode clause, Level level) {
    return register.oneTimePaid(entityId, clause, level);
  }

  @Override
  public Optional<PriorPayment> claimPaid(String claimId) {
    return register.claimPaid(claimId);
  }

  @Override
  public Optional<PriorPayment> oneTimePaid(String oneTimeKey) {
    return register.oneTimePaid(oneTimeKey);
  }

  @Override
  public Optional<PriorPayment> paidForClauseInYear(String entityId, String clause, int year) {
    return register.paidForClauseInYear(entityId, clause, year);
  }

  /** Annual sums are loaded for one budget year; asking for another would silently answer 0. */
  private void checkYear(int year) {
    if (year != budgetYear) {
      throw new IllegalArgumentException(
          "this ledger snapshot holds budget year " + budgetYear + ", not " + year);
    }
  }
}
