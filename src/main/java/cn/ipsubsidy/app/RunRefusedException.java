package cn.ipsubsidy.app;

import cn.ipsubsidy.domain.Bilingual;

/**
 * A run the ledger must not take (exit 4): the same period and file were posted already, or the run
 * named by --replace cannot be replaced. Nothing is written or posted.
 */
public class RunRefusedException extends RuntimeException {
  private final Bilingual bilingual;

  public RunRefusedException(String zh, String en) {
    super(zh + " / " + en);
    this.bilingual = Bilingual.of(zh, en);
  }

  public Bilingual bilingual() {
    return bilingual;
  }
}
