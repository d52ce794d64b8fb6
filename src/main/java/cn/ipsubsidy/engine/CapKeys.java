package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.ReferenceNumber;
import cn.ipsubsidy.policy.Calculation;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.LifetimeCap;
import cn.ipsubsidy.policy.ReferenceRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the keys under which caps and exactly-once checks count a claim, shared by the engine and
 * the ledger so both count the same thing. Each key is a value type with its one stored form and
 * its one reading ({@link ProjectKey}, {@link ReferenceCheckKey}, {@link OneTimeKey}, {@link
 * AnnualCapKey}); the ledger stores {@code stored()} and reads back with {@code parse}.
 */
public final class CapKeys {
  private CapKeys() {}

  /**
   * The project a lifetime cap counts for: the institution where the cap is per institution
   * ("每家最高", revision 2), else its reference numbers in their canonical form, else the entity.
   */
  public static ProjectKey project(Clause clause, Claim claim) {
    LifetimeCap cap = clause.caps() == null ? null : clause.caps().lifetime();
    if (cap != null && cap.perEntity()) {
      return ProjectKey.institution(claim.entityId());
    }
    List<String> refs = claim.references();
    if (refs.isEmpty()) {
      return ProjectKey.entity(claim.entityId());
    }
    return ProjectKey.references(canonical(refs));
  }

  /**
   * The keys under which a claim's references are paid once (in {@code
   * clause.references().group()}): each reference in its canonical form ({@link ReferenceNumber};
   * the patent form where the clause counts per patent), with the metric for per-year references
   * (wx-2020 1c), or the entity when the rule says so and the cell is empty; none for project
   * references (staged support recurs).
   */
  public static List<ReferenceCheckKey> referenceKeys(Clause clause, Claim claim) {
    ReferenceRule rule = clause.references();
    if (rule == null || rule.mode() == ReferenceRule.Mode.PROJECT) {
      return List.of();
    }
    Long metric = rule.mode() == ReferenceRule.Mode.UNIQUE_PER_METRIC ? claim.metric() : null;
    List<ReferenceCheckKey> keys = new ArrayList<>();
    for (String ref : claim.references()) {
      keys.add(
          ReferenceCheckKey.of(ReferenceNumber.canonical(ref, rule.perPatent()).form(), metric));
    }
    if (keys.isEmpty() && rule.entityWhenEmpty()) {
      keys.add(ReferenceCheckKey.entity(claim.entityId()));
    }
    return keys;
  }

  /**
   * The one-time key a claim holds under its clause, or null where the clause is not one-time:
   * entity, clause and level, and for a clause once per entity and reference (lyg-2021 5a, revision
   * 2) its references in their canonical form.
   */
  public static OneTimeKey oneTimeKey(Clause clause, Claim claim) {
    if (!clause.eligibility().oneTime()) {
      return null;
    }
    List<String> refs = null;
    if (clause.eligibility().oneTimePerReference() && !claim.references().isEmpty()) {
      refs = canonical(claim.references());
    }
    return new OneTimeKey(claim.entityId(), clause.code(), oneTimeLevel(clause, claim), refs);
  }

  /**
   * The level a one-time award is counted at: the claim's level where the clause pays by level (an
   * upgrade from provincial to national is a new award), none elsewhere (a 级别 cell must not open a
   * second award).
   */
  public static Level oneTimeLevel(Clause clause, Claim claim) {
    return clause.calculation() instanceof Calculation.FixedByLevel ? claim.level() : null;
  }

  /** The references in their general canonical form, in their order. */
  private static List<String> canonical(List<String> refs) {
    List<String> forms = new ArrayList<>(refs.size());
    for (String r : refs) {
      forms.add(ReferenceNumber.canonical(r, false).form());
    }
    return forms;
  }
}
