package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.ReferenceNumber;
import cn.ipsubsidy.policy.Calculation;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseCode;
import cn.ipsubsidy.policy.LifetimeCap;
import cn.ipsubsidy.policy.ReferenceRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys under which caps and exactly-once checks count, shared by the engine and the ledger so
 * both count the same thing.
 */
public final class CapKeys {
  private CapKeys() {}

  /** The prefix of the project key of a lifetime cap per institution (wx-2020 11a, 11b). */
  public static final String INSTITUTION = "institution:";

  private static final String ENTITY = "entity:";

  /**
   * The project a lifetime cap counts for: the institution where the cap is per institution
   * ("每家最高", revision 2), else its reference numbers in their canonical form, else the entity.
   */
  public static String project(Clause clause, Claim claim) {
    LifetimeCap cap = clause.caps() == null ? null : clause.caps().lifetime();
    if (cap != null && cap.perEntity()) {
      return institution(claim.entityId());
    }
    List<String> refs = claim.references();
    if (refs.isEmpty()) {
      return ENTITY + claim.entityId();
    }
    List<String> forms = new ArrayList<>();
    for (String r : refs) {
      forms.add(ReferenceNumber.canonical(r, false).form());
    }
    return String.join(";", forms);
  }

  /** The project key of a lifetime cap per institution. */
  public static String institution(String entityId) {
    return INSTITUTION + entityId;
  }

  /**
   * A stored project key in the canonical form: keys posted before revision 2 hold the references
   * as typed, and are compared by the same form as new ones.
   */
  public static String canonicalProject(String projectKey) {
    if (projectKey == null || projectKey.startsWith(ENTITY) || projectKey.startsWith(INSTITUTION)) {
      return projectKey;
    }
    List<String> forms = new ArrayList<>();
    for (String r : projectKey.split(";", -1)) {
      forms.add(ReferenceNumber.canonical(r, false).form());
    }
    return String.join(";", forms);
  }

  /**
   * The keys under which a claim's references are paid once (in {@code
   * clause.references().group()}): each reference in its canonical form ({@link ReferenceNumber};
   * the patent form where the clause counts per patent), with the metric for per-year references
   * (wx-2020 1c), or the entity when the rule says so and the cell is empty; none for project
   * references (staged support recurs).
   */
  public static List<String> referenceKeys(Clause clause, Claim claim) {
    ReferenceRule rule = clause.references();
    if (rule == null || rule.mode() == ReferenceRule.Mode.PROJECT) {
      return List.of();
    }
    Long metric = rule.mode() == ReferenceRule.Mode.UNIQUE_PER_METRIC ? claim.metric() : null;
    List<String> keys = new ArrayList<>();
    for (String ref : claim.references()) {
      keys.add(reference(ReferenceNumber.canonical(ref, rule.perPatent()).form(), metric));
    }
    if (keys.isEmpty() && rule.entityWhenEmpty()) {
      keys.add(ENTITY + claim.entityId());
    }
    return keys;
  }

  /**
   * Every form a stored reference key can be compared in: its general form and, where its text is a
   * Chinese patent number with a matching check character, the patent form. A key posted before
   * revision 2 holds the reference as typed and the ledger does not say whether its clause counted
   * per patent, so it is held under both; a new key is already canonical and holds one form.
   */
  public static List<String> storedReferenceForms(String key) {
    if (key.startsWith(ENTITY)) {
      return List.of(key);
    }
    String ref = key;
    String suffix = "";
    int hash = key.lastIndexOf('#');
    if (hash > 0 && key.substring(hash + 1).matches("-?\\d+")) {
      ref = key.substring(0, hash);
      suffix = key.substring(hash);
    }
    String general = ReferenceNumber.general(ref) + suffix;
    ReferenceNumber.Canonical patent = ReferenceNumber.canonical(ref, true);
    String patentForm = patent.form() + suffix;
    if (patent.checkFails() || patentForm.equals(general)) {
      return List.of(ReferenceNumber.canonical(ref, false).form() + suffix);
    }
    return List.of(general, patentForm);
  }

  /** A reference key asked for as typed, in the form it is held under. */
  public static String queryForm(String key) {
    return key.startsWith(ENTITY) ? key : ReferenceNumber.canonical(key, false).form();
  }

  /** The key of a duplicate check for one reference; with the metric for per-year references. */
  public static String reference(String reference, Long metricOrNull) {
    return metricOrNull == null ? reference : reference + "#" + metricOrNull;
  }

  /**
   * The one-time key a claim holds under its clause, or null where the clause is not one-time:
   * entity, clause and level, and for a clause once per entity and reference (lyg-2021 5a, revision
   * 2) its references in their canonical form.
   */
  public static String oneTimeKey(Clause clause, Claim claim) {
    if (!clause.eligibility().oneTime()) {
      return null;
    }
    String refs = null;
    if (clause.eligibility().oneTimePerReference() && !claim.references().isEmpty()) {
      List<String> forms = new ArrayList<>();
      for (String r : claim.references()) {
        forms.add(ReferenceNumber.canonical(r, false).form());
      }
      refs = String.join(";", forms);
    }
    return oneTime(claim.entityId(), clause.code(), oneTimeLevel(clause, claim), refs);
  }

  /**
   * The level a one-time award is counted at: the claim's level where the clause pays by level (an
   * upgrade from provincial to national is a new award), none elsewhere (a 级别 cell must not open a
   * second award).
   */
  public static Level oneTimeLevel(Clause clause, Claim claim) {
    return clause.calculation() instanceof Calculation.FixedByLevel ? claim.level() : null;
  }

  /** The key of a one-time award: entity, clause and level. */
  public static String oneTime(String entityId, ClauseCode clause, Level level) {
    return entityId + "|" + clause + "|" + (level == null ? "" : level.name());
  }

  /**
   * The key of a one-time award once per entity and reference: as {@link #oneTime(String,
   * ClauseCode, Level)} (the stored form of every other one-time award, unchanged), with "|" and
   * the references when there are any.
   */
  public static String oneTime(String entityId, ClauseCode clause, Level level, String refs) {
    String base = oneTime(entityId, clause, level);
    return refs == null ? base : base + "|" + refs;
  }

  /** The key of an annual cap: entity and group (the year is the run's). */
  public static String annual(String entityId, String group) {
    return entityId + "|" + group;
  }
}
