package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger posted by an earlier version (main at 8ea73c6, before clause catalog revision 2; see
 * {@code src/test/resources/ledger-fixtures/README.md}) verifies, rewrites its run's workbook and
 * takes the next quarter's posting under today's code, with its entries counted as revision 2 reads
 * them: a reference written another way is the same reference, and the wx-2020 11b lifetime cap is
 * the institution's, though the old entries were keyed per approval number.
 */
class EarlierLedgerTest {
  static final String OLD_RUN = "2025Q1-20261207-094454-d8e0";

  @TempDir Path dir;
  String ledger;

  @BeforeEach
  void copyTheFixture() throws IOException {
    Path db = dir.resolve("ledger.db");
    copy("posted-by-8ea73c6.db", db);
    ledger = "jdbc:sqlite:" + db;
  }

  private Path copy(String fixture, Path to) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/ledger-fixtures/" + fixture)) {
      assertThat(in).as(fixture).isNotNull();
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
    return to;
  }

  private Cli cli(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--ledger";
    all[args.length + 1] = ledger;
    return Cli.run(all);
  }

  @Test
  void itVerifiesAndListsItsRunAsPosted() {
    Cli verify = cli("ledger", "verify");
    assertThat(verify.exit()).as(verify.all()).isZero();
    assertThat(verify.out()).contains("1 个运行，3 笔记录");
    Cli runs = cli("ledger", "runs");
    assertThat(runs.exit()).as(runs.all()).isZero();
    assertThat(runs.out()).contains(OLD_RUN).contains("旧版本").contains("600,000.00");
  }

  @Test
  void itsRunsWorkbookIsWrittenAgainWithTheSameAmounts() {
    Path again = dir.resolve("again.xlsx");
    Cli report = cli("report", OLD_RUN, "--out", again.toString());
    assertThat(report.exit()).as(report.all()).isZero();
    assertThat(report.out()).contains("600,000.00");
    assertThat(again).exists();
  }

  @Test
  void theNextQuarterPostsOnItAsRevisionTwoReadsIt() throws IOException {
    Path q2 = copy("after-8ea73c6-claims-2025q2.csv", dir.resolve("q2.csv"));
    Cli calc = cli("calc", q2.toString(), "--period", "2025Q2");
    assertThat(calc.exit()).as(calc.all()).isZero();
    // tm-wk-2001 (lyg-2021/2b) and "GI - 2025 - 07" (3a) were paid in Q1 as typed otherwise;
    // wx-2020/11b: 400,000 approved under P-2, 300,000 paid under P-1 → 200,000 left of 500,000
    assertThat(calc.out()).contains("核发 1").contains("不予核发 2").contains("核发合计：200,000.00 元");
    Matcher id = Pattern.compile("运行 (\\S+) ·").matcher(calc.out());
    assertThat(id.find()).isTrue();
    Path payout = dir.resolve("q2-payout.xlsx");
    assertThat(cli("explain", "G1", "--payout", payout.toString()).out())
        .contains("凭证号TM-WK-2001已核发（运行" + OLD_RUN);
    assertThat(cli("explain", "G2", "--payout", payout.toString()).out())
        .contains("凭证号GI-2025-07已核发（运行" + OLD_RUN);
    assertThat(cli("explain", "W2", "--payout", payout.toString()).out())
        .contains("min(400,000.00, 500,000.00 − 300,000.00)")
        .contains("核发金额 200,000.00");
    Cli verify = cli("ledger", "verify");
    assertThat(verify.exit()).as(verify.all()).isZero();
    assertThat(verify.out()).contains("2 个运行，6 笔记录");
  }
}
