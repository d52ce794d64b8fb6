package cn.ipsubsidy.domain;

/**
 * A cell that could not be read as the contract requires. {@code column} is the header as written
 * in the file followed by the column letter, e.g. "数量 (F)"; {@code cellText} is the cell as the
 * clerk sees it.
 */
public record CellProblem(
    String sheet, int row, String column, String cellText, Bilingual reason) {}
