package cn.ipsubsidy.policy;

import cn.ipsubsidy.domain.EntityType;
import java.util.Set;

/**
 * Who may claim under a clause and what the claim must show.
 *
 * @param allowedTypes entity types allowed; empty means every type
 * @param excludedTypes entity types not allowed (e.g. "not individuals")
 * @param metric a condition on 指标, or null
 * @param metric2 a condition on 指标2, or null
 * @param oneTime paid at most once per entity, clause and level (一次性)
 * @param establishedWithinYears the entity's 成立日期 must fall within this many years before the event
 *     date (lyg-2021 12a, "成立三年内"), or null
 */
public record Eligibility(
    Set<EntityType> allowedTypes,
    Set<EntityType> excludedTypes,
    MetricRule metric,
    MetricRule metric2,
    boolean oneTime,
    Integer establishedWithinYears) {
  public Eligibility {
    allowedTypes = Set.copyOf(allowedTypes);
    excludedTypes = Set.copyOf(excludedTypes);
  }

  public static final Eligibility ANYONE =
      new Eligibility(Set.of(), Set.of(), null, null, false, null);

  public boolean admits(EntityType type) {
    return (allowedTypes.isEmpty() || allowedTypes.contains(type)) && !excludedTypes.contains(type);
  }
}
