package cn.ipsubsidy.outputs;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClerkFacing;

/** The journal could not be started: nothing was written or posted (exit 2). */
public final class JournalException extends RuntimeException implements ClerkFacing {
  private final transient Bilingual bilingual;

  JournalException(Bilingual bilingual, Throwable cause) {
    super(bilingual.toString(), cause);
    this.bilingual = bilingual;
  }

  @Override
  public Bilingual bilingual() {
    return bilingual;
  }
}
