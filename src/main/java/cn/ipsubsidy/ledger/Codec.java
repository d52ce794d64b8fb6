package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.CellProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Text forms of the list-valued fields of an entry, as stored in one column. */
final class Codec {
  private Codec() {}

  /** References joined by ";" (the claims reader splits on it, so no reference contains one). */
  static String references(List<String> refs) {
    return refs.isEmpty() ? null : String.join(";", refs);
  }

  static List<String> references(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";", -1));
  }

  /**
   * Cell problems as length-prefixed tokens, six per problem (sheet, row, column, cell text, reason
   * zh, reason en): {@code LEN:text} or {@code !} for null. Null when there are none.
   */
  static String problems(List<CellProblem> problems) {
    if (problems.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (CellProblem p : problems) {
      token(sb, p.sheet());
      token(sb, Integer.toString(p.row()));
      token(sb, p.column());
      token(sb, p.cellText());
      token(sb, p.reason() == null ? null : p.reason().zh());
      token(sb, p.reason() == null ? null : p.reason().en());
    }
    return sb.toString();
  }

  static List<CellProblem> problems(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '!') {
        tokens.add(null);
        i++;
        continue;
      }
      int colon = text.indexOf(':', i);
      int len = Integer.parseInt(text.substring(i, colon));
      tokens.add(text.substring(colon + 1, colon + 1 + len));
      i = colon + 1 + len;
    }
    if (tokens.size() % 6 != 0) {
      throw new IllegalArgumentException("cell problems: " + tokens.size() + " tokens");
    }
    List<CellProblem> out = new ArrayList<>();
    for (int t = 0; t < tokens.size(); t += 6) {
      String zh = tokens.get(t + 4);
      String en = tokens.get(t + 5);
      out.add(
          new CellProblem(
              tokens.get(t),
              Integer.parseInt(tokens.get(t + 1)),
              tokens.get(t + 2),
              tokens.get(t + 3),
              zh == null || en == null ? null : Bilingual.of(zh, en)));
    }
    return out;
  }

  private static void token(StringBuilder sb, String v) {
    if (v == null) {
      sb.append('!');
    } else {
      sb.append(v.length()).append(':').append(v);
    }
  }
}
