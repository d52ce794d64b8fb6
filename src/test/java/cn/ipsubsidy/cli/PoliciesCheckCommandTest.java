package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An office adds a policy and its cases as files and checks them without touching Java. */
class PoliciesCheckCommandTest {
  @TempDir Path dir;

  @Test
  void bundledPolicyPassesItsCases() {
    Cli r = Cli.run("policies", "check", "wx-2020");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("格式正确").contains("46/46 通过");
    Cli en = Cli.en("policies", "check", "wx-2020");
    assertThat(en.exit()).as(en.all()).isZero();
    assertThat(en.out()).contains("clauses, valid").contains("46/46 passed");
  }

  @Test
  void aPolicyFileWithItsCasesBesideItIsChecked() throws Exception {
    Path policy = dir.resolve("lyg-2021.yaml");
    Files.writeString(policy, PolicyLoader.bundledText("lyg-2021.yaml"));
    Files.writeString(
        dir.resolve("lyg-2021.cases.yaml"),
        """
        policy: lyg-2021
        defaults: {district: 海州区, event_date: 2025-02-10, entity_type: 企业}
        cases:
          - case: madrid-two
            clause: lyg-2021/2a
            inputs: {quantity: 2, metric: 12}
            expected: {status: 核发, paid: 20000}
            hand: 10,000 × 2
          - case: madrid-wrong
            clause: lyg-2021/2a
            inputs: {quantity: 4, metric: 12}
            expected: {status: 核发, paid: 40000}
            hand: forgets the 30,000 annual cap
        """);
    Cli r = Cli.run("policies", "check", policy.toString());
    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.out())
        .contains("通过   madrid-two")
        .contains("未通过 madrid-wrong")
        .contains("paid: 应为 expected 40,000.00，实为 got 30,000.00")
        .contains("1/2 通过，1 未通过")
        .contains("无用例的条款：lyg-2021/1a");
    Cli en = Cli.en("policies", "check", policy.toString());
    assertThat(en.exit()).as(en.all()).isEqualTo(1);
    assertThat(en.out())
        .contains("ok   madrid-two")
        .contains("FAIL madrid-wrong")
        .contains("1/2 passed, 1 failed")
        .contains("clauses without a case: lyg-2021/1a");
  }

  @Test
  void anInvalidPolicyFileIsAUsageErrorNamingTheLine() throws Exception {
    Path policy = dir.resolve("next.yaml");
    Files.writeString(
        policy, PolicyLoader.bundledText("lyg-2021.yaml").replace("kind: fixed", "kind: fixd"));
    Cli r = Cli.run("policies", "check", policy.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("next.yaml:").contains("fixd");
  }

  @Test
  void theListingStillWorks() {
    Cli r = Cli.run("policies");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("lyg-2021").contains("wx-2020");
  }
}
