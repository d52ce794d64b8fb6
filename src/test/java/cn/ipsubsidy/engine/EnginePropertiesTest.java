package cn.ipsubsidy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.domain.ReferenceNumber;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseCode;
import cn.ipsubsidy.policy.Jurisdiction;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyLoader;
import cn.ipsubsidy.policy.PolicyRegistry;
import cn.ipsubsidy.policy.ReferenceRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random claims under any bundled clause, the engine never pays a negative amount, nothing
 * above a cap that applies (per claim, the fees of wx-2020 article 1, annual per entity, lifetime
 * per project), splits city and district shares to the fen, and pays a reference or one-time award
 * once; and the caps hold across any split of the claims into periods, each period seeing what the
 * earlier ones paid through {@link PriorPayouts}, as the ledger will give it.
 */
class EnginePropertiesTest {
  static final PolicyRegistry REGISTRY = PolicyLoader.bundled();
  static final SubsidyEngine ENGINE = new SubsidyEngine(REGISTRY);
  static final int YEAR = 2025;

  static final List<Clause> CLAUSES =
      REGISTRY.documents().stream().flatMap(d -> d.clauses().stream()).toList();

  /**
   * Clauses whose claims meet each other: annual, lifetime and per-claim caps, one-time awards,
   * exclusive references, the fees and shares of wx-2020 article 1. Half the claims use them, so
   * that claims of one entity under one cap are common.
   */
  static final List<Clause> MEETING =
      CLAUSES.stream()
          .filter(
              c ->
                  c.caps() != null && (c.caps().annual() != null || c.caps().lifetime() != null)
                      || c.eligibility().oneTime()
                      || c.references() != null
                          && c.references().mode() != ReferenceRule.Mode.PROJECT
                      || c.modifiers() != null && c.modifiers().feeCeiling())
          .toList();

  /**
   * A few clauses where claims collide most: an annual cap of 30,000 (2a) and 50,000 (9b), a
   * one-time award not by level (5a) and one by level (4a), exclusive certificates (wx 4a/4b), a
   * reference per maintenance year (wx 1c), a lifetime cap (wx 11a).
   */
  static final List<Clause> HOT =
      List.of(
              "lyg-2021/2a",
              "lyg-2021/9b",
              "lyg-2021/5a",
              "lyg-2021/4a",
              "wx-2020/4a",
              "wx-2020/4b",
              "wx-2020/1c",
              "wx-2020/11a")
          .stream()
          .map(c -> REGISTRY.clause(ClauseCode.parse(c).orElseThrow()).orElseThrow())
          .toList();

  /** A claim to generate: mutable, for jqwik's builder. */
  static final class Spec {
    Clause clause;
    boolean otherCity;
    int entity;
    EntityType type = EntityType.ENTERPRISE;
    int qty = 1;
    Level level;
    BigDecimal basis;
    BigDecimal deduction;
    BigDecimal fees;
    BigDecimal approved;
    Long metric;
    Long metric2;
    LocalDate established;
    List<String> refs = List.of();
    LocalDate eventDate;
    int period;

    TestClaims build(int index) {
      String code = clause.code().toString();
      Jurisdiction own = document(clause.code()).jurisdiction();
      List<String> districts =
          otherCity
              ? REGISTRY.documents().stream()
                  .map(PolicyDocument::jurisdiction)
                  .filter(j -> !j.id().equals(own.id()))
                  .findFirst()
                  .orElse(own)
                  .districts()
              : own.districts();
      TestClaims t =
          TestClaims.claim(code)
              .id("C" + index)
              .entity("E" + entity)
              .type(type)
              .district(districts.get(Math.floorMod(entity * 7 + index, districts.size())))
              .on(eventDate.toString())
              .qty(qty)
              .refs(refs.toArray(new String[0]));
      if (level != null) {
        t.level(level);
      }
      if (basis != null) {
        t.basis(basis.toPlainString());
      }
      if (deduction != null) {
        t.deduction(deduction.toPlainString());
      }
      if (fees != null) {
        t.fees(fees.toPlainString());
      }
      if (approved != null) {
        t.approved(approved.toPlainString());
      }
      if (metric != null) {
        t.metric(metric);
      }
      if (metric2 != null) {
        t.metric2(metric2);
      }
      if (established != null) {
        t.established(established.toString());
      }
      return t;
    }

    @Override
    public String toString() {
      return clause.code()
          + (otherCity ? " (other city)" : "")
          + " E"
          + entity
          + " "
          + type
          + " qty "
          + qty
          + " level "
          + level
          + " basis "
          + basis
          + " deduction "
          + deduction
          + " fees "
          + fees
          + " approved "
          + approved
          + " metric "
          + metric
          + "/"
          + metric2
          + " est "
          + established
          + " refs "
          + refs
          + " on "
          + eventDate
          + " period "
          + period;
    }
  }

  static PolicyDocument document(ClauseCode code) {
    return REGISTRY.document(code.policyId()).orElseThrow();
  }

  static Arbitrary<BigDecimal> money(long max) {
    return Arbitraries.bigDecimals()
        .between(BigDecimal.ZERO, BigDecimal.valueOf(max))
        .ofScale(2)
        .injectNull(0.15)
        .edgeCases(e -> e.add(BigDecimal.ZERO.setScale(2)));
  }

  @Provide
  Arbitrary<List<Spec>> claims() {
    Arbitrary<Spec> spec =
        Builders.withBuilder(Spec::new)
            .use(
                Arbitraries.oneOf(
                    Arbitraries.of(CLAUSES), Arbitraries.of(MEETING), Arbitraries.of(HOT)))
            .in((s, v) -> set(s, () -> s.clause = v))
            .use(Arbitraries.integers().between(0, 9).map(i -> i == 0))
            .in((s, v) -> set(s, () -> s.otherCity = v))
            .use(Arbitraries.integers().between(1, 3))
            .in((s, v) -> set(s, () -> s.entity = v))
            .use(Arbitraries.of(EntityType.class))
            .in((s, v) -> set(s, () -> s.type = v))
            .use(Arbitraries.integers().between(1, 4))
            .in((s, v) -> set(s, () -> s.qty = v))
            .use(Arbitraries.of(Level.class).injectNull(0.2))
            .in((s, v) -> set(s, () -> s.level = v))
            .use(money(1_500_000))
            .in((s, v) -> set(s, () -> s.basis = v))
            .use(money(50_000).injectNull(0.6))
            .in((s, v) -> set(s, () -> s.deduction = v))
            .use(money(60_000))
            .in((s, v) -> set(s, () -> s.fees = v))
            .use(money(2_500_000))
            .in((s, v) -> set(s, () -> s.approved = v))
            .use(Arbitraries.longs().between(0, 1500).injectNull(0.2))
            .in((s, v) -> set(s, () -> s.metric = v))
            .use(Arbitraries.longs().between(0, 1000).injectNull(0.2))
            .in((s, v) -> set(s, () -> s.metric2 = v))
            .use(dates(LocalDate.of(2019, 1, 1), LocalDate.of(2025, 12, 31)).injectNull(0.3))
            .in((s, v) -> set(s, () -> s.established = v))
            .use(Arbitraries.of("R1", "R2", "R3", "R4").list().ofMaxSize(2).uniqueElements())
            .in((s, v) -> set(s, () -> s.refs = v))
            .use(
                Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(
                        9, dates(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))),
                    net.jqwik.api.Tuple.of(
                        1, dates(LocalDate.of(2019, 1, 1), LocalDate.of(2021, 12, 31)))))
            .in((s, v) -> set(s, () -> s.eventDate = v))
            .use(Arbitraries.integers().between(1, 4))
            .in((s, v) -> set(s, () -> s.period = v))
            .build();
    return spec.list().ofMinSize(1).ofMaxSize(40);
  }

  private static Spec set(Spec s, Runnable r) {
    r.run();
    return s;
  }

  static Arbitrary<LocalDate> dates(LocalDate from, LocalDate to) {
    return Arbitraries.longs()
        .between(from.toEpochDay(), to.toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  static List<ClaimRow> rows(List<Spec> specs, List<Integer> indexes) {
    List<ClaimRow> rows =
        TestClaims.rows(
            indexes.stream().map(i -> specs.get(i).build(i)).toArray(TestClaims[]::new));
    return rows;
  }

  @Property(tries = 300)
  void noLineIsNegativeOrAboveTheCapsAndFeesThatApplyAndSharesAddUp(
      @ForAll("claims") List<Spec> specs) {
    List<Integer> all = java.util.stream.IntStream.range(0, specs.size()).boxed().toList();
    RunResult r =
        ENGINE.calculate(
            rows(specs, all),
            new SubsidyEngine.Options(new Period(YEAR, 4), null),
            PriorPayouts.NONE);
    for (PayoutLine l : r.lines()) {
      checkLine(l);
    }
    checkCapsAndOnce(List.of(r));
  }

  /**
   * The claims are split into the four quarters of the year, run one quarter after the other, each
   * seeing what the earlier quarters paid; the year's totals still respect every cap, and no
   * reference or one-time award is paid twice.
   */
  @Property(tries = 500)
  void capsAndExactlyOnceHoldAcrossAnySplitIntoPeriods(@ForAll("claims") List<Spec> specs) {
    PeriodsPrior prior = new PeriodsPrior();
    List<RunResult> runs = new ArrayList<>();
    for (int q = 1; q <= 4; q++) {
      int quarter = q;
      List<Integer> in =
          java.util.stream.IntStream.range(0, specs.size())
              .filter(i -> specs.get(i).period == quarter)
              .boxed()
              .toList();
      RunResult r =
          ENGINE.calculate(
              rows(specs, in),
              new SubsidyEngine.Options(new Period(YEAR, quarter), null),
              prior.prior);
      for (PayoutLine l : r.lines()) {
        checkLine(l);
      }
      prior.post(r);
      runs.add(r);
    }
    checkCapsAndOnce(runs);
  }

  static void checkLine(PayoutLine l) {
    String what = l.claimId() + " " + l.clause() + ": " + l.explanation();
    assertThat(l.paid()).as(what).isNotNull();
    assertThat(l.paid().signum()).as("never negative: " + what).isGreaterThanOrEqualTo(0);
    assertThat(l.paid().scale()).as("to the fen: " + what).isEqualTo(2);
    if (l.computed() != null) {
      assertThat(l.computed().signum()).as(what).isGreaterThanOrEqualTo(0);
      assertThat(l.paid()).as("paid ≤ computed: " + what).isLessThanOrEqualTo(l.computed());
    }
    switch (l.status()) {
      case PAID -> assertThat(Money.isPositive(l.paid())).as(what).isTrue();
      case CAPPED, REVIEW, REJECTED -> assertThat(l.paid().signum()).as(what).isZero();
    }
    Clause c = l.clause();
    if (c == null || l.status() != Status.PAID) {
      assertThat(l.cityShare()).as(what).isNull();
      return;
    }
    if (c.caps() != null && c.caps().perClaim() != null) {
      assertThat(l.paid()).as("per-claim cap: " + what).isLessThanOrEqualTo(c.caps().perClaim());
    }
    if (c.modifiers() != null && c.modifiers().feeCeiling()) {
      BigDecimal fees = l.row().claim().feesIncurred();
      assertThat(fees).as("wx-2020 article 1 pays only with fees: " + what).isNotNull();
      assertThat(l.paid()).as("never above the fees: " + what).isLessThanOrEqualTo(fees);
    }
    if (c.modifiers() != null && c.modifiers().fundingSplit() != null) {
      BigDecimal share = c.modifiers().fundingSplit().cityShare();
      assertThat(l.cityShare()).as(what).isEqualTo(Money.fen(l.paid().multiply(share)));
      assertThat(l.cityShare().add(l.districtShare()))
          .as("shares add up: " + what)
          .isEqualTo(l.paid());
      assertThat(l.districtShare().signum()).as(what).isGreaterThanOrEqualTo(0);
    } else {
      assertThat(l.cityShare()).as(what).isNull();
      assertThat(l.districtShare()).as(what).isNull();
    }
  }

  /** Over all runs: annual and lifetime caps hold, references and one-time awards paid once. */
  static void checkCapsAndOnce(List<RunResult> runs) {
    Map<String, BigDecimal> annual = new HashMap<>();
    Map<String, BigDecimal> annualCap = new HashMap<>();
    Map<String, BigDecimal> lifetime = new HashMap<>();
    Map<String, BigDecimal> lifetimeCap = new HashMap<>();
    Map<String, String> references = new HashMap<>();
    Map<String, String> referenceClauses = new HashMap<>();
    Map<String, BigDecimal> upgradePaid = new HashMap<>();
    Map<String, String> oneTime = new HashMap<>();
    for (RunResult r : runs) {
      // in the order the engine takes rows within a run: event date, then input row
      List<PayoutLine> ordered =
          r.lines().stream()
              .filter(l -> Money.isPositive(l.paid()))
              .sorted(
                  java.util.Comparator.comparing((PayoutLine l) -> l.row().claim().eventDate())
                      .thenComparing(l -> l.row().inputIndex()))
              .toList();
      for (PayoutLine l : ordered) {
        Clause c = l.clause();
        var claim = l.row().claim();
        if (c.caps() != null && c.caps().annual() != null) {
          String k = new AnnualCapKey(claim.entityId(), c.caps().annual().group()).stored();
          annual.merge(k, l.paid(), BigDecimal::add);
          annualCap.put(k, c.caps().annual().amount());
        }
        if (c.caps() != null && c.caps().lifetime() != null) {
          String k = c.caps().lifetime().group() + "|" + CapKeys.project(c, claim).stored();
          lifetime.merge(k, l.paid(), BigDecimal::add);
          lifetimeCap.put(k, c.caps().lifetime().amount());
        }
        for (String k : PeriodsPrior.referenceKeys(l)) {
          String before = references.put(k, l.claimId());
          String beforeClause = referenceClauses.put(k, c.code().toString());
          // a higher award may follow the lower one it contains (wx-2020 4b after 4a, revision 2);
          // together they pay at most the higher award's amount
          String upgrades = c.references().upgrades();
          if (before != null && upgrades != null && upgrades.equals(beforeClause)) {
            BigDecimal total = upgradePaid.getOrDefault(k, BigDecimal.ZERO).add(l.paid());
            BigDecimal higher =
                ((cn.ipsubsidy.policy.Calculation.Fixed) c.calculation())
                    .perUnit()
                    .multiply(BigDecimal.valueOf(claim.quantityOrOne()));
            assertThat(total).as("upgrade " + k).isLessThanOrEqualTo(higher);
            continue;
          }
          upgradePaid.put(k, l.paid());
          assertThat(before)
              .as("reference " + k + " paid twice: " + before + ", " + l.claimId())
              .isNull();
        }
        if (c.eligibility().oneTime()) {
          // once per entity, clause and level; lyg-2021 5a also per reference (revision 2)
          String k = CapKeys.oneTimeKey(c, claim).stored();
          String before = oneTime.put(k, l.claimId());
          assertThat(before)
              .as("one-time award " + k + " paid twice: " + before + ", " + l.claimId())
              .isNull();
        }
      }
    }
    annual.forEach(
        (k, sum) -> assertThat(sum).as("annual cap of " + k).isLessThanOrEqualTo(annualCap.get(k)));
    lifetime.forEach(
        (k, sum) ->
            assertThat(sum).as("lifetime cap of " + k).isLessThanOrEqualTo(lifetimeCap.get(k)));
  }

  /**
   * What earlier periods paid, kept as the ledger keeps it: each paid line recorded in a {@link
   * PaymentRegister} under the keys the ledger stores with its entry ({@link
   * PaymentRegister.Keys#of}).
   */
  static final class PeriodsPrior {
    final PaymentRegister prior = new PaymentRegister();
    private int run;

    void post(RunResult r) {
      run++;
      for (PayoutLine l : r.lines()) {
        if (Money.isPositive(l.paid())) {
          prior.record(l, r.period().year(), "R" + run, r.period().end());
        }
      }
    }

    /** "group|key" for each reference a paid line holds under its clause's duplicate rule. */
    static List<String> referenceKeys(PayoutLine l) {
      ReferenceRule rule = l.clause().references();
      if (rule == null || rule.mode() == ReferenceRule.Mode.PROJECT) {
        return List.of();
      }
      var claim = l.row().claim();
      Long metric = rule.mode() == ReferenceRule.Mode.UNIQUE_PER_METRIC ? claim.metric() : null;
      List<String> keys = new ArrayList<>();
      for (String ref : claim.references()) {
        // one number however it is written (revision 2): compared in its canonical form
        String form = ReferenceNumber.canonical(ref, rule.perPatent()).form();
        keys.add(rule.group() + "|" + ReferenceCheckKey.of(form, metric).stored());
      }
      if (keys.isEmpty() && rule.entityWhenEmpty()) {
        keys.add(rule.group() + "|entity:" + claim.entityId());
      }
      return keys;
    }
  }
}
