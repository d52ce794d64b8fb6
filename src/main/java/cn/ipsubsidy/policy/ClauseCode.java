package cn.ipsubsidy.policy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A clause's code, e.g. {@code lyg-2021/2a}: the policy id, a slash, the clause's local code. */
public record ClauseCode(String policyId, String local) implements Comparable<ClauseCode> {
  private static final Pattern FULL = Pattern.compile("([a-z0-9]+-\\d{4})\\s*[/／]\\s*(\\d+[a-z])");

  public static ClauseCode of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("clause code: " + text));
  }

  /** Parses "lyg-2021/2a"; the local part is a number and a letter. */
  public static Optional<ClauseCode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FULL.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
    return m.matches() ? Optional.of(new ClauseCode(m.group(1), m.group(2))) : Optional.empty();
  }

  /** The article number of the local code: "12" for "12b". */
  public int articleNumber() {
    return Integer.parseInt(local.replaceAll("[^0-9]", ""));
  }

  @Override
  public int compareTo(ClauseCode o) {
    int c = policyId.compareTo(o.policyId);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(articleNumber(), o.articleNumber());
    return c != 0 ? c : local.compareTo(o.local);
  }

  @Override
  public String toString() {
    return policyId + "/" + local;
  }
}
