package cn.ipsubsidy.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** 凭证号: one cell may list several patent, registration, case or certificate numbers. */
public final class References {
  private static final Pattern SEPARATORS = Pattern.compile("[;；,，\r\n\u2028\u2029]+");

  private References() {}

  /** Splits on ; ； , ， and line breaks, trims each part and drops empty parts. */
  public static List<String> split(String cell) {
    List<String> out = new ArrayList<>();
    if (cell == null) {
      return out;
    }
    for (String part : SEPARATORS.split(cell)) {
      String p = Text.trim(part);
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The references listed more than once (compared without whitespace, folded to half width and
   * upper case), each as first written.
   */
  public static Set<String> duplicates(List<String> refs) {
    Map<String, String> seen = new LinkedHashMap<>();
    Set<String> dups = new LinkedHashSet<>();
    for (String r : refs) {
      String key = EntityIds.normalise(r);
      String first = seen.putIfAbsent(key, r);
      if (first != null) {
        dups.add(first);
      }
    }
    return dups;
  }
}
