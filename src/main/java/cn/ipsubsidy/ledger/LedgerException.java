package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClerkFacing;

/**
 * The ledger cannot do what was asked: it cannot be opened or migrated, the file is read-only, the
 * connection dropped, or a run to post is inconsistent. Whatever was being written is rolled back
 * before this is thrown. {@link #message()} names the ledger (password masked) and what to do.
 */
public class LedgerException extends RuntimeException implements ClerkFacing {
  private static final long serialVersionUID = 1L;

  private final transient Bilingual message;
  private final String ledgerUrl;

  public LedgerException(Bilingual message, String maskedUrl, Throwable cause) {
    super(message.toString(), cause);
    this.message = message;
    this.ledgerUrl = maskedUrl;
  }

  /** What went wrong and what to do, in Chinese and English. */
  public Bilingual message() {
    return message;
  }

  /** The ledger's JDBC URL with any password masked. */
  public String ledgerUrl() {
    return ledgerUrl;
  }

  static LedgerException of(String url, String zh, String en, Throwable cause) {
    return new LedgerException(Bilingual.of(zh, en), url, cause);
  }

  @Override
  public Bilingual bilingual() {
    return message;
  }

  @Override
  public Concern concern() {
    return Concern.LEDGER;
  }
}
