package cn.ipsubsidy.policy;

import java.math.BigDecimal;

/**
 * The limits on a clause's amount, applied in the catalog's order: per claim, then annual per
 * entity, then lifetime per project. Any may be null.
 *
 * @param perClaim 每件/每个项目/每件案件 最高不超过
 */
public record Caps(BigDecimal perClaim, AnnualCap annual, LifetimeCap lifetime) {
  public static final Caps NONE = new Caps(null, null, null);
}
