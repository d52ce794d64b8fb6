package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseCode;
import cn.ipsubsidy.policy.Jurisdiction;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step 1 of the catalog, first half: which clause a 条款 cell names. The cell holds a full code
 * ("lyg-2021/2a"), a bare code ("2a") when --policy names the policy, and either may be followed by
 * the clause name as the template's drop-down writes it.
 */
final class ClauseResolver {
  private static final Pattern FULL =
      Pattern.compile("^\\s*([A-Za-z]+-\\d{4})\\s*[/／]\\s*(\\d+[A-Za-z])(?:[\\s:：].*)?$");
  private static final Pattern BARE = Pattern.compile("^\\s*(\\d+[A-Za-z])(?:[\\s:：].*)?$");

  private final PolicyRegistry registry;
  private final String defaultPolicyId;

  ClauseResolver(PolicyRegistry registry, String defaultPolicyId) {
    this.registry = registry;
    this.defaultPolicyId = defaultPolicyId;
  }

  /**
   * The outcome: the clause and the jurisdiction it applies in, or why none. {@code badData} is
   * false when the clause exists but belongs to another city's policy (rejected, not bad data).
   */
  record Resolution(
      Clause clause,
      PolicyDocument document,
      Jurisdiction jurisdiction,
      Bilingual problem,
      boolean badData) {}

  /**
   * @param districtOf the jurisdictions the claim's district belongs to (one, except 市本级)
   */
  Resolution resolve(String cell, List<Jurisdiction> districtOf) {
    String text = cell == null ? "" : cell.replace('\u00a0', ' ');
    Matcher full = FULL.matcher(text);
    if (full.matches()) {
      ClauseCode code =
          new ClauseCode(
              full.group(1).toLowerCase(Locale.ROOT), full.group(2).toLowerCase(Locale.ROOT));
      return byCode(code, cell, districtOf);
    }
    Matcher bare = BARE.matcher(text);
    if (bare.matches()) {
      String local = bare.group(1).toLowerCase(Locale.ROOT);
      if (defaultPolicyId != null) {
        return byCode(new ClauseCode(defaultPolicyId, local), cell, districtOf);
      }
      List<String> ids = districtOf.stream().map(Jurisdiction::id).toList();
      String cities =
          districtOf.stream()
              .map(Jurisdiction::city)
              .collect(java.util.stream.Collectors.joining("、"));
      List<ClauseCode> candidates =
          registry.documents().stream()
              .filter(d -> ids.contains(d.jurisdiction().id()))
              .flatMap(d -> d.clause(local).stream())
              .map(Clause::code)
              .toList();
      if (candidates.size() == 1) {
        return byCode(candidates.get(0), cell, districtOf);
      }
      if (candidates.isEmpty()) {
        return bad(Wording.clauseNotInCities(local, cities));
      }
      return bad(Wording.clauseAmbiguous(local, candidates));
    }
    return bad(Wording.notAClauseCode(cell));
  }

  private Resolution byCode(ClauseCode code, String cell, List<Jurisdiction> districtOf) {
    PolicyDocument doc = registry.document(code.policyId()).orElse(null);
    if (doc == null) {
      return bad(Wording.unknownPolicy(code, cell));
    }
    Clause clause = doc.clause(code.local()).orElse(null);
    if (clause == null) {
      return bad(Wording.noSuchClause(doc, code, cell));
    }
    Jurisdiction own = doc.jurisdiction();
    if (districtOf.stream().noneMatch(j -> j.id().equals(own.id()))) {
      Jurisdiction claimed = districtOf.get(0);
      return new Resolution(
          clause, doc, claimed, Wording.clauseOfAnotherCity(code, own, claimed), false);
    }
    return new Resolution(clause, doc, own, null, false);
  }

  private static Resolution bad(Bilingual why) {
    return new Resolution(null, null, null, why, true);
  }
}
