package cn.ipsubsidy.cli;

import cn.ipsubsidy.outputs.Output;
import cn.ipsubsidy.outputs.PendingOutputs;
import java.io.PrintWriter;

/**
 * Tells the clerk, one line each on stderr, what became of the outputs of an earlier run that was
 * killed before they were in place ({@link PendingOutputs}): placed, removed, or how to get them
 * again.
 */
final class PendingNotices {
  private PendingNotices() {}

  static void print(PrintWriter err, Messages m, PendingOutputs.Settled s) {
    boolean workbook = s.output() == Output.WORKBOOK;
    String what = m.get(workbook ? "pending.workbook" : "pending.audit");
    String line =
        switch (s.action()) {
          case PLACED -> m.get("pending.placed", s.runId(), what, s.placed());
          case PLACED_BESIDE -> m.get("pending.beside", s.runId(), what, s.target(), s.placed());
          case REMOVED -> m.get("pending.removed", s.runId(), what, s.file());
          case RESTORED -> m.get("pending.restored", s.runId(), what, s.target());
          case KEPT_ASIDE -> m.get("pending.keptAside", s.runId(), what, s.target(), s.placed());
          case LOST ->
              workbook
                  ? m.get("pending.lost.workbook", s.runId(), s.file(), s.target())
                  : m.get("pending.lost.audit", s.runId(), s.file(), s.target());
          case NOT_YET -> m.get("pending.notYet", s.runId(), what, s.target(), s.reason());
        };
    err.println("ipsubsidy: " + line);
  }
}
