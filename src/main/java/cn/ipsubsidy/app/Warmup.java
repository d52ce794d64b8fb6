package cn.ipsubsidy.app;

import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.report.WorkbookWarmup;
import org.slf4j.LoggerFactory;

/**
 * A quarter's run is mostly fixed costs: Flyway's start when the ledger is opened, and POI's when
 * the first workbook is written. Both are paid here, on a daemon thread, while the run reads its
 * policies and claims on the other core: Flyway first (the ledger is opened first), then the
 * workbook. On one core it costs about what it would have cost anyway. Neither touches a file of
 * the run, a ledger or the terminal.
 */
public final class Warmup {
  private Warmup() {}

  /** Starts the warm-up on a daemon thread; returns at once. */
  public static void inBackground() {
    // SLF4J is set up here, on the caller's thread: set up by two threads at once (POI and Flyway
    // log from the other) it would print a "logging calls intercepted and replayed" warning on the
    // terminal
    LoggerFactory.getILoggerFactory();
    Thread t =
        new Thread(
            () -> {
              Ledger.warmUp();
              WorkbookWarmup.run();
            },
            "ipsubsidy-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }
}
