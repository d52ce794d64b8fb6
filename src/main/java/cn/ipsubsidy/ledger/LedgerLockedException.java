package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import java.time.Duration;

/**
 * Another run holds the ledger's run lock and did not release it within the wait. Nothing was
 * posted. The command exits 4; the clerk waits for the other run, named where it can be known
 * ({@link RunHolder}), and runs again.
 */
public final class LedgerLockedException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final Duration waited;
  private final transient RunHolder holder;

  LedgerLockedException(String maskedUrl, Duration waited, RunHolder holder, Throwable cause) {
    super(message(maskedUrl, waited, holder), maskedUrl, cause);
    this.waited = waited;
    this.holder = holder;
  }

  public Duration waited() {
    return waited;
  }

  /** Who holds the lock, or null when that cannot be known. */
  public RunHolder holder() {
    return holder;
  }

  private static Bilingual message(String url, Duration waited, RunHolder holder) {
    String secs = seconds(waited);
    Bilingual who = holder == null ? null : holder.describe();
    String by = who == null ? "" : "（" + who.zh() + "）";
    String byEn = who == null ? "" : " (" + who.en() + ")";
    return Bilingual.of(
        "账本 "
            + url
            + " 正被另一次运行占用"
            + by
            + "，等待"
            + secs
            + "秒后仍未释放；本次未过账。请待其结束后重新运行，或用 --lock-wait 秒数 等待更久。",
        "the ledger "
            + url
            + " is in use by another run"
            + byEn
            + " and was not released within "
            + secs
            + " s; nothing was posted. Wait for that run to finish, then run again, or wait"
            + " longer with --lock-wait SECONDS.");
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format("%.1f", ms / 1000.0);
  }
}
