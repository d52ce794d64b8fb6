package cn.ipsubsidy.policy;

import java.util.List;

/**
 * One clause of a policy document: what it pays, to whom, within which limits, and the sentence of
 * the policy text it rests on.
 *
 * @param code e.g. lyg-2021/2a
 * @param name 条款名称
 * @param article the article of the document, e.g. "第二条", cited in 依据
 * @param quote the sentence of the policy text this clause encodes, verbatim
 * @param overrides values the office's local rules set on this clause (empty when none)
 */
public record Clause(
    ClauseCode code,
    String name,
    String article,
    String quote,
    Calculation calculation,
    Eligibility eligibility,
    Caps caps,
    ClauseModifiers modifiers,
    ReferenceRule references,
    List<Reading> readings,
    List<LocalOverride> overrides) {
  public Clause {
    readings = List.copyOf(readings);
    overrides = List.copyOf(overrides);
  }
}
