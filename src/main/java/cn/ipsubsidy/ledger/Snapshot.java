package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.engine.PaymentRegister;
import cn.ipsubsidy.engine.PriorPayment;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.policy.ClauseCode;
import java.math.BigDecimal;
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
    store.forEachPayoutKeys(
        k -> {
          if (!active.containsKey(k.runId())) {
            return;
          }
          boolean isPaid = Status.PAID.name().equals(k.status()) && Money.isPositive(k.paid());
          // what is not PAID counts in the sums but holds no claim id or one-time award
          s.register.record(
              new PaymentRegister.Keys(
                  isPaid ? k.claimId() : null,
                  k.entityId(),
                  k.annualGroup(),
                  k.lifetimeGroup(),
                  k.projectKey(),
                  null,
                  List.of(),
                  isPaid ? k.oneTimeKey() : null,
                  isPaid ? k.clauseCode() : null),
              k.budgetYear(),
              new PriorPayment(
                  k.runId(), active.get(k.runId()), k.claimId(), k.paid(), k.clauseCode()));
        });
    store.forEachPaidReference(
        r -> {
          if (!active.containsKey(r.runId()) || !Money.isPositive(r.paid())) {
            return;
          }
          // a reference only: no sums, no claim id
          s.register.record(
              new PaymentRegister.Keys(
                  null, null, null, null, null, r.group(), List.of(r.key()), null, null),
              budgetYear,
              new PriorPayment(
                  r.runId(), active.get(r.runId()), r.claimId(), r.paid(), r.clause()));
        });
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
  public Optional<PriorPayment> referencePaid(
      String group, String referenceKey, String lowerClause) {
    return register.referencePaid(group, referenceKey, lowerClause);
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
