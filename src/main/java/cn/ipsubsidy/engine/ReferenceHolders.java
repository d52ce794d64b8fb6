package cn.ipsubsidy.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which payment holds each reference key of a duplicate group. Mostly one: a reference is paid
 * once. The exception is a higher award that contains a lower one (wx-2020 4b after 4a, revision
 * 2): both paid the reference, and whichever was recorded last, a later claim under either must be
 * refused. So the payment recorded last holds the key, and the payments under other clauses it
 * displaced are kept beside it (rare: only such pairs), to be asked by clause and to hold the key
 * again when the run that displaced them is reversed.
 */
final class ReferenceHolders {
  private final Map<String, PriorPayment> current = new HashMap<>();
  private final Map<String, List<PriorPayment>> underOtherClauses = new HashMap<>();

  /** {@code payment} paid the reference {@code key}. */
  void paid(String key, PriorPayment payment) {
    PriorPayment before = current.put(key, payment);
    List<PriorPayment> others = underOtherClauses.get(key);
    if (others != null) {
      others.removeIf(o -> Objects.equals(o.clause(), payment.clause()));
    }
    if (before != null && !Objects.equals(before.clause(), payment.clause())) {
      underOtherClauses.computeIfAbsent(key, k -> new ArrayList<>(1)).add(before);
    } else if (others != null && others.isEmpty()) {
      underOtherClauses.remove(key);
    }
  }

  /**
   * Run {@code runId} was reversed: what it held of {@code key} is released, and a payment under
   * another clause that it displaced (the lower award its higher one counted) holds the key again.
   */
  void reversed(String key, String runId) {
    List<PriorPayment> others = underOtherClauses.get(key);
    if (others != null) {
      others.removeIf(o -> o.runId().equals(runId));
    }
    PriorPayment held = current.get(key);
    if (held != null && held.runId().equals(runId)) {
      current.remove(key);
      if (others != null && !others.isEmpty()) {
        current.put(key, others.remove(others.size() - 1));
      }
    }
    if (others != null && others.isEmpty()) {
      underOtherClauses.remove(key);
    }
  }

  /**
   * The payment holding the key: one under a clause other than {@code lowerClause} where there is
   * one, whichever was recorded last; the payment under {@code lowerClause} only when it alone
   * holds the key. With a null {@code lowerClause}, the payment recorded last.
   */
  Optional<PriorPayment> held(String key, String lowerClause) {
    PriorPayment held = current.get(key);
    if (held != null && lowerClause != null && lowerClause.equals(held.clause())) {
      for (PriorPayment o : underOtherClauses.getOrDefault(key, List.of())) {
        if (!lowerClause.equals(o.clause())) {
          return Optional.of(o);
        }
      }
    }
    return Optional.ofNullable(held);
  }

  /** Everything {@code later} holds, as if recorded here after what is held now. */
  void addAll(ReferenceHolders later) {
    later.underOtherClauses.forEach((k, list) -> list.forEach(p -> paid(k, p)));
    later.current.forEach(this::paid);
  }
}
