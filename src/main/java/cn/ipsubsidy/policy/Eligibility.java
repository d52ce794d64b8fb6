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
 * @param oneTimePerReference with {@code oneTime}: once per entity <em>and</em> reference (lyg-2021
 *     5a, revision 2: a unit approved for two centres is paid for each); a claim with no reference
 *     counts once per entity
 * @param oncePerBudgetYear at most one award per entity, clause and budget year (lyg-2021 12b and
 *     12c reward "上年度" volume; revision 2)
 */
public record Eligibility(
    Set<EntityType> allowedTypes,
    Set<EntityType> excludedTypes,
    MetricRule metric,
    MetricRule metric2,
    boolean oneTime,
    Integer establishedWithinYears,
    boolean oneTimePerReference,
    boolean oncePerBudgetYear) {
  public Eligibility {
    allowedTypes = Set.copyOf(allowedTypes);
    excludedTypes = Set.copyOf(excludedTypes);
  }

  public Eligibility(
      Set<EntityType> allowedTypes,
      Set<EntityType> excludedTypes,
      MetricRule metric,
      MetricRule metric2,
      boolean oneTime,
      Integer establishedWithinYears) {
    this(
        allowedTypes,
        excludedTypes,
        metric,
        metric2,
        oneTime,
        establishedWithinYears,
        false,
        false);
  }

  public static final Eligibility ANYONE =
      new Eligibility(Set.of(), Set.of(), null, null, false, null);

  public boolean admits(EntityType type) {
    return (allowedTypes.isEmpty() || allowedTypes.contains(type)) && !excludedTypes.contains(type);
  }
}
