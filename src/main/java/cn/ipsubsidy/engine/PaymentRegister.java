package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What has been paid, held in memory and answered as {@link PriorPayouts}: built from the ledger's
 * entries, or from lines recomputed by the annual reconciliation. Amounts count whatever their
 * status (a reversal is a negative amount); references, one-time awards and claim ids count only
 * when paid. Memory grows with entities, projects and references, not with steps.
 */
public final class PaymentRegister implements PriorPayouts {
  private final Map<String, BigDecimal> annual = new HashMap<>();
  private final Map<String, Set<String>> annualRuns = new HashMap<>();
  private final Map<String, BigDecimal> lifetime = new HashMap<>();
  private final ReferenceHolders references = new ReferenceHolders();
  private final Map<String, PriorPayment> oneTime = new HashMap<>();
  private final Map<String, PriorPayment> claims = new HashMap<>();
  private final Map<String, PriorPayment> yearly = new HashMap<>();

  /**
   * Records one paid (or reversed) amount under the keys the engine counts.
   *
   * @param budgetYear the budget year of the run that paid it
   * @param payment the run, date, claim and amount. A reversal carries the id of the run it
   *     reverses and the negated amount: the sums drop, and the references, one-time award and
   *     claim id that run held are released.
   */
  public void record(Keys keys, int budgetYear, PriorPayment payment) {
    BigDecimal amount = payment.amount();
    if (keys.annualGroup() != null) {
      String k = annualKey(keys.entityId(), keys.annualGroup(), budgetYear);
      annual.merge(k, amount, BigDecimal::add);
      if (amount.signum() > 0) {
        annualRuns.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(payment.runId());
      }
    }
    if (keys.lifetimeGroup() != null) {
      String project = CapKeys.canonicalProject(keys.projectKey());
      lifetime.merge(keys.lifetimeGroup() + "|" + project, amount, BigDecimal::add);
      // every entry also counts for its institution, so a cap per institution (wx-2020 11a/11b,
      // revision 2) sees what entries posted before it, keyed by their reference, paid
      if (keys.entityId() != null && !project.startsWith(CapKeys.INSTITUTION)) {
        lifetime.merge(
            keys.lifetimeGroup() + "|" + CapKeys.institution(keys.entityId()),
            amount,
            BigDecimal::add);
      }
    }
    boolean paid = amount.signum() > 0;
    for (String ref : keys.referenceKeys()) {
      // a key stored as typed (before revision 2) is held under every form it can be compared in
      for (String form : CapKeys.storedReferenceForms(ref)) {
        String key = keys.referenceGroup() + "|" + form;
        if (paid) {
          references.paid(key, payment);
        } else if (payment.amount().signum() < 0) {
          references.reversed(key, payment.runId());
        }
      }
    }
    if (keys.oneTimeKey() != null) {
      hold(oneTime, keys.oneTimeKey(), payment, paid);
    }
    if (keys.claimId() != null) {
      hold(claims, keys.claimId(), payment, paid);
    }
    if (keys.clauseCode() != null && keys.entityId() != null) {
      hold(yearly, yearlyKey(keys.entityId(), keys.clauseCode(), budgetYear), payment, paid);
    }
  }

  /**
   * Adds everything {@code later} holds, as if its payments had been recorded here after those
   * already recorded: sums add up, and what it holds (references, one-time awards, claim ids)
   * replaces what was held under the same key.
   */
  public void addAll(PaymentRegister later) {
    later.annual.forEach((k, v) -> annual.merge(k, v, BigDecimal::add));
    later.annualRuns.forEach(
        (k, v) -> annualRuns.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
    later.lifetime.forEach((k, v) -> lifetime.merge(k, v, BigDecimal::add));
    references.addAll(later.references);
    oneTime.putAll(later.oneTime);
    claims.putAll(later.claims);
    yearly.putAll(later.yearly);
  }

  /** Records a computed line under its run; lines with nothing paid only hold nothing. */
  public void record(PayoutLine line, int budgetYear, String runId, java.time.LocalDate paidOn) {
    if (line.clause() == null || line.row().claim() == null) {
      return;
    }
    record(
        Keys.of(line.clause(), line.row().claim()),
        budgetYear,
        new PriorPayment(
            runId, paidOn, line.claimId(), line.paid(), line.clause().code().toString()));
  }

  private static String yearlyKey(String entityId, String clause, int year) {
    return entityId + "|" + clause + "|" + year;
  }

  @Override
  public Optional<PriorPayment> paidForClauseInYear(String entityId, String clause, int year) {
    return Optional.ofNullable(yearly.get(yearlyKey(entityId, clause, year)));
  }

  private static void hold(
      Map<String, PriorPayment> map, String key, PriorPayment payment, boolean paid) {
    if (paid) {
      map.put(key, payment);
    } else if (payment.amount().signum() < 0) {
      PriorPayment held = map.get(key);
      if (held != null && held.runId().equals(payment.runId())) {
        map.remove(key);
      }
    }
  }

  @Override
  public BigDecimal paidInYear(String entityId, String group, int year) {
    return annual.getOrDefault(annualKey(entityId, group, year), Money.ZERO);
  }

  @Override
  public List<String> runsInYear(String entityId, String group, int year) {
    return new ArrayList<>(annualRuns.getOrDefault(annualKey(entityId, group, year), Set.of()));
  }

  @Override
  public BigDecimal paidLifetime(String group, String projectKey) {
    return lifetime.getOrDefault(group + "|" + CapKeys.canonicalProject(projectKey), Money.ZERO);
  }

  @Override
  public Optional<PriorPayment> referencePaid(
      String group, String referenceKey, String lowerClause) {
    // stored keys are held in every form they compare in; the engine asks in the canonical form
    // (CapKeys#referenceKeys), and a key asked as typed is brought to its general form first
    return references.held(group + "|" + CapKeys.queryForm(referenceKey), lowerClause);
  }

  @Override
  public Optional<PriorPayment> oneTimePaid(String entityId, ClauseCode clause, Level level) {
    return Optional.ofNullable(oneTime.get(CapKeys.oneTime(entityId, clause, level)));
  }

  /** The one-time award held under a key built by {@link CapKeys#oneTime}. */
  @Override
  public Optional<PriorPayment> oneTimePaid(String oneTimeKey) {
    return Optional.ofNullable(oneTime.get(oneTimeKey));
  }

  @Override
  public Optional<PriorPayment> claimPaid(String claimId) {
    return Optional.ofNullable(claims.get(claimId));
  }

  private static String annualKey(String entityId, String group, int year) {
    return entityId + "|" + group + "|" + year;
  }

  /**
   * The keys one payment counts under, as the engine builds them (see {@link CapKeys}); any may be
   * null or empty when the clause has no such cap or check.
   */
  public record Keys(
      String claimId,
      String entityId,
      String annualGroup,
      String lifetimeGroup,
      String projectKey,
      String referenceGroup,
      List<String> referenceKeys,
      String oneTimeKey,
      String clauseCode) {
    public Keys(
        String claimId,
        String entityId,
        String annualGroup,
        String lifetimeGroup,
        String projectKey,
        String referenceGroup,
        List<String> referenceKeys,
        String oneTimeKey) {
      this(
          claimId,
          entityId,
          annualGroup,
          lifetimeGroup,
          projectKey,
          referenceGroup,
          referenceKeys,
          oneTimeKey,
          null);
    }

    public Keys {
      referenceKeys = referenceKeys == null ? List.of() : List.copyOf(referenceKeys);
    }

    public static Keys of(Clause clause, Claim claim) {
      return new Keys(
          claim.claimId(),
          claim.entityId(),
          clause.caps() != null && clause.caps().annual() != null
              ? clause.caps().annual().group()
              : null,
          clause.caps() != null && clause.caps().lifetime() != null
              ? clause.caps().lifetime().group()
              : null,
          CapKeys.project(clause, claim),
          clause.references() == null ? null : clause.references().group(),
          CapKeys.referenceKeys(clause, claim),
          CapKeys.oneTimeKey(clause, claim),
          clause.code().toString());
    }
  }
}
