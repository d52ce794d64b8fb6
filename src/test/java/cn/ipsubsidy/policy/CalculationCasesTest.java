package cn.ipsubsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The closed set of calculation kinds is closed in the code: {@link Calculation.Cases} has one
 * branch for each permitted kind, and each kind hands itself to its own branch. The fields local
 * rules may set, per kind, as {@code LocalRules} reports them when a field does not fit.
 */
class CalculationCasesTest {

  @Test
  void casesHasOneBranchForEachPermittedKind() {
    Set<Class<?>> kinds = Set.of(Calculation.class.getPermittedSubclasses());
    Set<Class<?>> branches =
        Arrays.stream(Calculation.Cases.class.getDeclaredMethods())
            .map(m -> m.getParameterTypes()[0])
            .collect(Collectors.toSet());
    assertThat(branches).isEqualTo(kinds);
    assertThat(Calculation.Cases.class.getDeclaredMethods()).hasSize(kinds.size());
  }

  @Test
  void eachKindTakesItsOwnBranch() {
    BigDecimal one = BigDecimal.ONE;
    List<Calculation> samples =
        List.of(
            new Calculation.Fixed(one),
            new Calculation.FixedByLevel(
                Map.of(cn.ipsubsidy.domain.Level.NATIONAL, BigDecimal.TEN)),
            new Calculation.UpTo(one),
            new Calculation.Approved(one, null),
            new Calculation.Percent(one, "x"),
            new Calculation.Stepped(1, one, 1, one, one),
            new Calculation.Tiered(List.of()),
            new Calculation.Unset("x", null));
    assertThat(samples.stream().map(Object::getClass).collect(Collectors.toSet()))
        .isEqualTo(Set.of(Calculation.class.getPermittedSubclasses()));
    Calculation.Cases<String> names =
        new Calculation.Cases<>() {
          @Override
          public String fixed(Calculation.Fixed c) {
            return "fixed";
          }

          @Override
          public String fixedByLevel(Calculation.FixedByLevel c) {
            return "fixed_by_level";
          }

          @Override
          public String upTo(Calculation.UpTo c) {
            return "up_to";
          }

          @Override
          public String approved(Calculation.Approved c) {
            return "approved";
          }

          @Override
          public String percent(Calculation.Percent c) {
            return "percent";
          }

          @Override
          public String stepped(Calculation.Stepped c) {
            return "stepped";
          }

          @Override
          public String tiered(Calculation.Tiered c) {
            return "tiered";
          }

          @Override
          public String unset(Calculation.Unset c) {
            return "unset";
          }
        };
    for (Calculation c : samples) {
      assertThat(c.match(names)).isEqualTo(c.kind());
    }
  }

  @Test
  void theFieldsLocalRulesMaySetPerKind() {
    BigDecimal one = BigDecimal.ONE;
    assertThat(KindField.fields(new Calculation.Fixed(one))).containsExactly("amount");
    assertThat(
            KindField.fields(
                new Calculation.FixedByLevel(
                    Map.of(cn.ipsubsidy.domain.Level.NATIONAL, BigDecimal.TEN))))
        .containsExactly("amounts");
    assertThat(KindField.fields(new Calculation.Approved(one, one))).containsExactly("max", "min");
    assertThat(KindField.fields(new Calculation.Percent(one, "x"))).containsExactly("rate");
    assertThat(KindField.fields(new Calculation.Stepped(1, one, 1, one, one)))
        .containsExactly("max");
    // the tiers are the policy's table: an office sets none of them
    assertThat(KindField.fields(new Calculation.Tiered(List.of()))).isEmpty();
    assertThat(KindField.set(new Calculation.Tiered(List.of()), "max", one)).isNull();
    KindField.Change c =
        KindField.set(new Calculation.Approved(new BigDecimal("500000"), null), "min", one);
    assertThat(c.calculation()).isEqualTo(new Calculation.Approved(new BigDecimal("500000"), one));
    assertThat(c.policyValue()).isNull();
  }
}
