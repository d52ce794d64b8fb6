package cn.ipsubsidy.policy;

import java.math.BigDecimal;

/**
 * 按建设进度分阶段支持，最高…: the most one project (its reference number; the entity when the reference is
 * empty) may receive over all years under the cap {@code group}.
 */
public record LifetimeCap(String group, BigDecimal amount) {}
