package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.RunResult;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Writes an empty payout workbook to nowhere: the first workbook a JVM writes pays POI's XML schema
 * types (several hundred classes, initialised once), the code that writes 汇总 and its chart, first
 * interpreted then compiled, and the streamed sheets' code (their deflating threads, Commons
 * Compress's zip output). {@code app.Warmup} runs this on a background thread while the run reads
 * its claims. Nothing is written to disk but the streamed sheets' temporary files (a header row
 * each), deleted at once, and a failure here is only logged: the real write reports its own.
 */
public final class WorkbookWarmup {
  private WorkbookWarmup() {}

  public static void run() {
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
      LoggerFactory.getLogger(WorkbookWarmup.class).debug("warm-up write failed", e);
    }
  }
}
