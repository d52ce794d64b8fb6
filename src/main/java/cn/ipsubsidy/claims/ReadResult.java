package cn.ipsubsidy.claims;

import java.util.List;
import java.util.Map;

/**
 * What {@link ClaimsFiles#read} found besides the rows.
 *
 * @param sheet the sheet read; the file name for CSV
 * @param headerRow the 1-based row number of the header row
 * @param columns contract English name (claim_id, …) → header text as found, in file column order
 * @param unknownColumns header texts that name no contract column, in file order (ignored)
 * @param dataRows rows handed to the sink
 * @param skippedRows closing 合计/总计/小计 rows, and rows with text only in unknown columns; wholly
 *     blank rows are not counted
 * @param format "xlsx", "xls", or "csv " plus the encoding ("csv UTF-8", "csv UTF-8 BOM", "csv
 *     GB18030", "csv UTF-16LE BOM")
 */
public record ReadResult(
    String sheet,
    int headerRow,
    Map<String, String> columns,
    List<String> unknownColumns,
    int dataRows,
    int skippedRows,
    String format) {
  public ReadResult {
    columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    unknownColumns = List.copyOf(unknownColumns);
  }
}
