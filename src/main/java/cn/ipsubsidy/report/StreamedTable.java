package cn.ipsubsidy.report;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One table of the payout workbook (明细, 主体, 审计, 问题) written row by row, as {@link TableSheets}
 * writes it, without SXSSF: its sheets are made in the {@link XSSFWorkbook} without rows (header
 * frozen, filter, print layout, and at the end the column widths, all from POI), while the rows go
 * straight into SpreadsheetML, the same elements SXSSF writes (inline strings, the same styles,
 * numbers and row heights), deflated on a thread of the table's own ({@link SheetDeflater}). {@link
 * StreamedPackage} then puts the rows into the sheets POI writes.
 *
 * <p>A bold, frozen, filtered header, printed atop every page ({@link PrintLayout#table}); long
 * text ({@link TableSheets.Kind#WRAPPED}) wraps within its column. When a sheet is full the table
 * continues on {@code <name>-2}, {@code <name>-3}, … with the header repeated. All the sheets the
 * planned rows need are made at once, so that several tables can be written side by side (one pass
 * over the lines) and their sheets still stand in table order.
 */
final class StreamedTable implements Closeable {
  /** A worksheet of the table: the POI sheet, and its rows once written. */
  static final class Part {
    final XSSFSheet sheet;
    final int[] widths;
    SheetDeflater.Body body;

    Part(XSSFSheet sheet, int[] widths) {
      this.sheet = sheet;
      this.widths = widths;
    }
  }

  private final XSSFWorkbook workbook;
  private final String baseName;
  private final List<String> headers;
  private final List<TableSheets.Kind> kinds;
  private final int maxRowsPerSheet;
  private final List<Part> parts = new ArrayList<>();
  private final List<Path> files;
  private final SheetDeflater deflater;
  private final String[] columns;
  private final String headerStyle;
  private final String[] styles;
  private final String[] texts;
  private final double[] numbers;

  private int current;
  private int nextRow;
  private boolean started;
  private float defaultRowPoints;

  // the chunk being filled
  private byte[] buf;
  private int pos;

  /**
   * @param files where the temporary files made are listed, for the caller to delete
   */
  StreamedTable(
      XSSFWorkbook workbook,
      Styles styles,
      String baseName,
      List<String> headers,
      List<TableSheets.Kind> kinds,
      int maxRowsPerSheet,
      long plannedRows,
      List<Path> files) {
    if (headers.size() != kinds.size()) {
      throw new IllegalArgumentException("headers and kinds differ in size");
    }
    this.workbook = workbook;
    this.baseName = baseName;
    this.headers = List.copyOf(headers);
    this.kinds = List.copyOf(kinds);
    this.maxRowsPerSheet = maxRowsPerSheet;
    this.files = files;
    int n = headers.size();
    columns = new String[n];
    this.styles = new String[n];
    for (int c = 0; c < n; c++) {
      columns[c] = CellReference.convertNumToColString(c);
      this.styles[c] =
          styleAttribute(
              switch (kinds.get(c)) {
                case TEXT -> styles.text;
                case WRAPPED -> styles.wrapped;
                case MONEY -> styles.money;
                case INTEGER -> styles.integer;
              });
    }
    headerStyle = styleAttribute(styles.header);
    texts = new String[n];
    numbers = new double[n];
    int sheets = TableSheets.sheetsNeeded(plannedRows, maxRowsPerSheet);
    for (int i = 0; i < sheets; i++) {
      addSheet();
    }
    deflater = new SheetDeflater(baseName);
  }

  /** The table's worksheets, in order. */
  List<Part> parts() {
    return parts;
  }

  /** Appends a row; each value is a String, a BigDecimal (money), a Number (integer) or null. */
  void add(Object... values) throws IOException {
    if (values.length != headers.size()) {
      throw new IllegalArgumentException(
          baseName + ": " + values.length + " values for " + headers.size() + " columns");
    }
    if (!started) {
      startSheet();
    } else if (nextRow >= maxRowsPerSheet) {
      finishSheet();
      current++;
      startSheet();
    }
    int[] widths = parts.get(current).widths;
    short height = -1; // as SXSSFRow keeps it, in twips; -1: the sheet's default
    for (int c = 0; c < values.length; c++) {
      Object v = values[c];
      int w = 0;
      texts[c] = null;
      switch (kinds.get(c)) {
        case TEXT -> {
          texts[c] = Cells.safeText((String) v);
          w = texts[c] == null ? 0 : Cells.displayWidth(texts[c], Cells.MAX_WIDTH_CHARS);
        }
        case WRAPPED -> {
          texts[c] = Cells.safeText((String) v);
          if (texts[c] != null) {
            w = Cells.displayWidth(texts[c], Cells.MAX_WIDTH_CHARS);
            // as Cells.wrapped on an SXSSFRow: its height in points, kept in twips as a short
            float lines = Cells.lines((String) v, Cells.WRAP_WIDTH) * Cells.LINE_POINTS;
            float now = height == -1 ? defaultRowPoints : (float) (height / 20.0d);
            if (lines > now) {
              height = (short) (lines * 20);
            }
            w = Math.min(w, Cells.WRAP_WIDTH);
          }
        }
        case MONEY -> {
          if (v != null) {
            numbers[c] = ((BigDecimal) v).doubleValue();
            w = Cells.moneyWidth((BigDecimal) v);
          }
        }
        case INTEGER -> {
          if (v != null) {
            numbers[c] = ((Number) v).longValue();
            w = Cells.displayWidth(v.toString());
          }
        }
      }
      widths[c] = Math.max(widths[c], w);
    }
    int r = nextRow++;
    beginRow(r, height);
    for (int c = 0; c < values.length; c++) {
      if (texts[c] != null) {
        textCell(r, c, styles[c], texts[c]);
      } else if (values[c] != null
          && (kinds.get(c) == TableSheets.Kind.MONEY || kinds.get(c) == TableSheets.Kind.INTEGER)) {
        numberCell(r, c, styles[c], numbers[c]);
      }
    }
    ascii("</row>\n");
  }

  /** Ends the last sheet, writes the planned ones left empty, and waits for the deflater. */
  void finish() throws IOException {
    if (!started) {
      startSheet();
    }
    finishSheet();
    while (current + 1 < parts.size()) {
      current++;
      startSheet();
      finishSheet();
    }
    deflater.finish();
  }

  @Override
  public void close() {
    deflater.close();
  }

  private void addSheet() {
    String name = TableSheets.sheetName(baseName, parts.size());
    XSSFSheet sheet = workbook.createSheet(name);
    int[] widths = new int[headers.size()];
    for (int c = 0; c < headers.size(); c++) {
      String h = Cells.safeText(headers.get(c));
      widths[c] = h == null ? 0 : Cells.displayWidth(h, Cells.MAX_WIDTH_CHARS);
    }
    sheet.createFreezePane(0, 1);
    PrintLayout.table(sheet, 1);
    parts.add(new Part(sheet, widths));
  }

  /** Makes {@code parts[current]} the sheet written to, beyond the planned ones if need be. */
  private void startSheet() throws IOException {
    if (current == parts.size()) {
      addSheet();
    }
    started = true;
    Part part = parts.get(current);
    defaultRowPoints = part.sheet.getDefaultRowHeightInPoints();
    Path file = TempFile.createTempFile("ipsubsidy-sheet", ".deflate").toPath();
    files.add(file);
    part.body = new SheetDeflater.Body(file);
    deflater.begin(part.body);
    buf = deflater.buffer();
    pos = 0;
    beginRow(0, (short) -1);
    for (int c = 0; c < headers.size(); c++) {
      String h = Cells.safeText(headers.get(c));
      if (h != null) {
        textCell(0, c, headerStyle, h);
      }
    }
    ascii("</row>\n");
    nextRow = 1;
  }

  private void finishSheet() {
    Part part = parts.get(current);
    int lastColumn = headers.size() - 1;
    part.sheet.setAutoFilter(new CellRangeAddress(0, nextRow - 1, 0, lastColumn));
    Cells.setWidths(part.sheet, part.widths);
    // what SXSSF derives from the cells it wrote: the header spans every column
    part.sheet.setDimensionOverride(new CellRangeAddress(0, nextRow - 1, 0, lastColumn));
    if (pos > 0) {
      deflater.write(buf, pos);
    } else {
      // an unused chunk goes back through an empty write
      deflater.write(buf, 0);
    }
    buf = null;
    deflater.end(part.body);
  }

  // SpreadsheetML, as org.apache.poi.xssf.streaming.SheetDataWriter writes it

  private static String styleAttribute(CellStyle style) {
    int index = style.getIndex() & 0xffff;
    return index == 0 ? "" : " s=\"" + index + "\"";
  }

  private void beginRow(int row, short height) throws IOException {
    ascii("<row r=\"");
    ascii(Integer.toString(row + 1));
    ascii("\"");
    if (height != -1) {
      ascii(" customHeight=\"1\" ht=\"");
      ascii(Float.toString((float) (height / 20.0d)));
      ascii("\"");
    }
    ascii(">\n");
  }

  private void textCell(int row, int col, String style, String text) throws IOException {
    cellStart(row, col, style);
    ascii(" t=\"inlineStr\"><is><t");
    if (Character.isWhitespace(text.charAt(0))
        || Character.isWhitespace(text.charAt(text.length() - 1))) {
      ascii(" xml:space=\"preserve\"");
    }
    ascii(">");
    escaped(text);
    ascii("</t></is></c>");
  }

  private void numberCell(int row, int col, String style, double value) throws IOException {
    cellStart(row, col, style);
    ascii(" t=\"n\"><v>");
    ascii(Double.toString(value));
    ascii("</v></c>");
  }

  private void cellStart(int row, int col, String style) throws IOException {
    ascii("<c r=\"");
    ascii(columns[col]);
    ascii(Integer.toString(row + 1));
    ascii("\"");
    ascii(style);
  }

  private void room(int bytes) throws IOException {
    if (pos + bytes > buf.length) {
      deflater.write(buf, pos);
      buf = deflater.buffer();
      pos = 0;
    }
  }

  /** Text of ASCII characters only (markup, numbers). */
  private void ascii(String s) throws IOException {
    int n = s.length();
    room(n);
    for (int i = 0; i < n; i++) {
      buf[pos++] = (byte) s.charAt(i);
    }
  }

  /**
   * Text escaped as SXSSF escapes it, in UTF-8: markup characters and line breaks, tabs and
   * no-break spaces as references, other control characters and the non-characters U+FFFE, U+FFFF
   * as {@code ?}, and so is a lone surrogate (as Java's UTF-8 encoder replaces it).
   */
  private void escaped(String s) throws IOException {
    int n = s.length();
    if (n * 6L > buf.length) { // the most a UTF-16 unit can take: "&quot;"
      escapedInParts(s);
      return;
    }
    room(n * 6);
    byte[] b = buf;
    int p = pos;
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      if (ch < 0x80) {
        switch (ch) {
          case '<' -> p = put(b, p, "&lt;");
          case '>' -> p = put(b, p, "&gt;");
          case '&' -> p = put(b, p, "&amp;");
          case '"' -> p = put(b, p, "&quot;");
          case '\n' -> p = put(b, p, "&#xa;");
          case '\r' -> p = put(b, p, "&#xd;");
          case '\t' -> p = put(b, p, "&#x9;");
          default -> b[p++] = ch < ' ' ? (byte) '?' : (byte) ch;
        }
      } else if (ch < 0x800) {
        if (ch == '\u00A0') {
          p = put(b, p, "&#xa0;");
        } else {
          b[p++] = (byte) (0xc0 | (ch >> 6));
          b[p++] = (byte) (0x80 | (ch & 0x3f));
        }
      } else if (Character.isHighSurrogate(ch)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(ch, s.charAt(++i));
        b[p++] = (byte) (0xf0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(ch) || ch >= '\uFFFE') {
        b[p++] = '?';
      } else {
        b[p++] = (byte) (0xe0 | (ch >> 12));
        b[p++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (ch & 0x3f));
      }
    }
    pos = p;
  }

  /** {@link #escaped} of a text longer than a chunk holds escaped, a piece at a time. */
  private void escapedInParts(String s) throws IOException {
    int piece = buf.length / 6 - 1;
    for (int i = 0; i < s.length(); ) {
      int end = Math.min(s.length(), i + piece);
      if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
        end--; // keep a pair together
      }
      escaped(s.substring(i, end));
      i = end;
    }
  }

  private static int put(byte[] b, int p, String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      b[p++] = (byte) ascii.charAt(i);
    }
    return p;
  }
}
