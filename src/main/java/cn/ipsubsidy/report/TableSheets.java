package cn.ipsubsidy.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * One table of the payout workbook (明细, 主体, 审计, 问题) written row by row: a bold, frozen, filtered
 * header, printed atop every page ({@link PrintLayout#table}); long text ({@link Kind#WRAPPED})
 * wraps within its column. When a sheet is full (Excel's row limit, or a smaller one for tests) the
 * table continues on {@code <name>-2}, {@code <name>-3}, … with the header repeated.
 *
 * <p>Given the number of rows in advance, it creates all its sheets at once, so that several tables
 * can be written row by row side by side (one pass over the lines) and their sheets still stand in
 * table order in the workbook.
 */
final class TableSheets {
  enum Kind {
    TEXT,
    WRAPPED,
    MONEY,
    INTEGER
  }

  private final Workbook workbook;
  private final Styles styles;
  private final String baseName;
  private final List<String> headers;
  private final List<Kind> kinds;
  private final int maxRowsPerSheet;
  private final List<String> sheetNames = new ArrayList<>();
  private final List<Sheet> planned = new ArrayList<>();
  private final List<int[]> plannedWidths = new ArrayList<>();

  private Sheet sheet;
  private int nextRow;
  private int[] widths;

  TableSheets(
      Workbook workbook,
      Styles styles,
      String baseName,
      List<String> headers,
      List<Kind> kinds,
      int maxRowsPerSheet) {
    if (headers.size() != kinds.size()) {
      throw new IllegalArgumentException("headers and kinds differ in size");
    }
    this.workbook = workbook;
    this.styles = styles;
    this.baseName = baseName;
    this.headers = List.copyOf(headers);
    this.kinds = List.copyOf(kinds);
    this.maxRowsPerSheet = maxRowsPerSheet;
    startSheet();
  }

  /** A table whose {@code plannedRows} data rows are known: all its sheets are created now. */
  TableSheets(
      Workbook workbook,
      Styles styles,
      String baseName,
      List<String> headers,
      List<Kind> kinds,
      int maxRowsPerSheet,
      long plannedRows) {
    this(workbook, styles, baseName, headers, kinds, maxRowsPerSheet);
    int sheets = sheetsNeeded(plannedRows, maxRowsPerSheet);
    Sheet first = sheet;
    int[] firstWidths = widths;
    for (int i = 1; i < sheets; i++) {
      startSheet();
      planned.add(sheet);
      plannedWidths.add(widths);
    }
    sheet = first;
    widths = firstWidths;
  }

  /** The name of the {@code index}-th (0-based) sheet of a table. */
  static String sheetName(String baseName, int index) {
    return index == 0 ? baseName : baseName + "-" + (index + 1);
  }

  /** How many sheets {@code dataRows} rows need with a header on each. */
  static int sheetsNeeded(long dataRows, int maxRowsPerSheet) {
    long perSheet = maxRowsPerSheet - 1L;
    return (int) Math.max(1, (dataRows + perSheet - 1) / perSheet);
  }

  /** Appends a row; each value is a String, a BigDecimal (money), a Number (integer) or null. */
  void add(Object... values) {
    if (values.length != headers.size()) {
      throw new IllegalArgumentException(
          baseName + ": " + values.length + " values for " + headers.size() + " columns");
    }
    if (nextRow >= maxRowsPerSheet) {
      finishSheet();
      nextSheet();
    }
    Row row = sheet.createRow(nextRow++);
    for (int c = 0; c < values.length; c++) {
      Object v = values[c];
      int w =
          switch (kinds.get(c)) {
            case TEXT -> Cells.text(row, c, (String) v, styles.text);
            case WRAPPED -> Cells.wrapped(row, c, (String) v, styles.wrapped);
            case MONEY -> Cells.money(row, c, (BigDecimal) v, styles.money);
            case INTEGER -> Cells.integer(row, c, (Number) v, styles.integer);
          };
      widths[c] = Math.max(widths[c], w);
    }
  }

  /** Finishes the last sheet and returns the names of all sheets written. */
  List<String> finish() {
    finishSheet();
    while (!planned.isEmpty()) {
      nextSheet();
      finishSheet();
    }
    return List.copyOf(sheetNames);
  }

  private void nextSheet() {
    if (planned.isEmpty()) {
      startSheet();
    } else {
      sheet = planned.remove(0);
      widths = plannedWidths.remove(0);
      nextRow = 1;
    }
  }

  private void startSheet() {
    String name = sheetName(baseName, sheetNames.size());
    sheet = workbook.createSheet(name);
    sheetNames.add(name);
    widths = new int[headers.size()];
    Row header = sheet.createRow(0);
    for (int c = 0; c < headers.size(); c++) {
      widths[c] = Cells.text(header, c, headers.get(c), styles.header);
    }
    sheet.createFreezePane(0, 1);
    PrintLayout.table(sheet, 1);
    nextRow = 1;
  }

  private void finishSheet() {
    sheet.setAutoFilter(new CellRangeAddress(0, nextRow - 1, 0, headers.size() - 1));
    Cells.setWidths(sheet, widths);
  }
}
