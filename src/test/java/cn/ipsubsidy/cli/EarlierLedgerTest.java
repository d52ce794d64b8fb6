package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

  /** The runs of posted-by-b21fab6.db: 连云港 with local rules, 无锡, and 无锡 corrected. */
  static final String LYG_RUN = "2025Q1-20261207-095105-4da5";

  static final String WX_RUN = "2025Q1-20261207-095107-00b2";
  static final String WX_CORRECTED_RUN = "2025Q1-20261207-095117-982b";

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

  // ---- posted by b21fab6

  private void useTheB21fab6Fixture() throws IOException {
    ledger = "jdbc:sqlite:" + copy("posted-by-b21fab6.db", dir.resolve("b21fab6.db"));
  }

  @Test
  void aLedgerPostedByB21fab6VerifiesAndListsItsRuns() throws IOException {
    useTheB21fab6Fixture();
    Cli verify = cli("ledger", "verify");
    assertThat(verify.exit()).as(verify.all()).isZero();
    // 44 + 32 payouts, then 32 reversals of the replaced run and its 32 corrected payouts
    assertThat(verify.out()).contains("3 个运行，140 笔记录");
    Cli runs = cli("ledger", "runs");
    assertThat(runs.exit()).as(runs.all()).isZero();
    assertThat(runs.out())
        .contains(LYG_RUN + " | 2025Q1 | lyg-2016,lyg-2021,lyg-2024,wx-2020,local-rules")
        .contains("4,798,000.00")
        .contains(WX_RUN)
        .contains("21,303,677.77 | — | " + WX_CORRECTED_RUN)
        .contains("21,301,277.77 | " + WX_RUN + " | —");
    Cli report = cli("report", WX_CORRECTED_RUN, "--out", dir.resolve("again.xlsx").toString());
    assertThat(report.exit()).as(report.all()).isZero();
    assertThat(report.out()).contains("32 笔，核发合计 21,301,277.77 元");
  }

  @Test
  void aLedgerPostedByB21fab6TakesTheNextQuarterAsPosted() throws IOException {
    useTheB21fab6Fixture();
    Path q2 = copy("after-b21fab6-claims-2025q2.csv", dir.resolve("q2.csv"));
    Cli calc = cli("calc", q2.toString(), "--period", "2025Q2");
    assertThat(calc.exit()).as(calc.all()).isZero();
    // WX-2025Q1-003: paid 2,000.00 in the replaced run only (the correction rejected its date), so
    // it is paid now: 5,000.00 per patent, halved for a person, at most the fees of 2,000.00.
    // WX-2025Q2-001: ZL202410000011.3, paid by the corrected run. WX-2025Q2-002: two patents,
    // min(2 × 5,000.00, fees 8,000.00) = 8,000.00.
    assertThat(calc.out()).contains("核发 2").contains("不予核发 1").contains("核发合计：10,000.00 元");
    Path payout = dir.resolve("q2-payout.xlsx");
    assertThat(cli("explain", "WX-2025Q2-001", "--payout", payout.toString()).out())
        .contains("凭证号ZL202410000011.3已核发（运行" + WX_CORRECTED_RUN);
    assertThat(cli("explain", "WX-2025Q1-003", "--payout", payout.toString()).out())
        .contains("核发金额 2,000.00");
    Cli verify = cli("ledger", "verify");
    assertThat(verify.exit()).as(verify.all()).isZero();
    assertThat(verify.out()).contains("4 个运行，143 笔记录");
  }

  /**
   * The fixture's three runs posted again by today's code into a new ledger: every stored value of
   * every table is what b21fab6 stored (SQLite's quote(), so its type too), but for what names or
   * times the run itself.
   */
  @Test
  void todaysCodeStoresTheSameRunsExactlyAsB21fab6Did() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path lyg =
        copy("posted-by-b21fab6-lianyungang.xlsx", in.resolve("claims-2025Q1-lianyungang.xlsx"));
    Path rules = copy("posted-by-b21fab6-local-rules.yaml", in.resolve("local-rules.yaml"));
    Path wx = copy("posted-by-b21fab6-wuxi.csv", in.resolve("claims-2025Q1-wuxi.csv"));
    Path corrected =
        copy(
            "posted-by-b21fab6-wuxi-corrected.csv", in.resolve("claims-2025Q1-wuxi-corrected.csv"));
    Path again = dir.resolve("again.db");
    ledger = "jdbc:sqlite:" + again;
    String[] posting = {"--period", "2025Q1", "--operator", "今日版本"};
    Cli first =
        cli(concat(new String[] {"calc", lyg.toString(), "--rules", rules.toString()}, posting));
    assertThat(first.exit()).as(first.all()).isZero();
    Cli second = cli(concat(new String[] {"calc", wx.toString()}, posting));
    assertThat(second.exit()).as(second.all()).isZero();
    Matcher id = Pattern.compile("运行 (\\S+) ·").matcher(second.out());
    assertThat(id.find()).isTrue();
    Cli third =
        cli(concat(new String[] {"calc", corrected.toString(), "--replace", id.group(1)}, posting));
    assertThat(third.exit()).as(third.all()).isEqualTo(1); // one row of bad data
    Path fixture = copy("posted-by-b21fab6.db", dir.resolve("b21fab6.db"));
    List<String> stored = storedValues(again);
    List<String> byB21fab6 = storedValues(fixture);
    // 3 runs, 140 entries, 101 reference keys, 14 cap usages, 13 run documents, 5 documents
    assertThat(byB21fab6).hasSize(276);
    assertThat(without(stored, byB21fab6)).as("stored now, not by b21fab6").isEmpty();
    assertThat(without(byB21fab6, stored)).as("stored by b21fab6, not now").isEmpty();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** Columns that name or time the run itself, so differ between two postings of one input. */
  private static final List<String> OF_THE_RUN =
      List.of("run_id", "posted_at", "replaces_run_id", "input_file", "prev_hash", "hash");

  /** Each row of each ledger table as "table|quote(col)|…", sorted. */
  private static List<String> storedValues(Path db) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      for (String table :
          List.of(
              "ledger_runs",
              "ledger_entries",
              "ledger_entry_refs",
              "ledger_cap_usages",
              "ledger_run_documents",
              "ledger_documents")) {
        List<String> quoted = new ArrayList<>();
        try (ResultSet rs =
            s.executeQuery("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid")) {
          while (rs.next()) {
            if (!OF_THE_RUN.contains(rs.getString(1))) {
              quoted.add("quote(" + rs.getString(1) + ")");
            }
          }
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT '"
                    + table
                    + "|' || "
                    + String.join(" || '|' || ", quoted)
                    + " FROM "
                    + table)) {
          while (rs.next()) {
            rows.add(rs.getString(1));
          }
        }
      }
    }
    rows.sort(null);
    return rows;
  }

  private static List<String> without(List<String> rows, List<String> others) {
    List<String> left = new ArrayList<>(rows);
    for (String o : others) {
      left.remove(o);
    }
    return left;
  }
}
