package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.Jurisdiction;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 1 of the catalog: the claim's district selects the jurisdiction, its 条款 cell the clause
 * ({@link ClauseResolver}), and its event date must fall in the clause's document's time in force.
 */
final class PolicyInForce {
  private final PolicyRegistry registry;
  private final ClauseResolver resolver;

  /** The jurisdictions of each district text met so far: a run names few districts many times. */
  private final Map<String, List<Jurisdiction>> districts = new HashMap<>();

  PolicyInForce(PolicyRegistry registry, String defaultPolicyId) {
    this.registry = registry;
    this.resolver = new ClauseResolver(registry, defaultPolicyId);
  }

  /**
   * The clause the claim is computed under, or why none applies. Once the clause is found the line
   * cites it, also when the claim stops here because the clause is another city's or its document
   * is not in force on the event date.
   */
  Step<Clause> clauseOf(Claim claim, LineDraft line) {
    List<Jurisdiction> districtOf =
        claim.district() == null
            ? List.of()
            : districts.computeIfAbsent(claim.district(), registry::jurisdictionsOf);
    if (districtOf.isEmpty()) {
      return Step.stop(Status.REJECTED, true, Wording.districtUnknown(claim.district()));
    }
    ClauseResolver.Resolution r = resolver.resolve(claim.clause(), districtOf);
    if (r.clause() == null) {
      return Step.stop(Status.REJECTED, true, r.problem());
    }
    Jurisdiction jurisdiction = r.jurisdiction();
    Clause clause = r.clause();
    PolicyDocument doc = r.document();
    line.applies(clause, doc.cite(clause));
    String inputs = Wording.policyInputs(claim);
    if (r.problem() != null) {
      line.step(Wording.POLICY, jurisdiction.city(), "", inputs, Wording.NOT_APPLICABLE);
      return Step.stop(Status.REJECTED, false, r.problem());
    }
    LocalDate date = claim.eventDate();
    if (!doc.inForceOn(date)) {
      line.step(Wording.POLICY, Wording.inForce(doc), "", inputs, Wording.notInForceOn(date));
      return Step.stop(
          Status.REVIEW,
          false,
          Wording.noPolicyInForce(date, doc, registry.inForce(jurisdiction, date)));
    }
    line.step(
        Wording.POLICY,
        Wording.inForceIn(jurisdiction.city(), doc),
        "",
        inputs,
        Wording.clauseNamed(clause));
    return Step.go(clause);
  }
}
