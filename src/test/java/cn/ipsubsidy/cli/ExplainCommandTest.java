package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An auditor asks about one claim, from the payout workbook or from the posted run. */
class ExplainCommandTest {
  @TempDir Path dir;
  Path book;
  String runId;

  @BeforeEach
  void postTheSample() throws Exception {
    Path claims = dir.resolve("claims.xlsx");
    Files.copy(Path.of("samples", "claims-2025Q1-lianyungang.xlsx"), claims);
    Path rules = dir.resolve("local-rules.yaml");
    Files.copy(Path.of("samples", "local-rules.yaml"), rules);
    Cli r = Cli.inDir(dir, "calc", claims.toString(), "--rules", rules.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    Matcher m = Pattern.compile("运行 (\\S+)").matcher(r.out());
    assertThat(m.find()).isTrue();
    runId = m.group(1);
    book = dir.resolve("claims-payout.xlsx");
  }

  @Test
  void fromThePayoutWorkbookInChinese() {
    // LYG-2025Q1-005 is the Madrid claim the annual cap cut (see CalcEndToEndTest)
    Cli r = Cli.run("explain", "LYG-2025Q1-005", "--payout", book.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("申报 LYG-2025Q1-005")
        .contains("lyg-2021/2a")
        .contains("“鼓励和支持企业开展商标布局")
        .contains("计算步骤")
        .contains("公式")
        .contains("结果")
        .contains("年度上限")
        .doesNotContain("cut by the annual cap");
  }

  @Test
  void inEnglish() {
    Cli r = Cli.run("explain", "LYG-2025Q1-005", "--payout", book.toString(), "--lang", "en");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("Claim LYG-2025Q1-005")
        .contains("Steps")
        .contains("Result: paid")
        .contains("cut by the annual cap")
        .doesNotContain("受lyg-2021/2a同一主体年度上限");
  }

  @Test
  void fromThePostedRunWithTheEntriesThatUsedTheCap() {
    Cli r = Cli.inDir(dir, "explain", "LYG-2025Q1-005", "--run", runId, "--lang", "en");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("ledger entry #")
        .contains("Earlier ledger entries under the annual cap")
        .contains("cut by the annual cap");
  }

  @Test
  void anUnknownClaimIsAUsageError() {
    Cli r = Cli.run("explain", "NO-SUCH", "--payout", book.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("NO-SUCH");
  }
}
