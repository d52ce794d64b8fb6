package cn.ipsubsidy.policy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registered policy documents, looked up by id, clause code and district. */
public final class PolicyRegistry {
  private final Map<String, PolicyDocument> byId = new LinkedHashMap<>();

  public PolicyRegistry(List<PolicyDocument> documents) {
    for (PolicyDocument d : documents) {
      if (byId.putIfAbsent(d.id(), d) != null) {
        throw new IllegalArgumentException("policy id registered twice: " + d.id());
      }
    }
  }

  public List<PolicyDocument> documents() {
    return List.copyOf(byId.values());
  }

  public Optional<PolicyDocument> document(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<Clause> clause(ClauseCode code) {
    return document(code.policyId()).flatMap(d -> d.clause(code.local()));
  }

  /** The jurisdiction whose district list holds {@code district} (exact match after trimming). */
  public Optional<Jurisdiction> jurisdictionOf(String district) {
    if (district == null) {
      return Optional.empty();
    }
    String d = district.strip();
    return byId.values().stream()
        .map(PolicyDocument::jurisdiction)
        .filter(j -> j.districts().contains(d))
        .findFirst();
  }

  /** The documents of a jurisdiction in force on a date, newest first (从新). */
  public List<PolicyDocument> inForce(Jurisdiction jurisdiction, LocalDate date) {
    return byId.values().stream()
        .filter(d -> d.jurisdiction().id().equals(jurisdiction.id()))
        .filter(d -> d.inForceOn(date))
        .sorted(Comparator.comparing(PolicyDocument::inForceFrom).reversed())
        .toList();
  }
}
