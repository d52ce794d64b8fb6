package cn.ipsubsidy.engine;

/** 状态 of a claim in the payout workbook. */
public enum Status {
  /** 核发: an amount of at least 0.01 is paid. */
  PAID("核发", "paid"),
  /** 已达上限: reduced to 0 by an annual or lifetime cap. */
  CAPPED("已达上限", "capped"),
  /** 待审核: needs a person (amount open, approved amount or fees missing, no policy in force). */
  REVIEW("待审核", "review"),
  /** 不予核发: ineligible, duplicate, or invalid data. */
  REJECTED("不予核发", "rejected");

  private final String zh;
  private final String en;

  Status(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
