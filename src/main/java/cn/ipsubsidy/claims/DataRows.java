package cn.ipsubsidy.claims;

import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.SourceLocation;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rows under the header row: an empty row, a closing row (合计) or the header again is skipped
 * and counted; any other is parsed into a {@link ClaimRow} and handed to the sink, numbered in
 * input order.
 *
 * <p>Everything here belongs to the parse thread of {@link ParsingStage}: the counts, the {@link
 * RowParser}'s memory of claim ids, the sink. The reader's thread reads the counts only after that
 * thread has ended.
 */
final class DataRows implements ParsingStage.Rows {
  private final String fileName;
  private final String sheet;
  private final Map<ClaimColumn, RowParser.Binding> bindings;
  private final RowParser parser;
  private final Consumer<ClaimRow> sink;
  private int dataRows;
  private int skippedRows;

  DataRows(
      String fileName,
      String sheet,
      boolean date1904,
      Map<ClaimColumn, RowParser.Binding> bindings,
      Consumer<ClaimRow> sink) {
    this.fileName = fileName;
    this.sheet = sheet;
    this.bindings = bindings;
    this.parser = new RowParser(sheet, date1904, bindings);
    this.sink = sink;
  }

  int dataRows() {
    return dataRows;
  }

  int skippedRows() {
    return skippedRows;
  }

  @Override
  public void row(int rowNumber, Map<Integer, RawCell> cells) {
    boolean anyBound = false;
    for (RowParser.Binding b : bindings.values()) {
      RawCell c = cells.get(b.index());
      if (c != null && !c.isBlank()) {
        anyBound = true;
        break;
      }
    }
    if (!anyBound) {
      for (RawCell c : cells.values()) {
        if (!c.isBlank()) {
          skippedRows++;
          break;
        }
      }
      return;
    }
    RawCell id = cells.get(bindings.get(ClaimColumn.CLAIM_ID).index());
    if (id != null && id.kind() == RawCell.Kind.TEXT && TableScanner.isClosingRow(id.text())) {
      skippedRows++;
      return;
    }
    if (isRepeatedHeader(id, cells)) {
      skippedRows++;
      return;
    }
    RowParser.Result r = parser.parse(rowNumber, cells);
    ClaimRow row =
        new ClaimRow(
            dataRows, new SourceLocation(fileName, sheet, rowNumber), r.claim(), r.problems());
    dataRows++;
    try {
      sink.accept(row);
    } catch (RuntimeException e) {
      throw new SinkFailure(e);
    }
  }

  /**
   * A header row again among the data: an English header under the Chinese one (bilingual
   * templates), or the header of a second block pasted below the first. Its 申报编号 cell is a column
   * name and it names at least {@value TableScanner#MIN_KNOWN_HEADERS} columns; no claim looks so.
   */
  private static boolean isRepeatedHeader(RawCell id, Map<Integer, RawCell> cells) {
    if (id == null
        || id.kind() != RawCell.Kind.TEXT
        || HeaderNames.match(id.text()).orElse(null) != ClaimColumn.CLAIM_ID) {
      return false;
    }
    return TableScanner.knownNames(cells).size() >= TableScanner.MIN_KNOWN_HEADERS;
  }
}
