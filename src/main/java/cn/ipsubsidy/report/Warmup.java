package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.RunResult;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Writes an empty payout workbook to nowhere on a background thread while the run reads its claims
 * and opens its ledger. A quarter's run is mostly fixed costs, and the largest is the first
 * workbook a JVM writes: POI's XML schema types (several hundred classes, initialised once) and the
 * code that writes 汇总 and its chart, first interpreted then compiled. On a second core that work is
 * done by the time the run's own workbook is written; on one core it costs what it would have cost
 * anyway. Nothing is written to disk (SXSSF's temporary files aside, deleted at once) and a failure
 * here is only logged: the real write reports its own.
 */
public final class Warmup {
  private Warmup() {}

  /** Starts the warm-up on a daemon thread; returns at once. */
  public static void inBackground() {
    // SLF4J is set up here, on the caller's thread: set up by two threads at once (POI logs from
    // this one) it would print a "logging calls intercepted and replayed" warning on the terminal
    LoggerFactory.getILoggerFactory();
    Thread t = new Thread(Warmup::writeEmptyWorkbook, "ipsubsidy-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  static void writeEmptyWorkbook() {
    try {
      RunResult empty = new RunResult(new Period(2000, 1), List.of(), List.of());
      RunFacts facts =
          new RunFacts(
              "warmup",
              empty.period(),
              RunFacts.FROM_OPTION,
              List.of(),
              "warmup",
              "",
              Instant.EPOCH,
              "",
              "",
              null,
              null,
              null);
      new PayoutWorkbookWriter().write(empty, facts, OutputStream.nullOutputStream());
    } catch (Exception | LinkageError e) {
      LoggerFactory.getLogger(Warmup.class).debug("warm-up write failed", e);
    }
  }
}
