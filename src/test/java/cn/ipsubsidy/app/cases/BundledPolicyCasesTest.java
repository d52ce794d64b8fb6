package cn.ipsubsidy.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bundled policy that has clauses ships a cases file beside it (policies/NAME.cases.yaml),
 * every clause has a case, and every case computes the hand-worked status and amounts, a paid one
 * ending its trace with the payout step. These files are the one table of hand-worked cases: the
 * engine test's own CSV copy of 117 of them (identical, checked when it was removed) is gone.
 */
class BundledPolicyCasesTest {

  @TestFactory
  Stream<DynamicTest> everyBundledCasePasses() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (PolicyDocument doc : PolicyLoader.bundled().documents()) {
      String text = cases(doc);
      if (text == null) {
        continue;
      }
      PolicyCases cases = PolicyCases.parse(PolicyCases.casesFileName(doc.fileName()), text);
      assertThat(cases.policyId()).isEqualTo(doc.id());
      for (PolicyCases.Result r : cases.run(PolicyLoader.bundled())) {
        tests.add(
            DynamicTest.dynamicTest(
                doc.id() + " " + r.testCase().name(),
                () -> {
                  assertThat(r.differences())
                      .as(r.testCase().hand() + " — got " + r.line().explanation())
                      .isEmpty();
                  if (r.line().status() == cn.ipsubsidy.engine.Status.PAID) {
                    assertThat(r.line().trace())
                        .as("a paid line ends with its payout step")
                        .last()
                        .extracting(cn.ipsubsidy.engine.TraceStep::result)
                        .isEqualTo(cn.ipsubsidy.domain.Money.format(r.line().paid()));
                  }
                }));
      }
    }
    assertThat(tests).hasSizeGreaterThan(100);
    return tests.stream();
  }

  @Test
  void everyClauseOfEveryBundledPolicyHasACase() throws IOException {
    for (PolicyDocument doc : PolicyLoader.bundled().documents()) {
      if (doc.clauses().isEmpty()) {
        continue;
      }
      String text = cases(doc);
      assertThat(text).as(doc.fileName() + " has no cases file beside it").isNotNull();
      List<String> covered =
          PolicyCases.parse("cases", text).cases().stream().map(PolicyCases.Case::clause).toList();
      for (Clause c : doc.clauses()) {
        assertThat(covered).as(doc.id()).contains(c.code().toString());
      }
    }
  }

  @Test
  void aCaseWithAnUnknownInputIsRefusedWithTheFileAndKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                PolicyCases.parse(
                    "x.cases.yaml",
                    "policy: lyg-2021\ncases:\n  - case: a\n    clause: lyg-2021/2a\n"
                        + "    inputs: {colour: red}\n    expected: {paid: 0}\n"))
        .hasMessageContaining("x.cases.yaml")
        .hasMessageContaining("colour");
  }

  private static String cases(PolicyDocument doc) throws IOException {
    try (InputStream in =
        PolicyLoader.class.getResourceAsStream(
            "/policies/" + PolicyCases.casesFileName(doc.fileName()))) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
