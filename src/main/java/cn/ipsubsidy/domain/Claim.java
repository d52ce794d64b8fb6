package cn.ipsubsidy.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One row of the claims workbook (申报汇总表) as read, in three parts: who claims ({@link Claimant}),
 * what for ({@link Matter}) and the figures the calculation uses ({@link Figures}). Text fields
 * hold the cell text (trimmed); typed fields are null when the cell was empty or could not be read
 * (the reason is then in {@link ClaimRow#problems()}). Each field keeps its accessor on the claim
 * ({@code claim.entityId()}), so callers read a claim as one row; a field added goes into its part.
 *
 * @param claimId 申报编号
 * @param note 备注
 */
public record Claim(
    String claimId, Claimant claimant, Matter matter, Figures figures, String note) {
  public Claim {
    Objects.requireNonNull(claimant, "claimant");
    Objects.requireNonNull(matter, "matter");
    Objects.requireNonNull(figures, "figures");
  }

  /**
   * Who claims.
   *
   * @param entityId 主体代码, normalised (upper case, half-width, no spaces)
   * @param entityName 主体名称
   * @param entityType 主体类型
   * @param district 所属地区
   * @param establishedDate 成立日期
   */
  public record Claimant(
      String entityId,
      String entityName,
      EntityType entityType,
      String district,
      LocalDate establishedDate) {}

  /**
   * What is claimed for.
   *
   * @param clause 条款, as written: "lyg-2021/2a", "2a", or "lyg-2021/2a 马德里商标国际注册"
   * @param eventDate 事项日期
   * @param quantity 数量; 1 when the cell is empty
   * @param level 级别
   * @param references 凭证号, split on ; ； , ， and line breaks; empty when the cell is empty
   */
  public record Matter(
      String clause, LocalDate eventDate, Integer quantity, Level level, List<String> references) {
    public Matter {
      references = references == null ? List.of() : List.copyOf(references);
    }

    /** The same matter under another clause text. */
    public Matter withClause(String otherClause) {
      return new Matter(otherClause, eventDate, quantity, level, references);
    }

    /** The same matter with other references. */
    public Matter withReferences(List<String> otherReferences) {
      return new Matter(clause, eventDate, quantity, level, otherReferences);
    }
  }

  /**
   * The figures the calculation uses.
   *
   * @param basis 计算基数
   * @param deduction 扣除金额
   * @param feesIncurred 发生费用
   * @param approvedAmount 核定金额
   * @param metric 指标
   * @param metric2 指标2
   */
  public record Figures(
      BigDecimal basis,
      BigDecimal deduction,
      BigDecimal feesIncurred,
      BigDecimal approvedAmount,
      Long metric,
      Long metric2) {}

  /** The same claim under another clause text (the clause a posted entry resolved). */
  public Claim withClause(String otherClause) {
    return new Claim(claimId, claimant, matter.withClause(otherClause), figures, note);
  }

  public String entityId() {
    return claimant.entityId();
  }

  public String entityName() {
    return claimant.entityName();
  }

  public EntityType entityType() {
    return claimant.entityType();
  }

  public String district() {
    return claimant.district();
  }

  public LocalDate establishedDate() {
    return claimant.establishedDate();
  }

  public String clause() {
    return matter.clause();
  }

  public LocalDate eventDate() {
    return matter.eventDate();
  }

  public Integer quantity() {
    return matter.quantity();
  }

  public Level level() {
    return matter.level();
  }

  public List<String> references() {
    return matter.references();
  }

  public BigDecimal basis() {
    return figures.basis();
  }

  public BigDecimal deduction() {
    return figures.deduction();
  }

  public BigDecimal feesIncurred() {
    return figures.feesIncurred();
  }

  public BigDecimal approvedAmount() {
    return figures.approvedAmount();
  }

  public Long metric() {
    return figures.metric();
  }

  public Long metric2() {
    return figures.metric2();
  }

  /** The quantity, 1 when not given. */
  public int quantityOrOne() {
    return quantity() == null ? 1 : quantity();
  }
}
