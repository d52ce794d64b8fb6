package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import java.time.Duration;

/**
 * Another run holds the ledger's run lock and did not release it within the wait. Nothing was
 * posted. The command exits 4; the clerk waits for the other run and runs again.
 */
public final class LedgerLockedException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final Duration waited;

  LedgerLockedException(String maskedUrl, Duration waited, String holder, Throwable cause) {
    super(message(maskedUrl, waited, holder), maskedUrl, cause);
    this.waited = waited;
  }

  public Duration waited() {
    return waited;
  }

  private static Bilingual message(String url, Duration waited, String holder) {
    String secs = seconds(waited);
    String by = holder == null ? "" : "（" + holder + "）";
    String byEn = holder == null ? "" : " (" + holder + ")";
    return Bilingual.of(
        "账本 " + url + " 正被另一次运行占用" + by + "，等待" + secs + "秒后仍未释放；本次未过账。请待其结束后重新运行。",
        "the ledger "
            + url
            + " is in use by another run"
            + byEn
            + " and was not released within "
            + secs
            + " s; nothing was posted. Wait for that run to finish, then run again.");
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format("%.1f", ms / 1000.0);
  }
}
