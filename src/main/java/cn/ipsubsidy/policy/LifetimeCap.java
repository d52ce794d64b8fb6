package cn.ipsubsidy.policy;

import java.math.BigDecimal;

/**
 * 按建设进度分阶段支持，最高…: the most one project (its reference number; the entity when the reference is
 * empty) may receive over all years under the cap {@code group}.
 *
 * <p>{@code perEntity}: the cap is per institution ("每家最高", wx-2020 11a and 11b; clause catalog
 * revision 2): the entity's total over all years and all references.
 */
public record LifetimeCap(String group, BigDecimal amount, boolean perEntity) {
  public LifetimeCap(String group, BigDecimal amount) {
    this(group, amount, false);
  }
}
