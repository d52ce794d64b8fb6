package cn.ipsubsidy.policy;

import java.math.BigDecimal;

/**
 * Modifiers a clause applies after its kind's amount (wx-2020 article 1 only, today).
 *
 * @param individualFactor multiplies the amount when the entity type is 个人 (对个人减半支持), or null
 * @param feeCeiling the amount may not exceed 发生费用 (不得超过…费用总和); missing fees → review
 * @param fundingSplit the city/district split of what is paid, or null when the policy sets none
 */
public record ClauseModifiers(
    BigDecimal individualFactor, boolean feeCeiling, FundingSplit fundingSplit) {
  public static final ClauseModifiers NONE = new ClauseModifiers(null, false, null);
}
