package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.policy.ClauseCode;
import java.util.List;

/**
 * The key of a one-time award, as the ledger stores it in {@code one_time_key}: {@code
 * entity|clause|level} (the level empty where the clause does not pay by level), and for a clause
 * once per entity and reference (lyg-2021 5a, revision 2) {@code |} and the claim's references in
 * their canonical form joined by ";".
 *
 * <p>{@link #stored()} is the only format and {@link #parse} the only reading; a text that does not
 * read back to itself is refused rather than read as another key (pinned by {@code
 * CapKeysGoldenTest}).
 *
 * @param level the level the award counts at ({@link CapKeys#oneTimeLevel}), or null
 * @param references the references of an award once per entity and reference, else null
 */
public record OneTimeKey(String entityId, ClauseCode clause, Level level, List<String> references) {
  public OneTimeKey {
    references = references == null ? null : List.copyOf(references);
  }

  /** The key of a one-time award: entity, clause and level. */
  public static OneTimeKey of(String entityId, ClauseCode clause, Level level) {
    return new OneTimeKey(entityId, clause, level, null);
  }

  /** The key a {@code one_time_key} column holds; null for null (a clause that is not one-time). */
  public static OneTimeKey parse(String stored) {
    if (stored == null) {
      return null;
    }
    String[] parts = stored.split("\\|", 4);
    if (parts.length < 3) {
      throw new IllegalArgumentException("not a one-time key: " + stored);
    }
    OneTimeKey key =
        new OneTimeKey(
            parts[0],
            ClauseCode.of(parts[1]),
            parts[2].isEmpty() ? null : Level.valueOf(parts[2]),
            parts.length == 4 ? List.of(parts[3].split(";", -1)) : null);
    if (!key.stored().equals(stored)) {
      throw new IllegalArgumentException("not a one-time key as stored: " + stored);
    }
    return key;
  }

  /**
   * The form stored in {@code one_time_key} and shown in the explanation; the references are
   * appended only for an award once per entity and reference, so every other key keeps the form it
   * had before revision 2.
   */
  public String stored() {
    String base = entityId + "|" + clause + "|" + (level == null ? "" : level.name());
    return references == null ? base : base + "|" + String.join(";", references);
  }

  /** The stored form, so that a key concatenated into a text reads as it is stored. */
  @Override
  public String toString() {
    return stored();
  }
}
