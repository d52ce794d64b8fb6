package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Claim;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * A second process for the lock tests: opens the ledger, takes the run lock (waiting at most
 * WAIT_MS), posts a one-line run, prints LOCKED, holds the lock HOLD_MS, commits and exits 0; when
 * the lock is not had in time it prints REFUSED and the message, and exits 4 as calc does.
 *
 * <p>Arguments: URL WAIT_MS HOLD_MS RUN_ID
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    long waitMs = Long.parseLong(args[1]);
    long holdMs = Long.parseLong(args[2]);
    String runId = args[3];
    Claim claim =
        Fixtures.claim(
            "P-" + runId,
            "E-PROC",
            Fixtures.MADRID,
            LocalDate.of(2025, 7, 1),
            List.of("PR-" + runId));
    try (Ledger ledger = Ledger.open(url)) {
      ledger.withRunLock(
          Duration.ofMillis(waitMs),
          s -> {
            s.post(Fixtures.run(runId, "2025Q3", Fixtures.paid(0, claim, Fixtures.MADRID, "100")));
            System.out.println("LOCKED");
            System.out.flush();
            Thread.sleep(holdMs);
            return null;
          });
      System.out.println("POSTED " + runId);
      System.exit(0);
    } catch (LedgerLockedException e) {
      System.out.println("REFUSED " + e.message().en());
      System.exit(4);
    } catch (LedgerException e) {
      System.out.println("FAILED " + e.message().en());
      System.exit(3);
    }
  }
}
