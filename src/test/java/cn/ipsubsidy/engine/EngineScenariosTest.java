package cn.ipsubsidy.engine;

import static cn.ipsubsidy.engine.TestClaims.claim;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.policy.ClauseCode;
import cn.ipsubsidy.policy.PolicyLoader;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Modifiers, the order of steps, and the caps and checks that span several claims. */
class EngineScenariosTest {
  private static final SubsidyEngine ENGINE = new SubsidyEngine(PolicyLoader.bundled());
  private static final SubsidyEngine.Options Q1 =
      new SubsidyEngine.Options(new Period(2025, 1), null);

  private static List<PayoutLine> run(TestClaims... claims) {
    return run(PriorPayouts.NONE, claims);
  }

  private static List<PayoutLine> run(PriorPayouts prior, TestClaims... claims) {
    return ENGINE.calculate(TestClaims.rows(claims), Q1, prior).lines();
  }

  private static String paid(PayoutLine l) {
    return l.paid().toPlainString();
  }

  @Nested
  class Wx2020ArticleOne {
    @Test
    void individualFactorThenFeeCeilingOnTheClaimTotal() {
      // wx-2020/1a: 5,000 × 2 = 10,000; 个人 × 0.5 = 5,000; fees 4,000 for the whole claim → 4,000
      PayoutLine l =
          run(claim("wx-2020/1a").type(EntityType.INDIVIDUAL).qty(2).fees("4000")).get(0);
      assertThat(paid(l)).isEqualTo("4000.00");
      assertThat(l.cityShare()).hasToString("2400.00");
      assertThat(l.districtShare()).hasToString("1600.00");
      assertThat(l.trace())
          .extracting(TraceStep::step)
          .containsSubsequence(
              "3 金额 amount",
              "4 个人减半 individual factor",
              "5 费用上限 fee ceiling",
              "9 资金分担 funding split");
    }

    @Test
    void individualFactorRoundsHalfUpToTheFen() {
      // wx-2020/1a: min(approved 3,333.33, 5,000) = 3,333.33 × 0.5 = 1,666.665 → 1,666.67;
      // city 60% = 1,000.002 → 1,000.00; district 666.67
      PayoutLine l =
          run(claim("wx-2020/1a").type(EntityType.INDIVIDUAL).approved("3333.33").fees("10000"))
              .get(0);
      assertThat(paid(l)).isEqualTo("1666.67");
      assertThat(l.cityShare()).hasToString("1000.00");
      assertThat(l.districtShare()).hasToString("666.67");
    }

    @Test
    void cityAndDistrictSharesAlwaysAddUpToThePayment() {
      // wx-2020/1d: approved 7,777.77 → city 4,666.66 (7,777.77 × 0.6 = 4,666.662), district
      // 3,111.11
      PayoutLine l = run(claim("wx-2020/1d").approved("7777.77").fees("9000")).get(0);
      assertThat(l.cityShare().add(l.districtShare())).isEqualByComparingTo(l.paid());
      assertThat(l.cityShare()).hasToString("4666.66");
    }

    @Test
    void theSamePatentIsPaidOncePerMaintenanceYear() {
      // wx-2020/1c: the same patent for year 7 and year 8 is two payments; year 8 again is not
      List<PayoutLine> l =
          run(
              claim("wx-2020/1c").id("A").metric(7).fees("3000").refs("ZL201510000001.0"),
              claim("wx-2020/1c").id("B").metric(8).fees("3000").refs("ZL201510000001.0"),
              claim("wx-2020/1c").id("C").metric(8).fees("3000").refs("ZL201510000001.0"));
      assertThat(l)
          .extracting(PayoutLine::status)
          .containsExactly(Status.PAID, Status.PAID, Status.REJECTED);
      assertThat(l.get(2).explanation().zh()).contains("重复").contains("B");
    }
  }

  @Nested
  class AnnualCaps {
    @Test
    void rowsAreTakenInEventDateOrderAndTheLaterOneGetsTheRoomLeft() {
      // lyg-2021/2a annual cap 30,000 per enterprise: the 2025-01-15 claim (20,000) is paid in
      // full; the 2025-03-01 claim (20,000), first in the file, gets the 10,000 left; a third is
      // capped to 0.
      List<PayoutLine> l =
          run(
              claim("lyg-2021/2a").id("LATE").on("2025-03-01").qty(2).metric(10),
              claim("lyg-2021/2a").id("EARLY").on("2025-01-15").qty(2).metric(10),
              claim("lyg-2021/2a").id("LAST").on("2025-03-20").qty(1).metric(10));
      assertThat(l).extracting(PayoutLine::claimId).containsExactly("LATE", "EARLY", "LAST");
      assertThat(l)
          .extracting(EngineScenariosTest::paid)
          .containsExactly("10000.00", "20000.00", "0.00");
      assertThat(l)
          .extracting(PayoutLine::status)
          .containsExactly(Status.PAID, Status.PAID, Status.CAPPED);
      assertThat(l.get(0).computed()).hasToString("20000.00");
      assertThat(l.get(0).explanation().zh()).contains("年度上限").contains("30,000.00");
    }

    @Test
    void earlierPeriodsOfTheYearCountAndTheExplanationNamesTheRun() {
      PriorPayouts prior = FakePrior.annual("E1", "lyg-2021/2a", 2025, "20000");
      PayoutLine l = run(prior, claim("lyg-2021/2a").entity("E1").qty(2).metric(11)).get(0);
      assertThat(paid(l)).isEqualTo("10000.00");
      assertThat(l.explanation().zh()).contains("R2025Q1").contains("20,000.00");
    }

    @Test
    void capGroupsAndEntitiesAreCountedSeparately() {
      // 9a (300,000) and 9b (50,000) are different groups; E2 has its own room
      List<PayoutLine> l =
          run(
              claim("lyg-2021/9a").entity("E1").basis("600000"),
              claim("lyg-2021/9b").entity("E1").basis("100000"),
              claim("lyg-2021/9a").entity("E2").basis("200000"),
              claim("lyg-2021/9a").entity("E1").basis("2000").on("2025-03-01"));
      assertThat(l)
          .extracting(EngineScenariosTest::paid)
          .containsExactly("300000.00", "50000.00", "100000.00", "0.00");
      assertThat(l.get(3).status()).isEqualTo(Status.CAPPED);
    }

    @Test
    void capUsageRowsShowBeforeNowAndRoomLeft() {
      PriorPayouts prior = FakePrior.annual("E1", "lyg-2021/11a", 2025, "50000");
      RunResult r =
          ENGINE.calculate(
              TestClaims.rows(claim("lyg-2021/11a").entity("E1").basis("200000")), Q1, prior);
      // 30% × 200,000 = 60,000; room 200,000 − 50,000 = 150,000 → 60,000 paid, 90,000 left
      assertThat(r.capUsages())
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.capGroup()).isEqualTo("lyg-2021/11a");
                assertThat(u.year()).isEqualTo(2025);
                assertThat(u.paidBefore()).hasToString("50000.00");
                assertThat(u.paidNow()).hasToString("60000.00");
                assertThat(u.remaining()).hasToString("90000.00");
              });
    }
  }

  @Nested
  class LifetimeCaps {
    @Test
    void aPlatformIsCappedOverAllYearsPerProject() {
      // wx-2020/9a: 8,000,000 per platform; 6,000,000 paid in earlier years → 2,000,000 left
      PriorPayouts prior = FakePrior.lifetime("wx-2020/9a", "PLAT-1", "6000000");
      List<PayoutLine> l =
          run(
              prior,
              claim("wx-2020/9a").id("A").approved("3000000").refs("PLAT-1"),
              claim("wx-2020/9a").id("B").approved("3000000").refs("PLAT-2"),
              claim("wx-2020/9a").id("C").approved("1000000").refs("PLAT-1").on("2025-03-01"));
      assertThat(l)
          .extracting(EngineScenariosTest::paid)
          .containsExactly("2000000.00", "3000000.00", "0.00");
      assertThat(l.get(2).status()).isEqualTo(Status.CAPPED);
      assertThat(l.get(0).explanation().zh()).contains("累计上限");
    }

    @Test
    void withoutAReferenceTheEntityIsTheProject() {
      // wx-2020/11b: max 500,000 per institution for life; two stages of 300,000 → 300,000 +
      // 200,000
      List<PayoutLine> l =
          run(
              claim("wx-2020/11b").id("A").approved("300000"),
              claim("wx-2020/11b").id("B").approved("300000").on("2025-03-01"));
      assertThat(l).extracting(EngineScenariosTest::paid).containsExactly("300000.00", "200000.00");
    }
  }

  @Nested
  class ExactlyOnce {
    @Test
    void aReferenceIsPaidOnceAcrossRowsEvenInsideAMultiReferenceCell() {
      List<PayoutLine> l =
          run(
              claim("lyg-2021/2b").id("A").qty(2).refs("TM001", "TM002"),
              claim("lyg-2021/2b").id("B").refs("TM002").on("2025-03-01"));
      assertThat(l).extracting(PayoutLine::status).containsExactly(Status.PAID, Status.REJECTED);
      assertThat(l.get(1).explanation().zh()).contains("TM002").contains("A");
    }

    @Test
    void aReferencePaidByAnEarlierRunIsRejectedNamingTheRun() {
      PriorPayouts prior =
          FakePrior.reference("lyg-2021/3a", "GI-9", FakePrior.payment("R2024Q4", "X9", "100000"));
      PayoutLine l = run(prior, claim("lyg-2021/3a").refs("GI-9")).get(0);
      assertThat(l.status()).isEqualTo(Status.REJECTED);
      assertThat(l.badData()).isFalse();
      assertThat(l.explanation().en()).contains("R2024Q4");
    }

    /**
     * Found by EnginePropertiesTest: lyg-2021/5a (one-time, not by level) paid in Q1 was paid again
     * in Q2 because the Q2 claim filled in 级别, and the earlier period was looked up at that level.
     */
    @Test
    void aOneTimeAwardOfAnEarlierPeriodIsNotPaidAgainWhenALevelIsFilledIn() {
      PaymentRegister prior =
          FakePrior.oneTime(
              "91320700000000001X",
              new cn.ipsubsidy.policy.ClauseCode("lyg-2021", "5a"),
              null,
              FakePrior.payment("R2025Q1", "X1", "1000000"));
      PayoutLine l = run(prior, claim("lyg-2021/5a").level(Level.NATIONAL)).get(0);
      assertThat(l.status()).isEqualTo(Status.REJECTED);
      assertThat(l.explanation().en()).contains("one-time award already paid").contains("R2025Q1");
    }

    @Test
    void wx4aAnd4bAreExclusiveForTheSameCertificate() {
      List<PayoutLine> l =
          run(
              claim("wx-2020/4b").id("B").refs("CERT-1").on("2025-03-01"),
              claim("wx-2020/4a").id("A").refs("CERT-1"));
      // the earlier event (4a, 2025-02-10) is paid 50,000; 4b for the same certificate pays the
      // difference, 200,000 − 50,000 = 150,000 (revision 2: the higher award contains the lower)
      assertThat(l).extracting(PayoutLine::status).containsExactly(Status.PAID, Status.PAID);
      assertThat(paid(l.get(1))).isEqualTo("50000.00");
      assertThat(paid(l.get(0))).isEqualTo("150000.00");
    }

    @Test
    void oneTimeAwardsArePaidOncePerEntityClauseAndLevel() {
      PriorPayouts prior =
          FakePrior.oneTime(
              "P1",
              ClauseCode.of("lyg-2021/13b"),
              Level.MUNICIPAL,
              FakePrior.payment("R2024Q2", "S1", "50000"));
      List<PayoutLine> l =
          run(
              prior,
              claim("lyg-2021/13b")
                  .id("A")
                  .entity("P1")
                  .type(EntityType.SCHOOL)
                  .level(Level.MUNICIPAL),
              claim("lyg-2021/13b")
                  .id("B")
                  .entity("P1")
                  .type(EntityType.SCHOOL)
                  .level(Level.PROVINCIAL),
              claim("lyg-2021/13b")
                  .id("C")
                  .entity("P1")
                  .type(EntityType.SCHOOL)
                  .level(Level.PROVINCIAL)
                  .on("2025-03-01"));
      // municipal paid in 2024 → refused; provincial is a new level → 100,000; again → refused
      assertThat(l)
          .extracting(PayoutLine::status)
          .containsExactly(Status.REJECTED, Status.PAID, Status.REJECTED);
      assertThat(l.get(0).explanation().zh()).contains("R2024Q2");
      assertThat(paid(l.get(1))).isEqualTo("100000.00");
    }

    @Test
    void aClaimIdAlreadyPostedIsRefused() {
      PriorPayouts prior = FakePrior.claim("C1", FakePrior.payment("R2025Q1", "C1", "200000"));
      PayoutLine l = run(prior, claim("lyg-2021/2b")).get(0);
      assertThat(l.status()).isEqualTo(Status.REJECTED);
      assertThat(l.explanation().en()).contains("already paid");
    }
  }

  @Nested
  class PolicyInForce {
    @Test
    void aClaimDatedBeforeThePolicyGoesToReview() {
      // lyg-2021 is in force from 2021-09-29 (印发之日); lyg-2016 sets no amounts
      PayoutLine l = run(claim("lyg-2021/2b").on("2021-09-28")).get(0);
      assertThat(l.status()).isEqualTo(Status.REVIEW);
      assertThat(l.explanation().en()).contains("no policy with amounts in force on 2021-09-28");
      assertThat(paid(l)).isEqualTo("0.00");
    }

    @Test
    void theFirstDayInForceCounts() {
      // wx-2020 is in force from 2020-03-10, the colophon's 印发 date (catalog revision 2)
      assertThat(run(claim("wx-2020/4a").on("2020-03-10")).get(0).status()).isEqualTo(Status.PAID);
      assertThat(run(claim("wx-2020/4a").on("2020-03-09")).get(0).status())
          .isEqualTo(Status.REVIEW);
      assertThat(run(claim("wx-2020/4a").on("2020-03-06")).get(0).status())
          .isEqualTo(Status.REVIEW);
    }

    @Test
    void anUnknownDistrictIsBadDataAndAnotherCitysClauseIsRejected() {
      PayoutLine unknown = run(claim("lyg-2021/2b").district("火星区")).get(0);
      assertThat(unknown.status()).isEqualTo(Status.REJECTED);
      assertThat(unknown.badData()).isTrue();
      PayoutLine other = run(claim("lyg-2021/2b").district("梁溪区")).get(0);
      assertThat(other.status()).isEqualTo(Status.REJECTED);
      assertThat(other.badData()).isFalse();
      assertThat(other.explanation().zh()).contains("连云港");
    }

    @Test
    void cityLevelIsADistrictOfBothCitiesAndTheClauseDecides() {
      // 市本级 is in both district lists; the clause's policy names the city
      assertThat(paid(run(claim("wx-2020/4a").district("市本级")).get(0))).isEqualTo("50000.00");
      assertThat(paid(run(claim("lyg-2021/7a").district("市本级")).get(0))).isEqualTo("30000.00");
      // written with its city, it names one city: a Lianyungang clause there is another city's
      PayoutLine other = run(claim("lyg-2021/7a").district("无锡市本级")).get(0);
      assertThat(other.status()).isEqualTo(Status.REJECTED);
      assertThat(other.badData()).isFalse();
      assertThat(paid(run(claim("wx-2020/4a").district("无锡市本级")).get(0))).isEqualTo("50000.00");
    }

    @Test
    void clauseCellsMayCarryTheNameOrBeBareWithPolicy() {
      assertThat(paid(run(claim("lyg-2021/2b 中国驰名商标")).get(0))).isEqualTo("200000.00");
      // "12b" exists only in lyg-2021 among Lianyungang's policies
      assertThat(paid(run(claim("12b").district("海州区").type(EntityType.AGENCY).metric(30)).get(0)))
          .isEqualTo("30000.00");
      // "4a" is lyg-2021/4a and lyg-2024/4a: ambiguous without --policy
      PayoutLine ambiguous =
          run(claim("4a").district("海州区").type(EntityType.PARK).level(Level.NATIONAL)).get(0);
      assertThat(ambiguous.badData()).isTrue();
      SubsidyEngine.Options withPolicy = new SubsidyEngine.Options(new Period(2025, 1), "lyg-2021");
      PayoutLine resolved =
          ENGINE
              .calculate(
                  TestClaims.rows(
                      claim("4a").district("海州区").type(EntityType.PARK).level(Level.NATIONAL)),
                  withPolicy,
                  PriorPayouts.NONE)
              .lines()
              .get(0);
      assertThat(paid(resolved)).isEqualTo("500000.00");
    }
  }

  @Test
  void aRowWithBadCellsIsRejectedAsBadDataAndUsesNoCap() {
    ClaimRow bad =
        new ClaimRow(
            0,
            new cn.ipsubsidy.domain.SourceLocation("claims.xlsx", "Sheet1", 3),
            claim("lyg-2021/2a").qty(3).metric(10).build(),
            List.of(
                new CellProblem(
                    "Sheet1", 3, "计算基数 (J)", "1.2.3", Bilingual.of("金额格式有误", "bad money"))));
    ClaimRow good =
        TestClaims.rows(claim("lyg-2021/2a").id("C2").qty(3).metric(10).on("2025-03-01")).get(0);
    good =
        new ClaimRow(
            1,
            new cn.ipsubsidy.domain.SourceLocation("claims.xlsx", "Sheet1", 4),
            good.claim(),
            List.of());
    List<PayoutLine> l = ENGINE.calculate(List.of(bad, good), Q1, PriorPayouts.NONE).lines();
    assertThat(l.get(0).status()).isEqualTo(Status.REJECTED);
    assertThat(l.get(0).badData()).isTrue();
    assertThat(l.get(0).explanation().zh()).contains("计算基数 (J)");
    assertThat(paid(l.get(1))).isEqualTo("30000.00");
  }
}
