package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The man pages' AsciiDoc, as the build turns it into troff (the distribution test checks those): a
 * page for every command in both languages, naming each of its options and parameters with the
 * help's words.
 */
class ManPagesTest {
  @Test
  void aPageForEveryCommandNamingItsOptions() {
    for (Lang lang : Lang.values()) {
      Map<String, String> pages = ManPages.asciiDoc(lang);
      CommandSpec root = IpSubsidy.commandLine(Messages.of(lang), Ansi.OFF).getCommandSpec();
      int[] checked = {0};
      check(root, pages, checked);
      assertThat(pages)
          .hasSize(checked[0])
          .containsKeys(
              "ipsubsidy-calc.adoc", "ipsubsidy-ledger-verify.adoc", "ipsubsidy-notice.adoc");
      assertThat(checked[0]).isGreaterThanOrEqualTo(18);
    }
  }

  private static void check(CommandSpec spec, Map<String, String> pages, int[] checked) {
    String name = spec.qualifiedName("-");
    String page = pages.get(name + ".adoc");
    assertThat(page)
        .as(name)
        .isNotNull()
        .contains("= " + name + "(1)")
        .contains(":mansource: ipsubsidy 0.1.0");
    for (String line : spec.usageMessage().description()) {
      assertThat(page).as(name).contains(line.strip());
    }
    for (OptionSpec o : spec.options()) {
      assertThat(page).as(name).contains("*" + o.longestName() + "*").contains(o.description()[0]);
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      assertThat(page).as(name).contains("_" + p.paramLabel() + "_").contains(p.description()[0]);
    }
    checked[0]++;
    spec.subcommands().values().forEach(sub -> check(sub.getCommandSpec(), pages, checked));
  }

  @Test
  void theChinesePagesAreInChinese() {
    String calc = ManPages.asciiDoc(Lang.ZH).get("ipsubsidy-calc.adoc");
    assertThat(calc).contains("计算一个季度的申报").contains("按台账计算并写出明细表，但不过账");
    assertThat(ManPages.asciiDoc(Lang.ZH).get("ipsubsidy-notice.adoc"))
        .contains("公示名单")
        .contains("个人姓名隐去")
        .contains("*--from*");
    String root = ManPages.asciiDoc(Lang.EN).get("ipsubsidy.adoc");
    assertThat(root)
        .contains(
            "ledger locked, failed its check, cannot be written or reached, or the period already posted")
        .contains("*70*::")
        .contains("internal error (a defect, out of memory)")
        .contains("~/.ipsubsidy/logs/ipsubsidy.log")
        .doesNotContain("计算");
  }
}
