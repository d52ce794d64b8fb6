package cn.ipsubsidy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.PolicyLoader;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every clause of lyg-2021 and wx-2020 against amounts worked out by hand from the policy text
 * (src/test/resources/engine/clause-cases.csv: one row a case, the "hand" column quotes the rule).
 */
class ClauseCasesTest {
  static final PolicyRegistry POLICIES = PolicyLoader.bundled();

  static Stream<CSVRecord> cases() throws IOException {
    try (Reader r =
        new InputStreamReader(
            ClauseCasesTest.class.getResourceAsStream("/engine/clause-cases.csv"),
            StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setCommentMarker('#')
          .get()
          .parse(r)
          .getRecords()
          .stream();
    }
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void clauseComputesTheHandWorkedAmount(CSVRecord c) {
    TestClaims claim = TestClaims.claim(c.get("clause")).id(c.get("case"));
    set(c, "type", v -> claim.type(EntityType.parse(v).orElseThrow()));
    set(c, "qty", v -> claim.qty(Integer.parseInt(v)));
    set(c, "level", v -> claim.level(Level.parse(v).orElseThrow()));
    set(c, "basis", claim::basis);
    set(c, "deduction", claim::deduction);
    set(c, "fees", claim::fees);
    set(c, "approved", claim::approved);
    set(c, "metric", v -> claim.metric(Long.parseLong(v)));
    set(c, "metric2", v -> claim.metric2(Long.parseLong(v)));
    set(c, "established", claim::established);

    RunResult result =
        new SubsidyEngine(POLICIES)
            .calculate(
                TestClaims.rows(claim),
                new SubsidyEngine.Options(new Period(2025, 1), null),
                PriorPayouts.NONE);
    PayoutLine line = result.lines().get(0);

    String why = c.get("case") + ": " + c.get("hand") + " — got " + line.explanation();
    assertThat(line.status().zh()).as(why).isEqualTo(c.get("status"));
    assertThat(plain(line.computed())).as(why).isEqualTo(c.get("computed"));
    assertThat(plain(line.paid())).as(why).isEqualTo(c.get("paid"));
    assertThat(plain(line.cityShare())).as(why).isEqualTo(c.get("city"));
    assertThat(plain(line.districtShare())).as(why).isEqualTo(c.get("district"));
    if (line.status() == Status.PAID) {
      assertThat(line.trace())
          .as("a paid line ends with its payout step")
          .last()
          .extracting(TraceStep::result)
          .isEqualTo(cn.ipsubsidy.domain.Money.format(line.paid()));
    }
  }

  @Test
  void everyClauseOfBothPoliciesHasAHandWorkedCase() throws IOException {
    Set<String> covered =
        cases().map(c -> c.get("clause")).collect(Collectors.toCollection(TreeSet::new));
    for (String policy : List.of("lyg-2021", "wx-2020")) {
      Set<String> codes =
          POLICIES.document(policy).orElseThrow().clauses().stream()
              .map(Clause::code)
              .map(Object::toString)
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(covered).as(policy).containsAll(codes);
    }
  }

  private static String plain(java.math.BigDecimal v) {
    return v == null ? "" : v.toPlainString();
  }

  private static void set(CSVRecord c, String column, java.util.function.Consumer<String> f) {
    String v = c.get(column);
    if (v != null && !v.isBlank()) {
      f.accept(v.strip());
    }
  }
}
