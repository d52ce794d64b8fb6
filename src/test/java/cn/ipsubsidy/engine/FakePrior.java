package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.policy.ClauseCode;
import java.time.LocalDate;
import java.util.List;

/** Earlier runs' payments set by hand for tests: a {@link PaymentRegister} with a short builder. */
final class FakePrior {
  private FakePrior() {}

  static PaymentRegister prior() {
    return new PaymentRegister();
  }

  static PriorPayment payment(String run, String claimId, String amount) {
    return new PriorPayment(run, LocalDate.of(2025, 4, 2), claimId, Money.of(amount));
  }

  static PaymentRegister annual(String entity, String group, int year, String amount) {
    PaymentRegister r = new PaymentRegister();
    r.record(
        keys(null, entity, group, null, null, null, null), year, payment("R2025Q1", "X", amount));
    return r;
  }

  static PaymentRegister lifetime(String group, String project, String amount) {
    PaymentRegister r = new PaymentRegister();
    r.record(
        keys(null, "E", null, group, ProjectKey.parse(project), null, null),
        2024,
        payment("R2024Q4", "X", amount));
    return r;
  }

  static PaymentRegister reference(String group, String ref, PriorPayment p) {
    PaymentRegister r = new PaymentRegister();
    r.record(
        new PaymentRegister.Keys(
            null, "E", null, null, null, group, List.of(ReferenceCheckKey.parse(ref)), null),
        2024,
        p);
    return r;
  }

  static PaymentRegister oneTime(String entity, ClauseCode clause, Level level, PriorPayment p) {
    PaymentRegister r = new PaymentRegister();
    r.record(
        keys(null, entity, null, null, null, null, OneTimeKey.of(entity, clause, level)), 2024, p);
    return r;
  }

  static PaymentRegister claim(String claimId, PriorPayment p) {
    PaymentRegister r = new PaymentRegister();
    r.record(keys(claimId, "E", null, null, null, null, null), 2025, p);
    return r;
  }

  private static PaymentRegister.Keys keys(
      String claimId,
      String entity,
      String annualGroup,
      String lifetimeGroup,
      ProjectKey project,
      String refGroup,
      OneTimeKey oneTimeKey) {
    return new PaymentRegister.Keys(
        claimId, entity, annualGroup, lifetimeGroup, project, refGroup, List.of(), oneTimeKey);
  }
}
