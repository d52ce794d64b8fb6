package cn.ipsubsidy.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the claims workbook (申报汇总表) as read. Text fields hold the cell text (trimmed); typed
 * fields are null when the cell was empty or could not be read (the reason is then in {@link
 * ClaimRow#problems()}).
 *
 * @param claimId 申报编号
 * @param entityId 主体代码, normalised (upper case, half-width, no spaces)
 * @param entityName 主体名称
 * @param entityType 主体类型
 * @param district 所属地区
 * @param clause 条款, as written: "lyg-2021/2a", "2a", or "lyg-2021/2a 马德里商标国际注册"
 * @param eventDate 事项日期
 * @param quantity 数量; 1 when the cell is empty
 * @param level 级别
 * @param basis 计算基数
 * @param deduction 扣除金额
 * @param feesIncurred 发生费用
 * @param approvedAmount 核定金额
 * @param metric 指标
 * @param metric2 指标2
 * @param establishedDate 成立日期
 * @param references 凭证号, split on ; ； , ， and line breaks; empty when the cell is empty
 * @param note 备注
 */
public record Claim(
    String claimId,
    String entityId,
    String entityName,
    EntityType entityType,
    String district,
    String clause,
    LocalDate eventDate,
    Integer quantity,
    Level level,
    BigDecimal basis,
    BigDecimal deduction,
    BigDecimal feesIncurred,
    BigDecimal approvedAmount,
    Long metric,
    Long metric2,
    LocalDate establishedDate,
    List<String> references,
    String note) {
  public Claim {
    references = references == null ? List.of() : List.copyOf(references);
  }

  /** The quantity, 1 when not given. */
  public int quantityOrOne() {
    return quantity == null ? 1 : quantity;
  }
}
