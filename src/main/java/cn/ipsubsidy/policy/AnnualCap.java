package cn.ipsubsidy.policy;

import java.math.BigDecimal;

/**
 * 同一企业/主体每年最高不超过: the most one entity may receive in a budget year across every claim of the cap
 * {@code group}. The budget year is the year of the period being processed.
 */
public record AnnualCap(String group, BigDecimal amount) {}
