package cn.ipsubsidy.engine;

import static cn.ipsubsidy.engine.TestClaims.claim;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.policy.PolicyLoader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Clause catalog revision 2: the cases that span several claims or runs. Each amount is worked out
 * by hand from the policy text; the comment names the clause and the revision's rule.
 */
class Revision2ScenariosTest {
  private static final SubsidyEngine ENGINE = new SubsidyEngine(PolicyLoader.bundled());
  private static final SubsidyEngine.Options Q1 =
      new SubsidyEngine.Options(new Period(2025, 1), null);
  private static final SubsidyEngine.Options Q2 =
      new SubsidyEngine.Options(new Period(2025, 2), null);

  private static List<PayoutLine> run(PriorPayouts prior, TestClaims... claims) {
    return ENGINE.calculate(TestClaims.rows(claims), Q1, prior).lines();
  }

  /** Runs {@code first} in 2025Q1, records what it paid as the ledger would, then runs Q2. */
  private static List<PayoutLine> afterEarlierRun(TestClaims[] first, TestClaims... second) {
    RunResult q1 = ENGINE.calculate(TestClaims.rows(first), Q1, PriorPayouts.NONE);
    PaymentRegister prior = new PaymentRegister();
    for (PayoutLine l : q1.lines()) {
      prior.record(l, 2025, "2025Q1-A", LocalDate.of(2025, 3, 31));
    }
    return ENGINE.calculate(TestClaims.rows(second), Q2, prior).lines();
  }

  private static String paid(PayoutLine l) {
    return l.paid().toPlainString();
  }

  @Nested
  class OneNumberHoweverWritten {
    @Test
    void aTrademarkTypedInLowerCaseInALaterRowIsADuplicate() {
      // lyg-2021/2b 驰名商标 200,000 per mark: tm-wk-2001 after TM-WK-2001 is the same mark
      List<PayoutLine> l =
          run(
              PriorPayouts.NONE,
              claim("lyg-2021/2b").id("A").entity("E1").refs("TM-WK-2001"),
              claim("lyg-2021/2b").id("B").entity("E2").refs("tm-wk-2001"));
      assertThat(paid(l.get(0))).isEqualTo("200000.00");
      assertThat(l.get(1).status()).isEqualTo(Status.REJECTED);
      assertThat(paid(l.get(1))).isEqualTo("0.00");
      assertThat(l.get(1).explanation().zh()).contains("重复").contains("A");
    }

    @Test
    void aGeographicalIndicationWithSpacesInALaterRunIsAlreadyPaid() {
      // lyg-2021/3a 地理标志 100,000: "GI - 2025 - 07" in Q2 after GI-2025-07 paid in Q1
      List<PayoutLine> l =
          afterEarlierRun(
              new TestClaims[] {claim("lyg-2021/3a").id("A").entity("E1").refs("GI-2025-07")},
              claim("lyg-2021/3a").id("B").entity("E1").refs("GI - 2025 - 07"));
      assertThat(l.get(0).status()).isEqualTo(Status.REJECTED);
      assertThat(l.get(0).explanation().zh()).contains("已核发").contains("2025Q1-A");
    }

    @Test
    void aPatentNumberWithoutPrefixFullWidthOrCnIsTheSamePatent() {
      // wx-2020/1a 5,000 per patent: ZL202310000001.5 paid; every other spelling is rejected
      String[] spellings = {
        "zl 2023 1000 0001.5",
        "CN202310000001.5",
        "202310000001.5",
        "２０２３１００００００１．５",
        "2023100000015"
      };
      for (String s : spellings) {
        List<PayoutLine> l =
            afterEarlierRun(
                new TestClaims[] {
                  claim("wx-2020/1a").id("A").entity("E1").fees("6000").refs("ZL202310000001.5")
                },
                claim("wx-2020/1a").id("B").entity("E2").fees("6000").refs(s));
        assertThat(l.get(0).status()).as(s).isEqualTo(Status.REJECTED);
        assertThat(l.get(0).explanation().en()).as(s).contains("already paid");
      }
    }

    @Test
    void theAuditShowsTheReferenceAsTypedAndAsCompared() {
      PayoutLine l =
          run(
                  PriorPayouts.NONE,
                  claim("wx-2020/1a").id("A").fees("6000").refs("zl 2023 1000 0001.5"))
              .get(0);
      assertThat(paid(l)).isEqualTo("5000.00");
      assertThat(l.trace())
          .anySatisfy(
              t -> assertThat(t.result()).contains("zl 2023 1000 0001.5 → ZL202310000001.5"));
    }

    @Test
    void aWrongCheckCharacterIsBadDataNamingTheExpectedOne() {
      // digits 202310000001: 2·2+2·4+3·5+1·6+1·5 = 38, 38 mod 11 = 5
      PayoutLine l =
          run(PriorPayouts.NONE, claim("wx-2020/1a").fees("6000").refs("ZL202310000001.1")).get(0);
      assertThat(l.status()).isEqualTo(Status.REJECTED);
      assertThat(l.badData()).isTrue();
      assertThat(l.explanation().zh()).contains("凭证号").contains("应为 5");
    }

    @Test
    void aThirteenDigitCertificateElsewhereIsNotReadAsAPatent() {
      // lyg-2021/14e counts certificates, not patents: 2023100000011 is kept as written
      PayoutLine l = run(PriorPayouts.NONE, claim("lyg-2021/14e").refs("2023100000011")).get(0);
      assertThat(paid(l)).isEqualTo("3000.00");
    }

    @Test
    void aReferencePostedAsTypedBeforeRevisionTwoIsFound() {
      // an entry posted by an earlier version holds "zl202310000001.5 " as typed; the register
      // compares it by the same canonical form
      PaymentRegister prior = new PaymentRegister();
      prior.record(
          new PaymentRegister.Keys(
              "A", "E1", null, null, null, "wx-2020/1a", List.of("202310000001.5"), null),
          2024,
          new PriorPayment(
              "2024Q4-A", LocalDate.of(2024, 12, 31), "A", new java.math.BigDecimal("5000.00")));
      PayoutLine l =
          run(prior, claim("wx-2020/1a").id("B").fees("6000").refs("ZL202310000001.5")).get(0);
      assertThat(l.status()).isEqualTo(Status.REJECTED);
      assertThat(l.explanation().zh()).contains("2024Q4-A");
    }
  }

  @Nested
  class LifetimeCapPerInstitution {
    @Test
    void aSecondApprovalNumberDoesNotOpenAFreshCap() {
      // wx-2020/11b 每家最高50万元: 300,000 under P-1, then 400,000 approved under P-2 for the
      // same institution gets the 200,000 left
      List<PayoutLine> l =
          afterEarlierRun(
              new TestClaims[] {
                claim("wx-2020/11b")
                    .id("A")
                    .entity("E1")
                    .type(EntityType.AGENCY)
                    .approved("300000")
                    .refs("P-1")
              },
              claim("wx-2020/11b")
                  .id("B")
                  .entity("E1")
                  .type(EntityType.AGENCY)
                  .approved("400000")
                  .refs("P-2"));
      assertThat(paid(l.get(0))).isEqualTo("200000.00");
    }

    @Test
    void withinOneRunToo() {
      // wx-2020/11a 每家最高100万元: 700,000 then 600,000 → 700,000 + 300,000
      List<PayoutLine> l =
          run(
              PriorPayouts.NONE,
              claim("wx-2020/11a")
                  .id("A")
                  .entity("E1")
                  .type(EntityType.AGENCY)
                  .approved("700000")
                  .refs("X-1"),
              claim("wx-2020/11a")
                  .id("B")
                  .entity("E1")
                  .type(EntityType.AGENCY)
                  .approved("600000")
                  .refs("X-2"));
      assertThat(paid(l.get(0))).isEqualTo("700000.00");
      assertThat(paid(l.get(1))).isEqualTo("300000.00");
    }

    @Test
    void anotherInstitutionHasItsOwnCap() {
      List<PayoutLine> l =
          run(
              PriorPayouts.NONE,
              claim("wx-2020/11b")
                  .id("A")
                  .entity("E1")
                  .type(EntityType.AGENCY)
                  .approved("500000")
                  .refs("P-1"),
              claim("wx-2020/11b")
                  .id("B")
                  .entity("E2")
                  .type(EntityType.AGENCY)
                  .approved("500000")
                  .refs("P-1"));
      assertThat(paid(l.get(0))).isEqualTo("500000.00");
      assertThat(paid(l.get(1))).isEqualTo("500000.00");
    }
  }

  @Nested
  class OneTimeAndOncePerYear {
    @Test
    void lyg5aIsOncePerEntityAndReference() {
      // lyg-2021/5a 100万元: a 快速维权中心 and a 运营中心 for one unit are two awards; the same
      // centre again is not
      List<PayoutLine> l =
          run(
              PriorPayouts.NONE,
              claim("lyg-2021/5a").id("A").entity("E1").refs("快维-2025-01"),
              claim("lyg-2021/5a").id("B").entity("E1").refs("运营-2025-02"),
              claim("lyg-2021/5a").id("C").entity("E1").refs("运营-2025-02"));
      assertThat(l)
          .extracting(PayoutLine::status)
          .containsExactly(Status.PAID, Status.PAID, Status.REJECTED);
      assertThat(paid(l.get(1))).isEqualTo("1000000.00");
    }

    @Test
    void lyg5aWithoutReferenceIsOncePerEntity() {
      List<PayoutLine> l =
          run(
              PriorPayouts.NONE,
              claim("lyg-2021/5a").id("A").entity("E1"),
              claim("lyg-2021/5a").id("B").entity("E1"));
      assertThat(l).extracting(PayoutLine::status).containsExactly(Status.PAID, Status.REJECTED);
    }

    @Test
    void lyg12bASecondClaimInTheSameBudgetYearIsRejectedNamingTheFirst() {
      // lyg-2021/12b 上年度: 45 patents → 30,000 + 10,000 = 40,000 in Q1; a second claim in Q2
      List<PayoutLine> l =
          afterEarlierRun(
              new TestClaims[] {
                claim("lyg-2021/12b").id("A").entity("E1").type(EntityType.AGENCY).metric(45)
              },
              claim("lyg-2021/12b").id("B").entity("E1").type(EntityType.AGENCY).metric(45));
      assertThat(l.get(0).status()).isEqualTo(Status.REJECTED);
      assertThat(l.get(0).explanation().zh()).contains("每预算年度限一次").contains("A");
    }

    @Test
    void lyg12cTwiceInOneRun() {
      List<PayoutLine> l =
          run(
              PriorPayouts.NONE,
              claim("lyg-2021/12c")
                  .id("A")
                  .entity("E1")
                  .type(EntityType.AGENCY)
                  .metric(650)
                  .metric2(420),
              claim("lyg-2021/12c")
                  .id("B")
                  .entity("E1")
                  .type(EntityType.AGENCY)
                  .metric(300)
                  .metric2(200));
      assertThat(paid(l.get(0))).isEqualTo("100000.00");
      assertThat(l.get(1).status()).isEqualTo(Status.REJECTED);
    }
  }

  @Nested
  class HigherAwardContainsTheLower {
    @Test
    void wx4bAfter4aInAnEarlierRunPaysTheDifference() {
      // wx-2020/4b 20万元 for a certificate 4a paid 5万元 earlier: 200,000 − 50,000 = 150,000
      List<PayoutLine> l =
          afterEarlierRun(
              new TestClaims[] {claim("wx-2020/4a").id("A").entity("E1").refs("GB-2024-001")},
              claim("wx-2020/4b").id("B").entity("E1").refs("gb-2024-001"));
      assertThat(l.get(0).status()).isEqualTo(Status.PAID);
      assertThat(paid(l.get(0))).isEqualTo("150000.00");
    }

    @Test
    void inOneRunTooAndThenASecond4bIsRejected() {
      List<PayoutLine> l =
          run(
              PriorPayouts.NONE,
              claim("wx-2020/4a").id("A").entity("E1").refs("GB-2024-001"),
              claim("wx-2020/4b").id("B").entity("E1").refs("GB-2024-001"),
              claim("wx-2020/4b").id("C").entity("E1").refs("GB-2024-001"));
      assertThat(l).extracting(TestAmounts::paid).containsExactly("50000.00", "150000.00", "0.00");
      assertThat(l.get(2).status()).isEqualTo(Status.REJECTED);
    }

    @Test
    void a4bRowAboveIts4aIsPaidOnceAcrossRunsThoughThe4aIsPostedLast() {
      // Q1: row 1 is 4b (2025-01-24), row 2 its 4a (2025-01-23). By event date the engine pays 4a
      // 50,000 and 4b the difference 150,000; posted in row order, 4a is recorded last. A 4b for
      // the same certificate in Q2 must still be refused (it was paid a second 150,000 before).
      List<PayoutLine> l =
          afterEarlierRun(
              new TestClaims[] {
                claim("wx-2020/4b").id("A").entity("E1").on("2025-01-24").refs("GB-2024-001"),
                claim("wx-2020/4a").id("B").entity("E1").on("2025-01-23").refs("GB-2024-001")
              },
              claim("wx-2020/4b").id("C").entity("E1").on("2025-04-10").refs("GB-2024-001"));
      assertThat(l.get(0).status()).isEqualTo(Status.REJECTED);
      assertThat(paid(l.get(0))).isEqualTo("0.00");
      assertThat(l.get(0).explanation().en()).contains("2025Q1-A");
    }

    @Test
    void wx4aAfter4bStaysRejected() {
      List<PayoutLine> l =
          run(
              PriorPayouts.NONE,
              claim("wx-2020/4b").id("A").entity("E1").refs("GB-2024-001"),
              claim("wx-2020/4a").id("B").entity("E1").refs("GB-2024-001"));
      assertThat(paid(l.get(0))).isEqualTo("200000.00");
      assertThat(l.get(1).status()).isEqualTo(Status.REJECTED);
    }
  }

  /** Paid amounts as plain text, for extracting. */
  static final class TestAmounts {
    static String paid(PayoutLine l) {
      return l.paid().toPlainString();
    }
  }
}
