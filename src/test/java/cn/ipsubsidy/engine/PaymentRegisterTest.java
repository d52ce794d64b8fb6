package cn.ipsubsidy.engine;

import static cn.ipsubsidy.engine.TestClaims.claim;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.policy.PolicyLoader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The register answers as the ledger would: what a run paid counts in the next run's caps. */
class PaymentRegisterTest {
  private static final SubsidyEngine ENGINE = new SubsidyEngine(PolicyLoader.bundled());

  private static RunResult run(Period period, PriorPayouts prior, TestClaims... claims) {
    return ENGINE.calculate(
        TestClaims.rows(claims), new SubsidyEngine.Options(period, null), prior);
  }

  @Test
  void aSecondQuarterSeesTheFirstQuartersPayments() {
    // lyg-2021/2a: Q1 pays E1 20,000; Q2 claims 20,000 more → 10,000 (annual cap 30,000)
    PaymentRegister register = new PaymentRegister();
    RunResult q1 =
        run(
            new Period(2025, 1),
            register,
            claim("lyg-2021/2a").id("Q1-1").entity("E1").qty(2).metric(10).refs("M1", "M2"));
    q1.lines().forEach(l -> register.record(l, 2025, "R-Q1", LocalDate.of(2025, 4, 1)));

    RunResult q2 =
        run(
            new Period(2025, 2),
            register,
            claim("lyg-2021/2a")
                .id("Q2-1")
                .entity("E1")
                .qty(2)
                .metric(10)
                .on("2025-05-01")
                .refs("M3", "M4"),
            claim("lyg-2021/2a")
                .id("Q2-2")
                .entity("E1")
                .qty(1)
                .metric(10)
                .on("2025-05-02")
                .refs("M2"));
    List<PayoutLine> l = q2.lines();
    assertThat(l.get(0).paid()).isEqualByComparingTo("10000");
    assertThat(l.get(0).explanation().zh()).contains("R-Q1");
    assertThat(l.get(1).status()).isEqualTo(Status.REJECTED);
    assertThat(l.get(1).explanation().en()).contains("R-Q1");
    assertThat(register.paidInYear("E1", "lyg-2021/2a", 2026)).isEqualByComparingTo("0");
  }

  @Test
  void aReversalReleasesWhatTheRunHeld() {
    PaymentRegister register = new PaymentRegister();
    PayoutLine paid =
        run(new Period(2025, 1), register, claim("lyg-2021/3a").refs("GI-1")).lines().get(0);
    register.record(paid, 2025, "R1", LocalDate.of(2025, 4, 1));
    assertThat(register.referencePaid("lyg-2021/3a", "GI-1")).isPresent();
    register.record(
        PaymentRegister.Keys.of(paid.clause(), paid.row().claim()),
        2025,
        new PriorPayment("R1", LocalDate.of(2025, 7, 1), paid.claimId(), Money.of("-100000")));
    assertThat(register.referencePaid("lyg-2021/3a", "GI-1")).isEmpty();
    assertThat(register.claimPaid(paid.claimId())).isEmpty();
  }

  /**
   * wx-2020 4b counted the 4a paid for the same certificate (revision 2): both hold it, in whatever
   * order they are recorded; reversing the 4b's run leaves the 4a holding it again (before, the
   * reference was released altogether, and a new 4a would have been paid a second time).
   */
  @Test
  void aLowerAwardAndTheHigherOneThatCountedItBothHoldTheReference() {
    List<PayoutLine> q1 =
        run(
                new Period(2025, 1),
                PriorPayouts.NONE,
                claim("wx-2020/4a").id("A").entity("E1").on("2025-01-23").refs("GB-1"),
                claim("wx-2020/4b").id("B").entity("E1").on("2025-01-24").refs("GB-1"))
            .lines();
    assertThat(q1)
        .extracting(l -> l.paid().toPlainString())
        .containsExactly("50000.00", "150000.00");
    PaymentRegister register = new PaymentRegister();
    register.record(q1.get(0), 2025, "R1", LocalDate.of(2025, 4, 1));
    register.record(q1.get(1), 2025, "R2", LocalDate.of(2025, 4, 2));
    assertThat(register.referencePaid("wx-2020/4", "GB-1").orElseThrow().claimId()).isEqualTo("B");
    // asked for 4b (which contains 4a): the 4b's payment, not an upgrade from the 4a's
    assertThat(register.referencePaid("wx-2020/4", "gb-1", "wx-2020/4a").orElseThrow().runId())
        .isEqualTo("R2");

    register.record(
        PaymentRegister.Keys.of(q1.get(1).clause(), q1.get(1).row().claim()),
        2025,
        new PriorPayment("R2", LocalDate.of(2025, 7, 1), "B", Money.of("-150000"), "wx-2020/4b"));
    assertThat(register.referencePaid("wx-2020/4", "GB-1").orElseThrow().claimId()).isEqualTo("A");
    assertThat(register.referencePaid("wx-2020/4", "GB-1", "wx-2020/4a").orElseThrow().runId())
        .isEqualTo("R1");
  }
}
