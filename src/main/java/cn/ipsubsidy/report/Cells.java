package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Money;
import java.math.BigDecimal;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Writing typed values into cells, the same way on every sheet. */
final class Cells {
  static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
  static final String TRUNCATED = "…（截断，全文见审计日志 truncated, see the audit log）";

  /** Column widths are capped so one long explanation does not push the rest off screen. */
  static final int MAX_WIDTH_CHARS = 60;

  /**
   * Width of a column of long text, wrapped: wide enough for a phrase, narrow enough that a table
   * printed one page wide stays legible.
   */
  static final int WRAP_WIDTH = 30;

  /** Height of one line of 11-point text, as Excel's default row. */
  static final float LINE_POINTS = 15f;

  private Cells() {}

  /**
   * Writes a text cell in a wrapping style (see {@link #text}) and makes its row tall enough for
   * the lines it wraps to in a column of {@link #WRAP_WIDTH}; returns the width its column needs,
   * at most that.
   *
   * <p>The row height is set, not left to the reader: Excel fits a row without a height to its
   * wrapped text, but LibreOffice does not, and prints one line of each over the rows below.
   */
  static int wrapped(Row row, int col, String value, CellStyle wrapping) {
    return wrapped(row, col, value, wrapping, WRAP_WIDTH);
  }

  /** As {@link #wrapped(Row, int, String, CellStyle)}, in a column of at most {@code wrapWidth}. */
  static int wrapped(Row row, int col, String value, CellStyle wrapping, int wrapWidth) {
    int width = text(row, col, value, wrapping);
    if (width == 0) {
      return 0;
    }
    float height = lines(value, wrapWidth) * LINE_POINTS;
    if (height > row.getHeightInPoints()) {
      row.setHeightInPoints(height);
    }
    return Math.min(width, wrapWidth);
  }

  /**
   * Lines {@code text} takes wrapped in {@code width} character cells: words move whole to the next
   * line, a CJK character may start one anywhere, a word longer than a line is broken. Each line
   * break ({@code \n}) starts a paragraph.
   */
  static int lines(String text, int width) {
    int room = width * 10;
    int n = text.length();
    int lines = 0;
    for (int from = 0; ; ) {
      int to = text.indexOf('\n', from);
      if (to < 0) {
        to = n;
      }
      lines += paragraphLines(text, from, to, room);
      if (to == n) {
        return lines;
      }
      from = to + 1;
    }
  }

  /**
   * Lines of the paragraph {@code text[from, to)} in {@code room} tenths of a cell. One when it all
   * fits, which most texts do; else unit by unit: a run of spaces, one wide character, or a word up
   * to either.
   */
  private static int paragraphLines(String text, int from, int to, int room) {
    int total = 0;
    for (int i = from; i < to && total <= room; ) {
      int cp = text.codePointAt(i);
      total += tenths(cp);
      i += Character.charCount(cp);
    }
    if (total <= room) {
      return 1; // no unit can end a line: they are never wider than the whole
    }
    int lines = 1;
    int used = 0;
    int i = from;
    while (i < to) {
      int first = text.codePointAt(i);
      boolean space = first == ' ';
      int w = tenths(first);
      int end = i + Character.charCount(first);
      if (w != 20) { // a wide character is a unit of its own
        while (end < to) {
          int cp = text.codePointAt(end);
          int t = tenths(cp);
          if ((cp == ' ') != space || t == 20) {
            break;
          }
          w += t;
          end += Character.charCount(cp);
        }
      }
      if (space) {
        used = Math.min(used + w, room); // spaces at the end of a line do not carry over
      } else {
        if (used > 0 && used + w > room) {
          lines++;
          used = 0;
        }
        used += w;
        while (used > room) { // a word longer than a line breaks anywhere
          lines++;
          used -= room;
        }
      }
      i = end;
    }
    return lines;
  }

  /** Writes a text cell, neutralised; null or empty leaves the cell out. Returns display width. */
  static int text(Row row, int col, String value, CellStyle style) {
    String safe = safeText(value);
    if (safe == null) {
      return 0;
    }
    Cell cell = row.createCell(col);
    cell.setCellValue(safe);
    if (style != null) {
      cell.setCellStyle(style);
    }
    return displayWidth(safe, MAX_WIDTH_CHARS);
  }

  /**
   * The text a cell holds for {@code value}: neutralised ({@link FormulaGuard}) and, beyond Excel's
   * {@link #MAX_TEXT} characters, cut with {@link #TRUNCATED}; null when there is no cell (null or
   * empty).
   */
  static String safeText(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    String safe = FormulaGuard.neutralise(value);
    if (safe.length() > MAX_TEXT) {
      int cut = MAX_TEXT - TRUNCATED.length();
      if (Character.isLowSurrogate(safe.charAt(cut))) {
        cut--;
      }
      safe = safe.substring(0, cut) + TRUNCATED;
    }
    return safe;
  }

  /**
   * Writes a money cell as a number with {@code #,##0.00}; null leaves the cell empty. The double
   * is exact enough for amounts of two decimals below 10^13; sums are made in BigDecimal, not here.
   */
  static int money(Row row, int col, BigDecimal value, CellStyle style) {
    if (value == null) {
      return 0;
    }
    Cell cell = row.createCell(col);
    cell.setCellValue(value.doubleValue());
    cell.setCellStyle(style);
    return moneyWidth(value);
  }

  /**
   * {@link #displayWidth(String)} of {@link Money#format} of {@code value} ("#,##0.00"), without
   * formatting it: digits 11 tenths, separators 5, a minus 7 (see {@link #tenths}).
   */
  static int moneyWidth(BigDecimal value) {
    BigDecimal fen = Money.fen(value);
    int digits = Math.max(1, fen.precision() - fen.scale());
    int tenths =
        (digits + Money.SCALE) * 11 + ((digits - 1) / 3 + 1) * 5 + (fen.signum() < 0 ? 7 : 0);
    return (tenths + 9) / 10;
  }

  static int integer(Row row, int col, Number value, CellStyle style) {
    if (value == null) {
      return 0;
    }
    Cell cell = row.createCell(col);
    cell.setCellValue(value.longValue());
    cell.setCellStyle(style);
    return displayWidth(value.toString());
  }

  /**
   * Approximate width in character cells, Excel's unit (a digit of the default font, Calibri 11):
   * see {@link #tenths}.
   */
  static int displayWidth(String text) {
    return displayWidth(text, Integer.MAX_VALUE);
  }

  /** {@link #displayWidth(String)}, counting no further than {@code max} character cells. */
  static int displayWidth(String text, int max) {
    if (text == null) {
      return 0;
    }
    int width = 0;
    long limit = max * 10L; // width counts tenths of a cell
    for (int i = 0; i < text.length() && width < limit; ) {
      int cp = text.codePointAt(i);
      width += tenths(cp);
      i += Character.charCount(cp);
    }
    return (width + 9) / 10;
  }

  /**
   * Width of a character in tenths of a character cell, after Calibri's proportions: CJK and
   * full-width two cells, capitals and digits a little more than one (an 18-character credit code
   * needs 20), lower case a little less, a space and most punctuation about half; other characters
   * a little more than one. Twenty for exactly the wide ones.
   */
  static int tenths(int cp) {
    if (cp < 0x80) {
      return ASCII_TENTHS[cp];
    }
    return isWide(cp) ? 20 : 11;
  }

  /** {@link #tenths} of the ASCII characters, looked up: every cell's text is measured. */
  private static final byte[] ASCII_TENTHS = new byte[0x80];

  static {
    for (int c = 0; c < 0x80; c++) {
      ASCII_TENTHS[c] = (byte) asciiTenths(c);
    }
  }

  private static int asciiTenths(int cp) {
    if (cp == ' ' || cp == '.' || cp == ',' || cp == ':' || cp == ';' || cp == '\'' || cp == '|') {
      return 5;
    }
    if ((cp >= 'A' && cp <= 'Z') || cp == 'm' || cp == 'w') {
      return 12;
    }
    if (cp >= '0' && cp <= '9') {
      return 11;
    }
    if (cp >= 'a' && cp <= 'z') {
      return 9;
    }
    return 7;
  }

  private static boolean isWide(int cp) {
    if (cp < 0x1100) {
      return false;
    }
    return cp <= 0x115F
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || cp >= 0x20000;
  }

  /** Sets fixed column widths from measured character widths (no autoSizeColumn: no fonts). */
  static void setWidths(Sheet sheet, int[] widths) {
    for (int i = 0; i < widths.length; i++) {
      int chars = Math.min(Math.max(widths[i], 4), MAX_WIDTH_CHARS) + 2;
      sheet.setColumnWidth(i, chars * 256);
    }
  }
}
