package cn.ipsubsidy.claims;

import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.SourceLocation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.poi.ss.util.CellReference;

/**
 * The format-independent part of reading: the format readers hand it sheets and rows in order; it
 * finds the header row and binds the columns on the reader's thread, then hands each row below it
 * to {@link DataRows} on the parse thread of a {@link ParsingStage}, which skips empty and closing
 * rows and hands each data row, parsed, to the sink. A format reader reads its rows inside {@link
 * #rows}, so that what it throws is what reading on one thread threw.
 */
final class TableScanner {
  /** The header row must be within the first 20 rows of a sheet. */
  static final int HEADER_SEARCH_ROWS = 20;

  /** The header row carries at least 3 known column names. */
  static final int MIN_KNOWN_HEADERS = 3;

  private static final Set<String> CLOSING_ROWS = Set.of("合计", "总计", "小计");

  private final String file;
  private final String fileName;
  private final Consumer<ClaimRow> sink;
  private boolean date1904;

  private String sheet;
  private final List<String> searchedSheets = new ArrayList<>();
  private int bestCount;
  private String bestSheet;
  private int bestRow;

  /** A header row that lacks required columns: thrown at the next row, which may explain it. */
  private PendingHeader pending;

  private record PendingHeader(int row, List<ClaimColumn> missing, ClaimsFileException failure) {}

  /** Once the header is found: the rows below it, and the thread that parses them. */
  private DataRows dataRows;

  private ParsingStage stage;
  private int headerRow;
  private final Map<String, String> columns = new LinkedHashMap<>();
  private final List<String> unknownColumns = new ArrayList<>();

  /**
   * @param file the file as given, for messages
   * @param fileName the file's name, for {@link SourceLocation}
   */
  TableScanner(String file, String fileName, Consumer<ClaimRow> sink) {
    this.file = file;
    this.fileName = fileName;
    this.sink = sink;
  }

  String file() {
    return file;
  }

  String fileName() {
    return fileName;
  }

  /** The sheet being read, or null before the first. */
  String sheet() {
    return sheet;
  }

  void date1904(boolean value) {
    this.date1904 = value;
  }

  void startSheet(String name) {
    throwPending();
    if (stage != null) {
      throw new IllegalStateException("header already found in " + sheet);
    }
    sheet = name;
    searchedSheets.add(name);
  }

  boolean headerFound() {
    return stage != null;
  }

  /** What a format reader does from its first row to its last; see {@link #rows}. */
  interface Rows<E extends Exception> {
    void read() throws E;
  }

  /**
   * Runs {@code body}, the format reader's reading of rows, so that it fails as reading on one
   * thread did: when it ends, normally or not, every row handed to the parse thread is parsed
   * first, and the failure of a row there is what it throws. That row came before whatever stopped
   * the reader, which reads on ahead of the parsing. Format readers call it inside the try whose
   * catch clauses translate the failures of their rows, so a row's failure is translated as it was
   * when the row was parsed inside {@link #row}.
   */
  <E extends Exception> void rows(Rows<E> body) throws E {
    try {
      body.read();
    } catch (Throwable readerStopped) {
      finishRows();
      throw readerStopped;
    }
    finishRows();
  }

  /** Parses the rows handed over; throws the first failure among them. */
  private void finishRows() {
    if (stage != null) {
      stage.finish();
    }
  }

  /** After reading, read or failed: the parse thread has ended when this returns. */
  void close() {
    if (stage != null) {
      stage.close();
    }
  }

  /**
   * One row of the current sheet, rows in ascending order (blank rows may be left out).
   *
   * @param cells column index (0-based) → cell; blank cells may be left out
   * @return false when the reader may stop reading this sheet (no header in the first 20 rows)
   */
  boolean row(int rowNumber, Map<Integer, RawCell> cells) {
    if (pending != null) {
      secondHeaderRow(rowNumber, cells);
    }
    if (stage == null) {
      if (rowNumber > HEADER_SEARCH_ROWS) {
        return false;
      }
      tryHeader(rowNumber, cells);
      return true;
    }
    stage.add(rowNumber, cells);
    return true;
  }

  private void tryHeader(int rowNumber, Map<Integer, RawCell> cells) {
    TreeMap<Integer, RawCell> sorted = new TreeMap<>(cells);
    int known = 0;
    for (RawCell c : sorted.values()) {
      if (!c.isBlank() && HeaderNames.match(c.display()).isPresent()) {
        known++;
      }
    }
    if (known > bestCount) {
      bestCount = known;
      bestSheet = sheet;
      bestRow = rowNumber;
    }
    if (known < MIN_KNOWN_HEADERS) {
      return;
    }
    Map<ClaimColumn, RowParser.Binding> bound = new EnumMap<>(ClaimColumn.class);
    for (Map.Entry<Integer, RawCell> e : sorted.entrySet()) {
      RawCell c = e.getValue();
      if (c.isBlank() || c.display() == null) {
        continue;
      }
      String header = Text.oneLine(c.display());
      Optional<ClaimColumn> col = HeaderNames.match(header);
      if (col.isEmpty()) {
        unknownColumns.add(header);
        continue;
      }
      RowParser.Binding previous = bound.get(col.get());
      if (previous != null) {
        String a = CellReference.convertNumToColString(previous.index());
        String b = CellReference.convertNumToColString(e.getKey());
        throw ClaimsFileException.at(
            file,
            sheet,
            rowNumber,
            "列“"
                + col.get().zh()
                + "”出现了两次："
                + a
                + " 列“"
                + previous.header()
                + "”和 "
                + b
                + " 列“"
                + header
                + "”",
            "column "
                + col.get().label()
                + " is named twice: column "
                + a
                + " \""
                + previous.header()
                + "\" and column "
                + b
                + " \""
                + header
                + "\"",
            null);
      }
      bound.put(col.get(), new RowParser.Binding(col.get(), e.getKey(), header));
    }
    List<ClaimColumn> missing = new ArrayList<>();
    for (ClaimColumn c : ClaimColumn.values()) {
      if (c.required() && !bound.containsKey(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      // Thrown when the next row comes (or the sheet ends): a second header row below this one
      // gets a message that says so.
      pending =
          new PendingHeader(
              rowNumber,
              missing,
              ClaimsFileException.at(
                  file,
                  sheet,
                  rowNumber,
                  "表头缺少必填列：" + zhList(missing),
                  "the header row lacks required column"
                      + (missing.size() > 1 ? "s" : "")
                      + ": "
                      + enList(missing),
                  null));
      return;
    }
    bound.values().stream()
        .sorted(java.util.Comparator.comparingInt(RowParser.Binding::index))
        .forEach(b -> columns.put(b.column().en(), b.header()));
    headerRow = rowNumber;
    dataRows = new DataRows(fileName, sheet, date1904, bound, sink);
    stage = ParsingStage.start(dataRows);
  }

  /** The contract columns that the cells of a row name, in column order. */
  static List<ClaimColumn> knownNames(Map<Integer, RawCell> cells) {
    List<ClaimColumn> named = new ArrayList<>();
    for (RawCell c : new TreeMap<>(cells).values()) {
      if (c.kind() == RawCell.Kind.TEXT && !c.isBlank()) {
        HeaderNames.match(c.text()).filter(x -> !named.contains(x)).ifPresent(named::add);
      }
    }
    return named;
  }

  /**
   * The row after a header that lacks required columns: when it names some of them, the header
   * spans two rows (merged group cells above the column names, or names split over two lines).
   */
  private void secondHeaderRow(int rowNumber, Map<Integer, RawCell> cells) {
    PendingHeader p = pending;
    List<ClaimColumn> found = new ArrayList<>(knownNames(cells));
    found.retainAll(p.missing());
    if (found.isEmpty()) {
      throwPending();
    }
    pending = null;
    throw ClaimsFileException.at(
        file,
        sheet,
        p.row(),
        "表头缺少必填列："
            + zhList(p.missing())
            + "；而下一行（第 "
            + rowNumber
            + " 行）写有 "
            + zhList(found)
            + "：表头只能占一行（可能是合并单元格或两行表头），请把表头合并为一行后再试",
        "the header row lacks required column"
            + (p.missing().size() > 1 ? "s" : "")
            + ": "
            + enList(p.missing())
            + "; the next row (row "
            + rowNumber
            + ") names "
            + enList(found)
            + ": the header must be a single row (merged cells or a two-row header?); put all"
            + " column names in one row and retry",
        null);
  }

  private void throwPending() {
    if (pending != null) {
      ClaimsFileException e = pending.failure();
      pending = null;
      throw e;
    }
  }

  private static String zhList(List<ClaimColumn> cols) {
    return cols.stream().map(ClaimColumn::zh).collect(Collectors.joining("、"));
  }

  private static String enList(List<ClaimColumn> cols) {
    return cols.stream().map(ClaimColumn::label).collect(Collectors.joining(", "));
  }

  static boolean isClosingRow(String claimIdText) {
    String t = Text.halfWidth(Text.removeBlanks(claimIdText));
    while (t.endsWith(":")) {
      t = t.substring(0, t.length() - 1);
    }
    return CLOSING_ROWS.contains(t);
  }

  /** After the last sheet: the result, or the "no header row" error. */
  ReadResult result(String format) {
    throwPending();
    if (stage == null) {
      throw noHeader();
    }
    finishRows();
    return new ReadResult(
        sheet,
        headerRow,
        columns,
        unknownColumns,
        dataRows.dataRows(),
        dataRows.skippedRows(),
        format);
  }

  private ClaimsFileException noHeader() {
    String sheets = String.join("、", searchedSheets);
    String sheetsEn =
        searchedSheets.stream().map(s -> '"' + s + '"').collect(Collectors.joining(", "));
    String closestZh = "";
    String closestEn = "";
    if (bestCount > 0) {
      closestZh = "；最接近的是工作表“" + bestSheet + "”第 " + bestRow + " 行，只认出 " + bestCount + " 个列名";
      closestEn =
          "; the closest was row "
              + bestRow
              + " of sheet \""
              + bestSheet
              + "\" with "
              + bestCount
              + " known column name"
              + (bestCount > 1 ? "s" : "");
    }
    return ClaimsFileException.at(
        file,
        "前 "
            + HEADER_SEARCH_ROWS
            + " 行中没有找到表头行（需至少 "
            + MIN_KNOWN_HEADERS
            + " 个已知列名，如 申报编号、主体代码、主体名称）；查找过的工作表："
            + (sheets.isEmpty() ? "无" : sheets)
            + closestZh,
        "no header row in the first "
            + HEADER_SEARCH_ROWS
            + " rows (it needs at least "
            + MIN_KNOWN_HEADERS
            + " known column names such as 申报编号/claim_id, 主体代码/entity_id, 主体名称/entity_name);"
            + " sheets searched: "
            + (sheetsEn.isEmpty() ? "none" : sheetsEn)
            + closestEn,
        null);
  }
}
