package cn.ipsubsidy.cli;

import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.Status;
import java.io.PrintWriter;
import picocli.CommandLine.Help.Ansi.Style;

/** The short summary a clerk reads on the terminal after a run. */
final class RunPrinter {
  private static final int MAX_LISTED = 20;
  private static final int MAX_CELL_CHARS = 60;

  private RunPrinter() {}

  /** A cell text as one terminal line can show it: line breaks as spaces, at most 60 characters. */
  static String shorten(String cellText) {
    String t = cellText == null ? "" : cellText.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    if (t.length() <= MAX_CELL_CHARS) {
      return t;
    }
    int cut = MAX_CELL_CHARS;
    if (Character.isLowSurrogate(t.charAt(cut))) {
      cut--;
    }
    return t.substring(0, cut) + "…";
  }

  /** The counts by status, not paid in red and yellow, and the total in bold. */
  static void counts(PrintWriter out, RunResult r, Messages m, Styles s) {
    out.println(
        m.get(
            "run.counts",
            r.lines().size(),
            r.count(Status.PAID),
            s.count(r.count(Status.CAPPED), Style.fg_yellow),
            s.count(r.count(Status.REVIEW), Style.fg_yellow),
            s.count(r.count(Status.REJECTED), Style.fg_red),
            s.count(r.badDataCount(), Style.fg_red)));
    out.println(m.get("run.total", s.bold(Money.format(r.totalPaid()))));
  }

  /**
   * Lists the rows with bad data: sheet, row, column, cell text and reason. Reads the lines only
   * until it has found the first {@value #MAX_LISTED} (a large run's lines are on disk).
   */
  static void badRows(PrintWriter out, RunResult r, Messages m) {
    long bad = r.badDataCount();
    if (bad == 0) {
      return;
    }
    out.println(m.get("run.badData"));
    int shown = 0;
    for (PayoutLine l : r.lines()) {
      if (shown >= MAX_LISTED) {
        break;
      }
      if (!l.badData()) {
        continue;
      }
      if (l.row().problems().isEmpty()) {
        out.println(
            "  "
                + m.get(
                    "run.badData.row",
                    l.row().location().sheet(),
                    l.row().location().row(),
                    m.pick(l.explanation())));
      } else {
        for (CellProblem p : l.row().problems()) {
          out.println(
              "  "
                  + m.get(
                      "run.badData.cell",
                      p.sheet(),
                      p.row(),
                      p.column(),
                      shorten(p.cellText()),
                      m.pick(p.reason())));
        }
      }
      shown++;
    }
    if (bad > shown) {
      out.println("  " + m.get("run.badData.more", bad - shown));
    }
  }
}
