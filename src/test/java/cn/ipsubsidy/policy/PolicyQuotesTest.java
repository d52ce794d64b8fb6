package cn.ipsubsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.testsupport.SharedPolicyTexts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Every quote of the bundled policy files is a verbatim part of its policy text: with whitespace
 * removed from both (the text files break lines and pad numbers with spaces mid-sentence), the
 * quote is a substring of the text.
 */
class PolicyQuotesTest {

  @TestFactory
  List<DynamicTest> everyQuoteIsInTheSourceText() {
    List<DynamicTest> tests = new ArrayList<>();
    for (PolicyDocument d : PolicyLoader.bundled().documents()) {
      tests.add(
          DynamicTest.dynamicTest(
              d.fileName() + " quotes " + d.sourceText(),
              () -> {
                Optional<String> source = SharedPolicyTexts.read(d.sourceText());
                Assumptions.assumeTrue(
                    source.isPresent(),
                    "SKIPPED: "
                        + SharedPolicyTexts.DIR.resolve(d.sourceText()).toAbsolutePath()
                        + " not found; check out shared/ beside the project to verify the quotes");
                String text = SharedPolicyTexts.withoutWhitespace(source.get());
                List<String> quotes = new ArrayList<>();
                quotes.add(inForceQuote(d.fileName()));
                if (!d.overlapRule().isEmpty()) {
                  quotes.add(d.overlapRule());
                }
                d.clauses().forEach(c -> quotes.add(c.quote()));
                for (String q : quotes) {
                  assertThat(text)
                      .as(d.fileName())
                      .contains(SharedPolicyTexts.withoutWhitespace(q));
                }
                // the 文号 as written in the policy file is the document's, too
                assertThat(text).contains(d.number());
              }));
    }
    return tests;
  }

  /** in_force.quote is checked here; the document record has no field for it. */
  @SuppressWarnings("unchecked")
  private static String inForceQuote(String fileName) throws IOException {
    Map<String, Object> root = new Yaml().load(BundledPoliciesTest.resourceText(fileName));
    return (String) ((Map<String, Object>) root.get("in_force")).get("quote");
  }
}
