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

  /**
   * The jurisdictions whose district list holds {@code district}. Usually one; 市本级 belongs to every
   * city, so the claim's clause decides. A district may also be written with its city in front
   * ("无锡市本级", "连云港市海州区"), which names one city.
   */
  public List<Jurisdiction> jurisdictionsOf(String district) {
    if (district == null) {
      return List.of();
    }
    String d = district.strip();
    Map<String, Jurisdiction> found = new LinkedHashMap<>();
    for (PolicyDocument doc : byId.values()) {
      Jurisdiction j = doc.jurisdiction();
      String cityStem =
          j.city().endsWith("市") ? j.city().substring(0, j.city().length() - 1) : j.city();
      for (String name : j.districts()) {
        if (d.equals(name) || d.equals(j.city() + name) || d.equals(cityStem + name)) {
          found.putIfAbsent(j.id(), j);
        }
      }
    }
    return List.copyOf(found.values());
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
