package cn.ipsubsidy.policy;

import java.math.BigDecimal;

/**
 * Who pays: the city's share (e.g. 0.60 for wx-2020 article 1, "市级资金比例不高于60%"), rounded half-up to
 * the fen; the district pays the rest, so the two always add up to the amount paid.
 */
public record FundingSplit(BigDecimal cityShare) {}
