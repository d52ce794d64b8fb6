package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.ReferenceNumber;
import java.util.List;

/**
 * A key under which a reference is paid once within its clause's reference group, as the ledger
 * stores it in {@code ledger_entry_refs.ref_key}: a reference number (canonical since revision 2,
 * as typed before), with {@code #metric} for references paid once per metric (wx-2020 1c), or
 * {@code entity:ID} where the rule counts the entity when the cell is empty. Either {@code
 * entityId} or {@code reference} is set.
 *
 * <p>{@link #stored()} is the only format and {@link #parse} the only reading: every stored form,
 * old or new, reads back to a key whose stored form is the same text (pinned by {@code
 * CapKeysGoldenTest}).
 *
 * @param entityId the entity of a claim with an empty 凭证号 cell, or null
 * @param reference the reference number as stored, or null
 * @param metric the metric's digits as stored after "#", or null
 */
public record ReferenceCheckKey(String entityId, String reference, String metric) {
  private static final String ENTITY = ProjectKey.ENTITY;

  public ReferenceCheckKey {
    if ((entityId == null) == (reference == null) || (entityId != null && metric != null)) {
      throw new IllegalArgumentException("a reference key is an entity or a reference");
    }
    if (metric != null && !metric.matches("-?\\d+")) {
      throw new IllegalArgumentException("metric of a reference key: " + metric);
    }
  }

  /** The key of a claim with an empty 凭证号 cell, where the rule counts the entity. */
  public static ReferenceCheckKey entity(String entityId) {
    return new ReferenceCheckKey(entityId, null, null);
  }

  /**
   * The key of one reference; with the metric for references paid once per metric. Read through
   * {@link #parse}, so a key is equal to another exactly when their stored forms are.
   */
  public static ReferenceCheckKey of(String reference, Long metricOrNull) {
    return parse(metricOrNull == null ? reference : reference + "#" + metricOrNull);
  }

  /** The key a {@code ref_key} column holds. */
  public static ReferenceCheckKey parse(String stored) {
    if (stored.startsWith(ENTITY)) {
      return entity(stored.substring(ENTITY.length()));
    }
    int hash = stored.lastIndexOf('#');
    if (hash > 0 && stored.substring(hash + 1).matches("-?\\d+")) {
      return new ReferenceCheckKey(null, stored.substring(0, hash), stored.substring(hash + 1));
    }
    return new ReferenceCheckKey(null, stored, null);
  }

  /** The form stored in {@code ref_key} and shown in the explanation. */
  public String stored() {
    if (entityId != null) {
      return ENTITY + entityId;
    }
    return metric == null ? reference : reference + "#" + metric;
  }

  /**
   * Every form a stored key can be compared in: its general form and, where its text is a Chinese
   * patent number with a matching check character, the patent form. A key posted before revision 2
   * holds the reference as typed and the ledger does not say whether its clause counted per patent,
   * so it is held under both; a new key is already canonical and holds one form.
   */
  public List<ReferenceCheckKey> storedForms() {
    if (entityId != null) {
      return List.of(this);
    }
    String suffix = metric == null ? "" : "#" + metric;
    String general = ReferenceNumber.general(reference) + suffix;
    ReferenceNumber.Canonical patent = ReferenceNumber.canonical(reference, true);
    String patentForm = patent.form() + suffix;
    if (patent.checkFails() || patentForm.equals(general)) {
      return List.of(parse(ReferenceNumber.canonical(reference, false).form() + suffix));
    }
    return List.of(parse(general), parse(patentForm));
  }

  /** A key asked for as typed, in the form it is held under. */
  public ReferenceCheckKey queryForm() {
    return entityId != null ? this : parse(ReferenceNumber.canonical(stored(), false).form());
  }

  /** The stored form, so that a key concatenated into a text reads as it is stored. */
  @Override
  public String toString() {
    return stored();
  }
}
