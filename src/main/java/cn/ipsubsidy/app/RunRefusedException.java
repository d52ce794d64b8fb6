package cn.ipsubsidy.app;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClerkFacing;

/**
 * A run the ledger must not take (exit 4): the same period and file were posted already, or the run
 * named by --replace cannot be replaced. Nothing is written or posted.
 */
public class RunRefusedException extends RuntimeException implements ClerkFacing {
  private final Bilingual bilingual;

  public RunRefusedException(String zh, String en) {
    super(zh + " / " + en);
    this.bilingual = Bilingual.of(zh, en);
  }

  @Override
  public Bilingual bilingual() {
    return bilingual;
  }

  @Override
  public Concern concern() {
    return Concern.LEDGER;
  }
}
