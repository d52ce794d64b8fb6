package cn.ipsubsidy.policy;

/**
 * A value the office's local rules file set on a clause, kept so the audit trail can say which
 * values came from it: {@code field} (e.g. "amount", "city_share"), the value as written, the value
 * the policy had before ({@code null} when it set none), and where it was written
 * ("local-rules.yaml:7"), with the office's stated reason.
 */
public record LocalOverride(
    String field, String value, String policyValue, String source, String reason) {}
