package cn.ipsubsidy.report;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
  // the markup around each column's cells: "<c r=\"B" before the row number, and after it the
  // style and type up to the value, for a text cell and for a number cell
  private final byte[][] cellOpen;
  private final byte[][] textType;
  private final byte[][] numberType;
  private final byte[] headerTextType;

  // a cache of lines a column: the strings, by identity, and the lines each takes
  private static final int LINES_CACHE = 512;
  private final String[][] linesOf;
  private final int[][] linesCount;
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
    cellOpen = new byte[n][];
    textType = new byte[n][];
    numberType = new byte[n][];
    for (int c = 0; c < n; c++) {
      cellOpen[c] = bytes("<c r=\"" + CellReference.convertNumToColString(c));
      String style =
          styleAttribute(
              switch (kinds.get(c)) {
                case TEXT -> styles.text;
                case WRAPPED -> styles.wrapped;
                case MONEY -> styles.money;
                case INTEGER -> styles.integer;
              });
      textType[c] = bytes("\"" + style + TEXT_TYPE);
      numberType[c] = bytes("\"" + style + NUMBER_TYPE);
    }
    linesOf = new String[n][];
    linesCount = new int[n][];
    for (int c = 0; c < n; c++) {
      boolean wrapped = kinds.get(c) == TableSheets.Kind.WRAPPED;
      linesOf[c] = wrapped ? new String[LINES_CACHE] : null;
      linesCount[c] = wrapped ? new int[LINES_CACHE] : null;
    }
    headerTextType = bytes("\"" + styleAttribute(styles.header) + TEXT_TYPE);
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
          // counted up to 60 cells, it can end in a wide character: at most 62
          w = width(texts[c], widths[c], Cells.MAX_WIDTH_CHARS + 2);
        }
        case WRAPPED -> {
          texts[c] = Cells.safeText((String) v);
          if (texts[c] != null) {
            w = width(texts[c], widths[c], Cells.WRAP_WIDTH);
            // as Cells.wrapped on an SXSSFRow: its height in points, kept in twips as a short
            float lines = lines(c, (String) v) * Cells.LINE_POINTS;
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
        textCell(c, textType[c], texts[c]);
      } else if (values[c] != null
          && (kinds.get(c) == TableSheets.Kind.MONEY || kinds.get(c) == TableSheets.Kind.INTEGER)) {
        numberCell(c, numbers[c]);
      }
    }
    room(MARKUP);
    put(ROW_END);
  }

  /**
   * {@link Cells#lines} of {@code text} in column {@code col} of {@link Cells#WRAP_WIDTH}, from the
   * column's cache when the same string was measured there before: many texts of a table are one
   * string for many rows (the trace's rules and results, as the line spill shares them).
   */
  private int lines(int col, String text) {
    int slot = System.identityHashCode(text) & (LINES_CACHE - 1);
    String[] keys = linesOf[col];
    if (keys[slot] == text) {
      return linesCount[col][slot];
    }
    int n = Cells.lines(text, Cells.WRAP_WIDTH);
    keys[slot] = text;
    linesCount[col][slot] = n;
    return n;
  }

  /**
   * {@link Cells#displayWidth(String, int)} of {@code text} up to {@value Cells#MAX_WIDTH_CHARS}
   * where that could widen a column now {@code widest} wide, else 0: not where the column is {@code
   * cap} wide already (the most its caller takes), nor where the text is too short, a character (or
   * a surrogate pair) being at most two cells wide.
   */
  private static int width(String text, int widest, int cap) {
    if (text == null || widest >= cap || 2L * text.length() <= widest) {
      return 0;
    }
    return Cells.displayWidth(text, Cells.MAX_WIDTH_CHARS);
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
        textCell(c, headerTextType, h);
      }
    }
    room(MARKUP);
    put(ROW_END);
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

  private static final String TEXT_TYPE = " t=\"inlineStr\"><is><t";
  private static final String NUMBER_TYPE = " t=\"n\"><v>";
  private static final byte[] ROW_OPEN = bytes("<row r=\"");
  private static final byte[] ROW_HEIGHT = bytes("\" customHeight=\"1\" ht=\"");
  private static final byte[] ROW_END = bytes("</row>\n");
  private static final byte[] PRESERVE = bytes(" xml:space=\"preserve\"");
  private static final byte[] TEXT_END = bytes("</t></is></c>");
  private static final byte[] NUMBER_END = bytes("</v></c>");

  /** The most a cell's markup takes besides its value. */
  private static final int MARKUP = 64;

  // the row being written: its number, in digits, for each cell's reference
  private final byte[] rowDigits = new byte[10];
  private int rowDigitsLength;

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }

  private static String styleAttribute(CellStyle style) {
    int index = style.getIndex() & 0xffff;
    return index == 0 ? "" : " s=\"" + index + "\"";
  }

  private void beginRow(int row, short height) throws IOException {
    int number = row + 1;
    int n = 0;
    do {
      rowDigits[n++] = (byte) ('0' + number % 10);
      number /= 10;
    } while (number > 0);
    for (int i = 0, j = n - 1; i < j; i++, j--) {
      byte t = rowDigits[i];
      rowDigits[i] = rowDigits[j];
      rowDigits[j] = t;
    }
    rowDigitsLength = n;
    String points = height == -1 ? null : Float.toString((float) (height / 20.0d));
    room(MARKUP + (points == null ? 0 : points.length()));
    put(ROW_OPEN);
    System.arraycopy(rowDigits, 0, buf, pos, n);
    pos += n;
    if (points != null) {
      put(ROW_HEIGHT);
      putAscii(points);
    }
    buf[pos++] = '"';
    buf[pos++] = '>';
    buf[pos++] = '\n';
  }

  /** A text cell of column {@code col}, of the row begun last; {@code type}: its style, type. */
  private void textCell(int col, byte[] type, String text) throws IOException {
    cellStart(col, type);
    if (Character.isWhitespace(text.charAt(0))
        || Character.isWhitespace(text.charAt(text.length() - 1))) {
      put(PRESERVE);
    }
    buf[pos++] = '>';
    escaped(text);
    room(MARKUP);
    put(TEXT_END);
  }

  private void numberCell(int col, double value) throws IOException {
    cellStart(col, numberType[col]);
    ascii(Double.toString(value));
    room(MARKUP);
    put(NUMBER_END);
  }

  /** {@code <c r="B12"} and the rest of {@code type}, with room for {@link #MARKUP} more bytes. */
  private void cellStart(int col, byte[] type) throws IOException {
    room(cellOpen[col].length + rowDigitsLength + type.length + MARKUP);
    put(cellOpen[col]);
    System.arraycopy(rowDigits, 0, buf, pos, rowDigitsLength);
    pos += rowDigitsLength;
    put(type);
  }

  /** Copies {@code markup} in; the caller has made {@link #room} for it. */
  private void put(byte[] markup) {
    System.arraycopy(markup, 0, buf, pos, markup.length);
    pos += markup.length;
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
    room(s.length());
    putAscii(s);
  }

  /** {@link #ascii} where the caller has made room. */
  private void putAscii(String s) {
    int n = s.length();
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
