package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.ReferenceNumber;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.Eligibility;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyRegistry;
import cn.ipsubsidy.policy.ReferenceRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The checks of step 2 that count other claims: a claim id, a one-time award, a once-a-year award
 * and a reference are paid at most once, against earlier runs ({@link PriorPayouts}) and earlier
 * rows of this run ({@link RunTally}); a higher award pays what the lower one it contains did not.
 * Also the 凭证号 cell as typed and as compared, which these checks rely on.
 */
final class ExactlyOnce {
  private static final Step<String> NO_KEY = Step.go(null);

  private final PriorPayouts prior;
  private final RunTally tally;
  private final int budgetYear;
  private final IntFunction<ClaimRow> rowAt;

  /** Clauses a higher award contains (wx-2020 4a): their paid references are kept for it. */
  private final Set<String> upgradeSources = new HashSet<>();

  /**
   * @param rowAt the row of an input index, to name the earlier row of this run that holds a
   *     reference or one-time award
   */
  ExactlyOnce(
      PolicyRegistry registry,
      PriorPayouts prior,
      RunTally tally,
      int budgetYear,
      IntFunction<ClaimRow> rowAt) {
    this.prior = prior;
    this.tally = tally;
    this.budgetYear = budgetYear;
    this.rowAt = rowAt;
    for (PolicyDocument d : registry.documents()) {
      for (Clause c : d.clauses()) {
        if (c.references() != null && c.references().upgrades() != null) {
          upgradeSources.add(c.references().upgrades());
        }
      }
    }
  }

  /**
   * 凭证号 as typed and as compared (revision 2): a Chinese patent number whose check character does
   * not match its digits is bad data; a reference listed twice in the cell in any spelling is bad
   * data too.
   */
  Step<Void> referencesAsTyped(Claim claim, ReferenceRule rule, LineDraft line) {
    List<String> refs = claim.references();
    if (refs.isEmpty() || rule == null) {
      return Step.PASSED;
    }
    boolean perPatent = rule.perPatent();
    List<String> shown = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (String r : refs) {
      ReferenceNumber.Canonical c = ReferenceNumber.canonical(r, perPatent);
      shown.add(Wording.asCompared(r, c.form()));
      if (c.checkFails()) {
        line.step(
            Wording.VALIDATION,
            Wording.PATENT_CHECK,
            "",
            Wording.reference(r),
            Wording.expectedCheck(c.expectedCheck()));
        return Step.stop(Status.REJECTED, true, Wording.badReference(c.problem().orElseThrow()));
      }
      String first = seen.putIfAbsent(c.form(), r);
      if (first != null) {
        line.step(
            Wording.VALIDATION,
            Wording.REFERENCES,
            "",
            String.join("; ", shown),
            Wording.DUPLICATE);
        return Step.stop(Status.REJECTED, true, Wording.oneNumberTwice(first, r, c.form()));
      }
    }
    if (!shown.equals(refs)) {
      line.step(
          Wording.ELIGIBILITY,
          Wording.referencesComparedAs(perPatent),
          "",
          Wording.references(refs),
          String.join("; ", shown));
    }
    return Step.PASSED;
  }

  Step<Void> claimNotPaid(Claim claim) {
    Optional<PriorPayment> paid = prior.claimPaid(claim.claimId());
    if (paid.isPresent()) {
      return Step.stop(
          Status.REJECTED, false, Wording.claimAlreadyPaid(claim.claimId(), paid.get()));
    }
    return Step.PASSED;
  }

  /** The one-time award, the once-a-year award, the references, in this order. */
  Step<Holds> check(Claim claim, Clause clause, LineDraft line) {
    Eligibility el = clause.eligibility();
    Step<String> oneTime = el.oneTime() ? oneTime(claim, clause, line) : NO_KEY;
    if (oneTime instanceof Step.Stop<String> stop) {
      return stop.as();
    }
    Step<String> yearly = el.oncePerBudgetYear() ? oncePerYear(claim, clause, line) : NO_KEY;
    if (yearly instanceof Step.Stop<String> stop) {
      return stop.as();
    }
    return references(claim, clause, oneTime.value(), yearly.value(), line);
  }

  private Step<String> oneTime(Claim claim, Clause clause, LineDraft line) {
    Level level = CapKeys.oneTimeLevel(clause, claim);
    String key = CapKeys.oneTimeKey(clause, claim);
    boolean perReference = !key.equals(CapKeys.oneTime(claim.entityId(), clause.code(), level));
    Holder held = holder(tally.oneTime.get(key));
    if (held != null) {
      line.step(Wording.ELIGIBILITY, Wording.ONE_TIME, "", key, Wording.ONE_TIME_IN_RUN);
      return Step.stop(
          Status.REJECTED, false, Wording.oneTimeInRun(level, held.row(), held.claimId()));
    }
    // the level the award counts at, as in this run's tally: a 级别 cell on a clause that does
    // not pay by level must not open a second award in a later period
    Optional<PriorPayment> paid =
        perReference
            ? prior.oneTimePaid(key)
            : prior.oneTimePaid(claim.entityId(), clause.code(), level);
    if (paid.isPresent()) {
      PriorPayment p = paid.get();
      line.step(Wording.ELIGIBILITY, Wording.ONE_TIME, "", key, Wording.alreadyPaid(p));
      return Step.stop(Status.REJECTED, false, Wording.oneTimePaid(p));
    }
    line.step(Wording.ELIGIBILITY, Wording.ONE_TIME, "", key, Wording.NOT_PAID_BEFORE);
    return Step.go(key);
  }

  /**
   * lyg-2021 12b and 12c reward the previous year's volume: one award per entity, clause and budget
   * year (revision 2).
   */
  private Step<String> oncePerYear(Claim claim, Clause clause, LineDraft line) {
    String key = claim.entityId() + "|" + clause.code() + "|" + budgetYear;
    String rule = Wording.oncePerYear(budgetYear);
    Holder held = holder(tally.yearly.get(key));
    if (held != null) {
      line.step(Wording.ELIGIBILITY, rule, "", key, Wording.YEARLY_IN_RUN);
      return Step.stop(
          Status.REJECTED, false, Wording.oncePerYearInRun(held.row(), held.claimId()));
    }
    Optional<PriorPayment> paid =
        prior.paidForClauseInYear(claim.entityId(), clause.code().toString(), budgetYear);
    if (paid.isPresent()) {
      PriorPayment p = paid.get();
      line.step(Wording.ELIGIBILITY, rule, "", key, Wording.alreadyPaid(p));
      return Step.stop(Status.REJECTED, false, Wording.oncePerYearPaid(budgetYear, p));
    }
    line.step(Wording.ELIGIBILITY, rule, "", key, Wording.NOT_PAID_THIS_YEAR);
    return Step.go(key);
  }

  /**
   * Each reference once per reference group, unless the award it was paid under is one this clause
   * contains: then that payment counts against this one.
   */
  private Step<Holds> references(
      Claim claim, Clause clause, String oneTimeKey, String yearlyKey, LineDraft line) {
    List<String> keys = CapKeys.referenceKeys(clause, claim);
    if (keys.isEmpty()) {
      return oneTimeKey == null && yearlyKey == null
          ? Step.go(Holds.NOTHING)
          : Step.go(new Holds(oneTimeKey, yearlyKey, List.of(), List.of()));
    }
    ReferenceRule rule = clause.references();
    String once = Wording.referenceOnce(rule.group());
    List<PriorPayment> lower = List.of();
    for (String key : keys) {
      Holder held = holder(tally.references.get(rule.group() + "|" + key));
      PriorPayment under =
          rule.upgrades() == null ? null : tally.paidUnder.get(rule.group() + "|" + key);
      if (held != null && under != null && rule.upgrades().equals(under.clause())) {
        lower = counted(lower, under, Wording.rowOfThisRun(held.row()), key, clause, line);
        continue;
      }
      if (held != null) {
        line.step(Wording.ELIGIBILITY, once, "", key, Wording.DUPLICATE);
        return Step.stop(
            Status.REJECTED,
            false,
            Wording.duplicateInRun(key, held.row(), held.claimId(), rule.group()));
      }
      Optional<PriorPayment> paid = prior.referencePaid(rule.group(), key, rule.upgrades());
      if (paid.isPresent()
          && rule.upgrades() != null
          && rule.upgrades().equals(paid.get().clause())) {
        PriorPayment p = paid.get();
        lower = counted(lower, p, Wording.earlierRun(p), key, clause, line);
        continue;
      }
      if (paid.isPresent()) {
        PriorPayment p = paid.get();
        line.step(Wording.ELIGIBILITY, once, "", key, Wording.paidBefore(p));
        return Step.stop(Status.REJECTED, false, Wording.referencePaid(key, p));
      }
    }
    line.step(Wording.ELIGIBILITY, once, "", String.join(";", keys), Wording.NOT_PAID_BEFORE);
    List<String> held = new ArrayList<>(keys.size());
    for (String key : keys) {
      held.add(rule.group() + "|" + key);
    }
    return Step.go(new Holds(oneTimeKey, yearlyKey, held, lower));
  }

  /**
   * The lower award this one contains was paid for the reference (wx-2020 4a under 4b): it counts
   * against this one.
   *
   * @return {@code lower} and this payment
   */
  private static List<PriorPayment> counted(
      List<PriorPayment> lower,
      PriorPayment payment,
      Bilingual where,
      String key,
      Clause clause,
      LineDraft line) {
    line.step(
        Wording.ELIGIBILITY,
        Wording.higherContainsLower(clause, payment),
        "",
        key,
        Wording.paidUnderLower(payment, where));
    List<PriorPayment> more = new ArrayList<>(lower);
    more.add(payment);
    return more;
  }

  /**
   * After the verdict: a line that is not rejected holds its keys for the rest of the run, and a
   * paid lower award keeps its references' payment for the higher award that contains it.
   */
  void hold(Holds holds, ClaimRow row, Status status, Clause clause, BigDecimal paid) {
    if (status == Status.REJECTED) {
      return;
    }
    Integer at = row.inputIndex();
    if (holds.oneTimeKey() != null) {
      tally.oneTime.put(holds.oneTimeKey(), at);
    }
    if (holds.yearlyKey() != null) {
      tally.yearly.put(holds.yearlyKey(), at);
    }
    for (String key : holds.referenceKeys()) {
      tally.references.put(key, at);
    }
    // the reference is now held by this line: a lower award's payment no longer counts for it
    holds.referenceKeys().forEach(tally.paidUnder::remove);
    if (status == Status.PAID && upgradeSources.contains(clause.code().toString())) {
      for (String key : holds.referenceKeys()) {
        tally.paidUnder.put(
            key, new PriorPayment("", null, row.claim().claimId(), paid, clause.code().toString()));
      }
    }
  }

  /** The row of this run that holds a key, for the explanation. */
  private record Holder(String claimId, int row) {}

  private Holder holder(Integer inputIndex) {
    if (inputIndex == null) {
      return null;
    }
    ClaimRow held = rowAt.apply(inputIndex);
    return new Holder(held.claim().claimId(), held.location().row());
  }
}
