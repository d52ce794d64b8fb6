package cn.ipsubsidy.engine;

/**
 * What an annual cap counts for within a budget year: an entity under a cap group. It is not a
 * column of its own (the ledger stores the entity and {@code annual_group}), but the engine, the
 * ledger's own check and the reconciliation count by it, in the form {@code entity|group}.
 *
 * <p>{@link #stored()} is the only format and {@link #parse} the only reading (pinned by {@code
 * CapKeysGoldenTest}).
 */
public record AnnualCapKey(String entityId, String group) {
  /** Reads {@code entity|group}: the entity is before the first "|" (an entity id has none). */
  public static AnnualCapKey parse(String stored) {
    int bar = stored.indexOf('|');
    if (bar < 0) {
      throw new IllegalArgumentException("not an annual cap key: " + stored);
    }
    return new AnnualCapKey(stored.substring(0, bar), stored.substring(bar + 1));
  }

  public String stored() {
    return entityId + "|" + group;
  }

  /** The stored form, so that a key concatenated into a text reads as it is stored. */
  @Override
  public String toString() {
    return stored();
  }
}
