package cn.ipsubsidy.domain;

/**
 * Where a claim row came from: the file name, the sheet (the file name again for CSV) and the row
 * number as the clerk sees it in Excel (1-based, counting title and header rows).
 */
public record SourceLocation(String file, String sheet, int row) {}
