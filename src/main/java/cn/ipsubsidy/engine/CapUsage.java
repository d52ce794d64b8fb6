package cn.ipsubsidy.engine;

import java.math.BigDecimal;

/**
 * A 主体 row: how much of a cap one entity (or project, for lifetime caps) has used.
 *
 * @param year the budget year, or null for a lifetime cap
 * @param capGroup e.g. "lyg-2021/2a"; for lifetime caps the group and the project
 * @param paidBefore 本年此前已核发: paid by earlier runs (the ledger)
 * @param paidNow 本次核发: paid by this run
 * @param remaining 剩余额度
 */
public record CapUsage(
    String entityId,
    String entityName,
    Integer year,
    String capGroup,
    BigDecimal cap,
    BigDecimal paidBefore,
    BigDecimal paidNow,
    BigDecimal remaining) {}
