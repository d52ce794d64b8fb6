package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InfoCommandsTest {
  @Test
  void policiesListsTheFourDocumentsWithNumbersAndDates() {
    Cli r = Cli.run("policies");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("连政发〔2021〕79号")
        .contains("锡政办发〔2020〕11号")
        .contains("连政发〔2024〕45号")
        .contains("连政发〔2016〕132号")
        .contains("2021-09-29")
        .contains("2020-03-10")
        .contains("连云港市人民政府")
        .contains("江阴市");
  }

  @Test
  void clausesShowsAmountsCapsAndCitation() {
    Cli r = Cli.run("clauses", "lyg-2021");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("lyg-2021/2a")
        .contains("10,000.00/件")
        .contains("年度 30,000.00/主体")
        .contains("连政发〔2021〕79号 第二条")
        .doesNotContain("wx-2020/1a");
  }

  @Test
  void clausesWithLocalRulesShowTheOverride() {
    Cli r = Cli.run("clauses", "lyg-2021", "--rules", "samples/local-rules.yaml");
    assertThat(r.out()).contains("本地规则 3,000.00/件").contains("local-rules.yaml:");
  }

  @Test
  void versionAndHelp() {
    assertThat(Cli.run("--version").out()).contains("ipsubsidy 0.1.0");
    for (String cmd : new String[] {"calc", "validate", "policies", "clauses"}) {
      Cli r = Cli.run(cmd, "--help");
      assertThat(r.exit()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).contains("用法：");
      Cli en = Cli.en(cmd, "--help");
      assertThat(en.exit()).as(cmd).isZero();
      assertThat(en.out()).as(cmd).contains("Usage:");
    }
  }
}
