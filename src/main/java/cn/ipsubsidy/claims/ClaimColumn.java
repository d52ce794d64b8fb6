package cn.ipsubsidy.claims;

/** The columns of the claims file (申报汇总表), as fixed by the io contract. */
public enum ClaimColumn {
  CLAIM_ID("申报编号", "claim_id", true),
  ENTITY_ID("主体代码", "entity_id", true),
  ENTITY_NAME("主体名称", "entity_name", true),
  ENTITY_TYPE("主体类型", "entity_type", true),
  DISTRICT("所属地区", "district", true),
  CLAUSE("条款", "clause", true),
  EVENT_DATE("事项日期", "event_date", true),
  QUANTITY("数量", "quantity", false),
  LEVEL("级别", "level", false),
  BASIS("计算基数", "basis", false),
  DEDUCTION("扣除金额", "deduction", false),
  FEES_INCURRED("发生费用", "fees_incurred", false),
  APPROVED_AMOUNT("核定金额", "approved_amount", false),
  METRIC("指标", "metric", false),
  METRIC2("指标2", "metric2", false),
  ESTABLISHED_DATE("成立日期", "established_date", false),
  REFERENCE_NO("凭证号", "reference_no", false),
  NOTE("备注", "note", false);

  private final String zh;
  private final String en;
  private final boolean required;

  ClaimColumn(String zh, String en, boolean required) {
    this.zh = zh;
    this.en = en;
    this.required = required;
  }

  /** The Chinese header, e.g. 申报编号. */
  public String zh() {
    return zh;
  }

  /** The English header, e.g. claim_id; also the key of {@code ReadResult.columns}. */
  public String en() {
    return en;
  }

  /** Whether the header must be present (the io contract's "required: yes"). */
  public boolean required() {
    return required;
  }

  /** "申报编号 (claim_id)". */
  public String label() {
    return zh + " (" + en + ")";
  }
}
