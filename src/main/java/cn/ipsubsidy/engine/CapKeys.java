package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.policy.Calculation;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseCode;
import cn.ipsubsidy.policy.ReferenceRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys under which caps and exactly-once checks count, shared by the engine and the ledger so
 * both count the same thing.
 */
public final class CapKeys {
  private CapKeys() {}

  /** The project a lifetime cap counts for: its reference number, else the entity. */
  public static String project(Claim claim) {
    List<String> refs = claim.references();
    return refs.isEmpty() ? "entity:" + claim.entityId() : String.join(";", refs);
  }

  /**
   * The keys under which a claim's references are paid once (in {@code
   * clause.references().group()}): each reference, with the metric for per-year references (wx-2020
   * 1c), or the entity when the rule says so and the cell is empty; none for project references
   * (staged support recurs).
   */
  public static List<String> referenceKeys(Clause clause, Claim claim) {
    ReferenceRule rule = clause.references();
    if (rule == null || rule.mode() == ReferenceRule.Mode.PROJECT) {
      return List.of();
    }
    Long metric = rule.mode() == ReferenceRule.Mode.UNIQUE_PER_METRIC ? claim.metric() : null;
    List<String> keys = new ArrayList<>();
    for (String ref : claim.references()) {
      keys.add(reference(ref, metric));
    }
    if (keys.isEmpty() && rule.entityWhenEmpty()) {
      keys.add("entity:" + claim.entityId());
    }
    return keys;
  }

  /** The key of a duplicate check for one reference; with the metric for per-year references. */
  public static String reference(String reference, Long metricOrNull) {
    return metricOrNull == null ? reference : reference + "#" + metricOrNull;
  }

  /**
   * The level a one-time award is counted at: the claim's level where the clause pays by level (an
   * upgrade from provincial to national is a new award), none elsewhere (a 级别 cell must not open a
   * second award).
   */
  public static Level oneTimeLevel(Clause clause, Claim claim) {
    return clause.calculation() instanceof Calculation.FixedByLevel ? claim.level() : null;
  }

  /** The key of a one-time award: entity, clause and level. */
  public static String oneTime(String entityId, ClauseCode clause, Level level) {
    return entityId + "|" + clause + "|" + (level == null ? "" : level.name());
  }

  /** The key of an annual cap: entity and group (the year is the run's). */
  public static String annual(String entityId, String group) {
    return entityId + "|" + group;
  }
}
