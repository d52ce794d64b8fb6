package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.policy.Calculation;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.Eligibility;
import cn.ipsubsidy.policy.MetricRule;
import java.time.LocalDate;

/**
 * Step 2 of the catalog: whether the clause may pay the claim at all. The claim's own data against
 * the clause (entity type, metric thresholds, established window, level) here; what counts other
 * claims (a claim id, a one-time or once-a-year award, a reference paid before) in {@link
 * ExactlyOnce}. Each check runs while those before it passed, in the order below.
 */
final class EligibilityChecks {
  private final ExactlyOnce once;

  EligibilityChecks(ExactlyOnce once) {
    this.once = once;
  }

  /** What the claim will hold once paid, or why it may not be. */
  Step<Holds> check(Claim claim, Clause clause, LineDraft line) {
    Eligibility el = clause.eligibility();
    Step<Void> s = once.referencesAsTyped(claim, clause.references(), line);
    if (!s.stopped()) {
      s = once.claimNotPaid(claim);
    }
    if (!s.stopped()) {
      s = entityType(el, claim.entityType(), clause, line);
    }
    if (!s.stopped()) {
      s = metric(el.metric(), claim.metric(), Wording.METRIC, clause, line);
    }
    if (!s.stopped()) {
      s = metric(el.metric2(), claim.metric2(), Wording.METRIC2, clause, line);
    }
    if (!s.stopped() && el.establishedWithinYears() != null) {
      s = establishedWindow(el.establishedWithinYears(), claim, clause, line);
    }
    if (!s.stopped() && clause.calculation() instanceof Calculation.FixedByLevel byLevel) {
      s = level(byLevel, claim.level(), clause, line);
    }
    return s instanceof Step.Stop<Void> stop ? stop.as() : once.check(claim, clause, line);
  }

  private static Step<Void> entityType(
      Eligibility el, EntityType type, Clause clause, LineDraft line) {
    if (el.allowedTypes().isEmpty() && el.excludedTypes().isEmpty()) {
      return Step.PASSED;
    }
    String rule = Wording.typeRule(el);
    if (!el.admits(type)) {
      line.step(Wording.ELIGIBILITY, rule, "", Wording.entityType(type), Wording.NOT_ELIGIBLE);
      return Step.stop(Status.REJECTED, false, Wording.typeNotEligible(type, clause, rule));
    }
    line.step(Wording.ELIGIBILITY, rule, "", Wording.entityType(type), Wording.ELIGIBLE);
    return Step.PASSED;
  }

  private static Step<Void> metric(
      MetricRule rule, Long value, String column, Clause clause, LineDraft line) {
    if (rule == null) {
      return Step.PASSED;
    }
    String label = rule.label() == null ? column : rule.label();
    if (value == null) {
      return Step.stop(Status.REJECTED, true, Wording.metricRequired(column, label, clause));
    }
    String rs = Wording.metricRule(label, rule);
    if (!rule.accepts(value)) {
      line.step(
          Wording.ELIGIBILITY, rs, "", Wording.value(column, value), Wording.THRESHOLD_NOT_MET);
      return Step.stop(Status.REJECTED, false, Wording.thresholdNotMet(label, value, rule));
    }
    line.step(Wording.ELIGIBILITY, rs, "", Wording.value(column, value), Wording.MET);
    return Step.PASSED;
  }

  private static Step<Void> establishedWindow(
      int years, Claim claim, Clause clause, LineDraft line) {
    LocalDate established = claim.establishedDate();
    if (established == null) {
      return Step.stop(Status.REJECTED, true, Wording.establishedRequired(years, clause));
    }
    LocalDate earliest = claim.eventDate().minusYears(years);
    String rule = Wording.establishedWithin(years);
    String formula = Wording.establishedFormula(earliest);
    String inputs = Wording.establishedInputs(established, claim.eventDate());
    if (established.isBefore(earliest) || established.isAfter(claim.eventDate())) {
      line.step(Wording.ELIGIBILITY, rule, formula, inputs, Wording.NOT_MET);
      return Step.stop(
          Status.REJECTED, false, Wording.establishedOutside(established, years, earliest));
    }
    line.step(Wording.ELIGIBILITY, rule, formula, inputs, Wording.MET);
    return Step.PASSED;
  }

  private static Step<Void> level(
      Calculation.FixedByLevel byLevel, Level level, Clause clause, LineDraft line) {
    if (level == null) {
      return Step.stop(Status.REJECTED, true, Wording.levelRequired(byLevel, clause));
    }
    if (!byLevel.perUnit().containsKey(level)) {
      line.step(
          Wording.ELIGIBILITY,
          Wording.levelRule(byLevel),
          "",
          Wording.level(level),
          Wording.LEVEL_NOT_LISTED);
      return Step.stop(Status.REJECTED, false, Wording.levelNotPaid(level, byLevel, clause));
    }
    return Step.PASSED;
  }
}
