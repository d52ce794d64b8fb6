package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.policy.ClauseCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Earlier runs' payments, set by hand, for tests of caps and exactly-once checks. */
final class FakePrior implements PriorPayouts {
  final Map<String, BigDecimal> annual = new HashMap<>();
  final Map<String, BigDecimal> lifetime = new HashMap<>();
  final Map<String, PriorPayment> references = new HashMap<>();
  final Map<String, PriorPayment> oneTime = new HashMap<>();
  final Map<String, PriorPayment> claims = new HashMap<>();

  static PriorPayment payment(String run, String claimId, String amount) {
    return new PriorPayment(run, LocalDate.of(2025, 4, 2), claimId, Money.of(amount));
  }

  FakePrior annual(String entity, String group, int year, String amount) {
    annual.put(entity + "|" + group + "|" + year, Money.of(amount));
    return this;
  }

  FakePrior lifetime(String group, String project, String amount) {
    lifetime.put(group + "|" + project, Money.of(amount));
    return this;
  }

  @Override
  public BigDecimal paidInYear(String entityId, String group, int year) {
    return annual.getOrDefault(entityId + "|" + group + "|" + year, BigDecimal.ZERO);
  }

  @Override
  public List<String> runsInYear(String entityId, String group, int year) {
    return annual.containsKey(entityId + "|" + group + "|" + year) ? List.of("R2025Q1") : List.of();
  }

  @Override
  public BigDecimal paidLifetime(String group, String projectKey) {
    return lifetime.getOrDefault(group + "|" + projectKey, BigDecimal.ZERO);
  }

  @Override
  public Optional<PriorPayment> referencePaid(String group, String referenceKey) {
    return Optional.ofNullable(references.get(group + "|" + referenceKey));
  }

  @Override
  public Optional<PriorPayment> oneTimePaid(String entityId, ClauseCode clause, Level level) {
    return Optional.ofNullable(oneTime.get(CapKeys.oneTime(entityId, clause, level)));
  }

  @Override
  public Optional<PriorPayment> claimPaid(String claimId) {
    return Optional.ofNullable(claims.get(claimId));
  }
}
