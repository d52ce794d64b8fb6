package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;

/**
 * The ledger failed {@link Ledger#verify()}: a row was changed, removed or inserted behind the
 * tool's back. Nothing is posted to such a ledger; the command exits 4. {@link #result()} names the
 * first entry that does not match.
 */
public final class LedgerIntegrityException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final transient VerifyResult result;

  LedgerIntegrityException(String maskedUrl, VerifyResult result) {
    super(message(maskedUrl, result), maskedUrl, null);
    this.result = result;
  }

  public VerifyResult result() {
    return result;
  }

  private static Bilingual message(String url, VerifyResult r) {
    VerifyResult.Break b = r.firstBreak().orElseThrow();
    return Bilingual.of(
        "账本 "
            + url
            + " 校验失败，拒绝过账："
            + b.describeZh()
            + "。账本记录在本工具之外被改动过；请运行 ledger verify 查看，并交由管理员从备份恢复后再运行。",
        "the ledger "
            + url
            + " fails verification, so nothing is posted: "
            + b.describeEn()
            + ". A ledger row was changed outside this tool; run 'ledger verify' for details"
            + " and have the administrator restore the ledger from a backup before running again.");
  }
}
