package cn.ipsubsidy.cli;

import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.Status;
import java.io.PrintWriter;

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

  static void counts(PrintWriter out, RunResult r) {
    out.printf(
        "读取 rows %d · 核发 paid %d · 已达上限 capped %d · 待审核 review %d · 不予核发 rejected %d"
            + " (数据错误 bad data %d)%n",
        r.lines().size(),
        r.count(Status.PAID),
        r.count(Status.CAPPED),
        r.count(Status.REVIEW),
        r.count(Status.REJECTED),
        r.badDataCount());
    out.printf("核发合计 total paid: %s 元 yuan%n", Money.format(r.totalPaid()));
  }

  /**
   * Lists the rows with bad data: sheet, row, column, cell text and reason. Reads the lines only
   * until it has found the first {@value #MAX_LISTED} (a large run's lines are on disk).
   */
  static void badRows(PrintWriter out, RunResult r) {
    long bad = r.badDataCount();
    if (bad == 0) {
      return;
    }
    out.println("数据错误 bad data:");
    int shown = 0;
    for (PayoutLine l : r.lines()) {
      if (shown >= MAX_LISTED) {
        break;
      }
      if (!l.badData()) {
        continue;
      }
      if (l.row().problems().isEmpty()) {
        out.printf(
            "  %s 第%d行 row %d: %s%n",
            l.row().location().sheet(),
            l.row().location().row(),
            l.row().location().row(),
            l.explanation());
      } else {
        for (CellProblem p : l.row().problems()) {
          out.printf(
              "  %s 第%d行 row %d, %s「%s」: %s%n",
              p.sheet(), p.row(), p.row(), p.column(), shorten(p.cellText()), p.reason());
        }
      }
      shown++;
    }
    if (bad > shown) {
      out.printf("  … 另有 %d 行，见“问题”表 / %d more rows, see sheet 问题%n", bad - shown, bad - shown);
    }
  }
}
