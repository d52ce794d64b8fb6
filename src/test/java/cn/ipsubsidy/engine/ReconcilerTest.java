package cn.ipsubsidy.engine;

import static cn.ipsubsidy.engine.TestClaims.claim;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.policy.PolicyLoader;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
  private static final PolicyRegistry POLICIES = PolicyLoader.bundled();

  /** Posts claims as a run would: computed against the register, then recorded in it. */
  private static Reconciler.PostedRun post(
      String runId, Period period, PaymentRegister ledger, TestClaims... claims) {
    var rows = TestClaims.rows(claims);
    RunResult r =
        new SubsidyEngine(POLICIES)
            .calculate(rows, new SubsidyEngine.Options(period, null), ledger);
    List<Reconciler.PostedClaim> posted = new ArrayList<>();
    for (PayoutLine l : r.lines()) {
      ledger.record(l, period.year(), runId, period.end());
      posted.add(new Reconciler.PostedClaim(l.row(), l.status(), l.paid()));
    }
    return new Reconciler.PostedRun(runId, period, period.end(), POLICIES, posted);
  }

  /** Q1 pays E1 20,000 of Madrid awards; Q2 claims 20,000 more and gets 10,000 (cap 30,000). */
  private static List<Reconciler.PostedRun> madridQ1AndQ2(PaymentRegister ledger) {
    return List.of(
        post(
            "Q1",
            new Period(2025, 1),
            ledger,
            claim("lyg-2021/2a").id("A").entity("E1").qty(2).metric(10)),
        post(
            "Q2",
            new Period(2025, 2),
            ledger,
            claim("lyg-2021/2a").id("B").entity("E1").qty(2).metric(10).on("2025-05-01")));
  }

  @Test
  void aYearPostedAsComputedHasNoDifference() {
    List<Reconciler.PostedRun> year = madridQ1AndQ2(new PaymentRegister());
    var q1 = year.get(0);
    var q2 = year.get(1);
    assertThat(q2.claims().get(0).paid()).isEqualByComparingTo("10000");
    Reconciler.Reconciliation r = Reconciler.reconcile(2025, PriorPayouts.NONE, List.of(q1, q2));
    assertThat(r.differs()).isFalse();
    assertThat(r.claims()).isEqualTo(2);
    assertThat(r.paid()).isEqualByComparingTo("30000");
    assertThat(r.entitled()).isEqualByComparingTo("30000");
  }

  @Test
  void aFirstQuarterReplacedAfterTheSecondWasPostedLeavesRoomToTopUp() {
    // Q1 paid E1 20,000 of Madrid awards; Q2 claimed 20,000 and got 10,000 (cap 30,000).
    // Q1 is then corrected to one mark (10,000): Q2 was entitled to 20,000 → top up 10,000.
    var q2 = madridQ1AndQ2(new PaymentRegister()).get(1);
    var q1Corrected =
        post(
            "Q1b",
            new Period(2025, 1),
            new PaymentRegister(),
            claim("lyg-2021/2a").id("A").entity("E1").qty(1).metric(10));

    Reconciler.Reconciliation r =
        Reconciler.reconcile(2025, PriorPayouts.NONE, List.of(q1Corrected, q2));
    assertThat(r.differs()).isTrue();
    assertThat(r.differences())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.runId()).isEqualTo("Q2");
              assertThat(d.claimId()).isEqualTo("B");
              assertThat(d.paid()).isEqualByComparingTo("10000");
              assertThat(d.entitled()).isEqualByComparingTo("20000");
              assertThat(d.difference()).isEqualByComparingTo("10000");
            });
    assertThat(r.groups())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.entityId()).isEqualTo("E1");
              assertThat(g.group()).isEqualTo("lyg-2021/2a");
              assertThat(g.cap()).isEqualByComparingTo("30000");
              assertThat(g.paid()).isEqualByComparingTo("20000");
              assertThat(g.entitled()).isEqualByComparingTo("30000");
              assertThat(g.difference()).isEqualByComparingTo(Money.of(10000));
            });
  }

  @Test
  void earlierYearsCountForLifetimeCaps() {
    // wx-2020/9a: 8,000,000 per platform for life; 2024 paid 6,000,000, so 2025's 3,000,000
    // stage is entitled to 2,000,000; it was paid 3,000,000 by mistake → recover 1,000,000
    PaymentRegister before = FakePrior.lifetime("wx-2020/9a", "PT-1", "6000000");
    var posted =
        post(
            "W1",
            new Period(2025, 1),
            new PaymentRegister(),
            claim("wx-2020/9a").id("P").approved("3000000").refs("PT-1"));
    assertThat(posted.claims().get(0).paid()).isEqualByComparingTo("3000000");
    Reconciler.Reconciliation r = Reconciler.reconcile(2025, before, List.of(posted));
    assertThat(r.differences())
        .singleElement()
        .satisfies(d -> assertThat(d.difference()).isEqualByComparingTo("-1000000"));
    assertThat(r.differences().get(0).steps())
        .extracting(TraceStep::step)
        .contains("8 累计上限 lifetime cap");
    assertThat(LocalDate.of(2025, 3, 31)).isEqualTo(posted.postedOn());
  }
}
