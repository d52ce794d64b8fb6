package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.ReferenceNumber;
import java.util.ArrayList;
import java.util.List;

/**
 * The project a lifetime cap counts for, as the ledger stores it in {@code project_key}: the
 * institution where the cap is per institution ({@code institution:ID}, "每家最高", revision 2), the
 * claim's reference numbers joined by ";" (canonical since revision 2, as typed before), or the
 * entity where the claim has none ({@code entity:ID}). Exactly one component is set.
 *
 * <p>{@link #stored()} is the only format and {@link #parse} the only reading: every stored form,
 * old or new, reads back to a key whose stored form is the same text (pinned by {@code
 * CapKeysGoldenTest}).
 *
 * @param institutionId the institution of a cap per institution, or null
 * @param entityId the entity of a claim with no references, or null
 * @param references the references as stored, or null
 */
public record ProjectKey(String institutionId, String entityId, List<String> references) {
  static final String INSTITUTION = "institution:";
  static final String ENTITY = "entity:";

  public ProjectKey {
    references = references == null ? null : List.copyOf(references);
    int set =
        (institutionId == null ? 0 : 1) + (entityId == null ? 0 : 1) + (references == null ? 0 : 1);
    if (set != 1) {
      throw new IllegalArgumentException("a project key is one of institution, entity, references");
    }
  }

  /** The project of a lifetime cap per institution. */
  public static ProjectKey institution(String institutionId) {
    return new ProjectKey(institutionId, null, null);
  }

  /** The project of a claim without references: its entity. */
  public static ProjectKey entity(String entityId) {
    return new ProjectKey(null, entityId, null);
  }

  /**
   * The project of a claim's references. Read through {@link #parse}, so a key is equal to another
   * exactly when their stored forms are.
   */
  public static ProjectKey references(List<String> references) {
    return parse(String.join(";", references));
  }

  /** The key a {@code project_key} column holds; null for null (an entry without lifetime cap). */
  public static ProjectKey parse(String stored) {
    if (stored == null) {
      return null;
    }
    if (stored.startsWith(INSTITUTION)) {
      return institution(stored.substring(INSTITUTION.length()));
    }
    if (stored.startsWith(ENTITY)) {
      return entity(stored.substring(ENTITY.length()));
    }
    return new ProjectKey(null, null, List.of(stored.split(";", -1)));
  }

  /** The form stored in {@code project_key} and shown in the explanation. */
  public String stored() {
    if (institutionId != null) {
      return INSTITUTION + institutionId;
    }
    if (entityId != null) {
      return ENTITY + entityId;
    }
    return String.join(";", references);
  }

  public boolean isInstitution() {
    return institutionId != null;
  }

  /**
   * The key in the canonical form: keys posted before revision 2 hold the references as typed, and
   * are compared by the same form as new ones.
   */
  public ProjectKey canonical() {
    if (references == null) {
      return this;
    }
    List<String> forms = new ArrayList<>(references.size());
    for (String r : references) {
      forms.add(ReferenceNumber.canonical(r, false).form());
    }
    return references(forms);
  }

  /** The stored form, so that a key concatenated into a text reads as it is stored. */
  @Override
  public String toString() {
    return stored();
  }
}
