package cn.ipsubsidy.policy;

/**
 * A count the claim must show (指标 or 指标2): at least {@code min}, at most {@code max} (either may be
 * null). {@code label} names the count in the policy's words, e.g. "延伸注册国数".
 */
public record MetricRule(Long min, Long max, String label) {
  public boolean accepts(long value) {
    return (min == null || value >= min) && (max == null || value <= max);
  }

  /** "≥ 10", "7–9": the condition as shown in the audit trail. */
  public String describe() {
    if (min != null && max != null) {
      return min.equals(max) ? "= " + min : min + "–" + max;
    }
    if (min != null) {
      return "≥ " + min;
    }
    return max == null ? "any" : "≤ " + max;
  }
}
