package cn.ipsubsidy.domain;

import java.util.List;

/**
 * A data row of the claims file: the claim as far as it could be read, and every cell problem
 * found. A row with problems is never paid; it still appears in the payout workbook so nothing is
 * lost.
 *
 * @param inputIndex 0-based position among the data rows, the order of the 明细 sheet
 */
public record ClaimRow(
    int inputIndex, SourceLocation location, Claim claim, List<CellProblem> problems) {
  public ClaimRow {
    problems = List.copyOf(problems);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }
}
