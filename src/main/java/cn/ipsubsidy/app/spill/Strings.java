package cn.ipsubsidy.app.spill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded dictionary of strings that repeat across records (step names, rules, citations,
 * districts, entities): written once as an id, read back as the same {@link String} instance. It
 * lives in memory while the spill file does, and is capped so it never grows with the rows.
 */
final class Strings {
  /** At most this many strings are shared; later ones are written in full. */
  static final int MAX_ENTRIES = 1 << 16;

  /** Longer strings are always written in full (they rarely repeat). */
  static final int MAX_LENGTH = 80;

  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> values = new ArrayList<>();

  /** The id of {@code s}, adding it when there is room; -1 when it is not shared. */
  int idOf(String s) {
    if (s.length() > MAX_LENGTH) {
      return -1;
    }
    Integer id = ids.get(s);
    if (id != null) {
      return id;
    }
    if (values.size() >= MAX_ENTRIES) {
      return -1;
    }
    int next = values.size();
    ids.put(s, next);
    values.add(s);
    return next;
  }

  String value(int id) {
    return values.get(id);
  }
}
