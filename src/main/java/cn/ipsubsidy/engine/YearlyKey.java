package cn.ipsubsidy.engine;

/**
 * The key of an award paid once per entity, clause and budget year (lyg-2021 12b, 12c; revision 2).
 * Not stored: the ledger has the entity, clause code and period of each entry; the explanation
 * shows it as {@code entity|clause|year}.
 */
record YearlyKey(String entityId, String clause, int year) {
  @Override
  public String toString() {
    return entityId + "|" + clause + "|" + year;
  }
}
