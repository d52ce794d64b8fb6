package cn.ipsubsidy.app;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClerkFacing;
import cn.ipsubsidy.ledger.VerifyResult;

/** The ledger's hash chain does not verify (exit 4): the first entry that does not match. */
public class LedgerCheckFailedException extends RuntimeException implements ClerkFacing {
  private final transient Bilingual bilingual;

  public LedgerCheckFailedException(String ledger, VerifyResult result) {
    super("ledger " + ledger + " failed verification");
    VerifyResult.Break first = result.firstBreak().orElseThrow();
    this.bilingual =
        Bilingual.of(
            "台账 " + ledger + " 校验失败，首个不符：" + first.describeZh() + "。未做任何处理。",
            "ledger "
                + ledger
                + " failed verification at entry "
                + first.seq()
                + " (run "
                + first.runId()
                + (first.claimId() == null ? "" : ", claim " + first.claimId())
                + "): "
                + first.reason().en()
                + ". Nothing was done.");
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
