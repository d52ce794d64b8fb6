package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.claims.EntityIds;
import cn.ipsubsidy.ledger.TestLedgers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's scenarios through the command line, on a real ledger: annual caps across quarters,
 * exactly-once posting, --replace, one-time awards and lifetime caps across years, tampering, and
 * the annual reconciliation. Run against SQLite and PostgreSQL by the subclasses.
 */
abstract class LedgerScenarios {
  static final String E1 = uscc("91320706MA1000001");
  static final String E2 = uscc("91320703MA1000002");
  static final String W1 = uscc("91320211MA1000104");
  static final String HEADER = "申报编号,主体代码,主体名称,主体类型,所属地区,条款,事项日期,数量,核定金额,指标,凭证号\n";

  @TempDir Path dir;
  String ledger;

  abstract String newLedger(Path dir);

  @BeforeEach
  void freshLedger() {
    ledger = newLedger(dir);
  }

  static String uscc(String first17) {
    return first17 + EntityIds.usccCheckChar(first17);
  }

  Path claims(String name, String... rows) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, HEADER + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    return f;
  }

  Cli cli(String... args) {
    String[] withLedger = java.util.Arrays.copyOf(args, args.length + 2);
    withLedger[args.length] = "--ledger";
    withLedger[args.length + 1] = ledger;
    return Cli.run(withLedger);
  }

  /** Runs calc and returns its run id; fails with the output when it did not exit 0. */
  String calc(Path claims, String... more) {
    String[] args = new String[more.length + 2];
    args[0] = "calc";
    args[1] = claims.toString();
    System.arraycopy(more, 0, args, 2, more.length);
    Cli r = cli(args);
    assertThat(r.exit()).as(r.all()).isZero();
    return runId(r);
  }

  static String runId(Cli r) {
    Matcher m = Pattern.compile("运行 (\\S+) ·").matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    return m.group(1);
  }

  Map<String, List<String>> detail(Path claims) throws Exception {
    String stem = claims.getFileName().toString().replace(".csv", "");
    try (XSSFWorkbook wb = new XSSFWorkbook(dir.resolve(stem + "-payout.xlsx").toFile())) {
      return CalcEndToEndTest.detailRows(wb);
    }
  }

  private Path q1() throws Exception {
    // lyg-2021/2a: 10,000 per mark, annual cap 30,000 per enterprise
    return claims("q1.csv", "Q1-1," + E1 + ",海创医药,企业,海州区,lyg-2021/2a,2025-02-10,2,,12,M1;M2");
  }

  private Path q2() throws Exception {
    return claims(
        "q2.csv",
        "Q2-1," + E1 + ",海创医药,企业,海州区,lyg-2021/2a,2025-05-10,2,,12,M3;M4",
        "Q2-2," + E1 + ",海创医药,企业,海州区,lyg-2021/2a,2025-05-11,1,,12,M1");
  }

  @Test
  void annualCapsCountEarlierQuartersAndAReferenceIsPaidOnce() throws Exception {
    String q1Run = calc(q1());
    assertThat(detail(q1()).get("Q1-1").get(8)).isEqualTo("20000.00");

    Path q2 = q2();
    calc(q2);
    Map<String, List<String>> d = detail(q2);
    // 20,000 claimed, 30,000 − 20,000 paid in Q1 → 10,000, 说明 names the cap and the Q1 run
    assertThat(d.get("Q2-1").get(6)).isEqualTo("核发");
    assertThat(d.get("Q2-1").get(7)).isEqualTo("20000.00");
    assertThat(d.get("Q2-1").get(8)).isEqualTo("10000.00");
    assertThat(d.get("Q2-1").get(12)).contains("年度上限").contains(q1Run);
    // the same mark number as Q1 → rejected, naming the Q1 run
    assertThat(d.get("Q2-2").get(6)).isEqualTo("不予核发");
    assertThat(d.get("Q2-2").get(12)).contains("M1").contains(q1Run);
    // 主体: 主体代码, 主体名称, 年度, 上限组, 上限, 本年此前已核发, 本次核发, 剩余额度
    try (XSSFWorkbook wb = new XSSFWorkbook(dir.resolve("q2-payout.xlsx").toFile())) {
      var row = wb.getSheet("主体").getRow(1);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo(E1);
      assertThat(row.getCell(3).getStringCellValue()).isEqualTo("lyg-2021/2a");
      assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(30000.0);
      assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(20000.0);
      assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(10000.0);
      assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(0.0);
    }
  }

  @Test
  void theSamePeriodAndFileAgainIsRefusedUntilReplaced() throws Exception {
    Path q1 = q1();
    String first = calc(q1);
    Cli again = cli("calc", q1.toString(), "--force");
    assertThat(again.exit()).isEqualTo(4);
    assertThat(again.err()).contains(first).contains("--replace").doesNotContain("Exception");

    String second = calc(q1, "--force", "--replace", first);
    Cli runs = cli("ledger", "runs");
    assertThat(runs.exit()).isZero();
    String firstLine =
        runs.out().lines().filter(l -> l.startsWith(first)).findFirst().orElseThrow();
    String secondLine =
        runs.out().lines().filter(l -> l.startsWith(second)).findFirst().orElseThrow();
    assertThat(firstLine).endsWith(second); // replaced by
    assertThat(secondLine).contains(first); // replaces
    // the replacement pays again what the replaced run paid: its reversal freed the room
    assertThat(detail(q1).get("Q1-1").get(8)).isEqualTo("20000.00");
    assertThat(cli("ledger", "verify").exit()).isZero();
  }

  /**
   * An already posted quarter run again into the same folder, without --force: the ledger's refusal
   * (exit 4, the earlier run named) comes first, not "output file exists" (exit 2), which would
   * send the clerk to --force only to be refused again (io contract, exit codes).
   */
  @Test
  void theLedgersRefusalComesBeforeExistingOutputs() throws Exception {
    Path q1 = q1();
    String first = calc(q1);
    String runsBefore = cli("ledger", "runs").out();
    byte[] workbook = Files.readAllBytes(dir.resolve("q1-payout.xlsx"));
    for (Cli again : List.of(cli("calc", q1.toString()), cli("calc", q1.toString(), "--force"))) {
      assertThat(again.exit()).as(again.all()).isEqualTo(ExitCode.LEDGER);
      assertThat(again.err())
          .contains(first)
          .contains("--replace")
          .doesNotContain("输出文件已存在")
          .doesNotContain("Exception");
    }
    assertThat(dir.resolve("q1-payout.xlsx")).hasBinaryContent(workbook);
    assertThat(cli("ledger", "runs").out()).isEqualTo(runsBefore);
  }

  /**
   * A claims file with its header and no claim rows is refused (exit 2), not posted as an empty
   * run: the ledger keeps its runs and entries, and no output file is written.
   */
  @Test
  void aHeaderWithNoClaimRowsIsRefusedAndNothingIsPosted() throws Exception {
    calc(q1());
    String before = cli("ledger", "runs").out();
    Path empty = claims("empty.csv");
    Files.writeString(empty, HEADER, StandardCharsets.UTF_8);
    Cli r = cli("calc", empty.toString());
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("empty.csv").contains("表头下没有申报").doesNotContain("Exception");
    Cli en = Cli.en("calc", empty.toString(), "--ledger", ledger);
    assertThat(en.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(en.err()).contains("empty.csv").contains("no claims under the header");
    assertThat(cli("ledger", "runs").out()).isEqualTo(before);
    assertThat(dir.resolve("empty-payout.xlsx")).doesNotExist();
    assertThat(dir.resolve("empty-audit.csv")).doesNotExist();
  }

  @Test
  void aOneTimeAwardPaidIn2024IsRefusedIn2025() throws Exception {
    // lyg-2021/8a 新认定高价值专利培育试点企业：一次性给予10万元
    String run2024 =
        calc(claims("y2024.csv", "A24," + E2 + ",港城新材,企业,连云区,lyg-2021/8a,2024-11-10,,,,"));
    Path y2025 = claims("y2025.csv", "A25," + E2 + ",港城新材,企业,连云区,lyg-2021/8a,2025-02-01,,,,");
    calc(y2025);
    List<String> row = detail(y2025).get("A25");
    assertThat(row.get(6)).isEqualTo("不予核发");
    assertThat(row.get(12)).contains("一次性").contains(run2024);
  }

  @Test
  void aPlatformsLifetimeCapCarriesAcrossYears() throws Exception {
    // wx-2020/9a: 按建设进度分阶段支持，每个平台最高800万元
    calc(claims("p2024.csv", "P24," + W1 + ",运营公司,服务机构,滨湖区,wx-2020/9a,2024-10-08,,6000000,,PT-1"));
    Path p2025 =
        claims("p2025.csv", "P25," + W1 + ",运营公司,服务机构,滨湖区,wx-2020/9a,2025-03-08,,3000000,,PT-1");
    calc(p2025);
    List<String> row = detail(p2025).get("P25");
    assertThat(row.get(7)).isEqualTo("3000000.00");
    assertThat(row.get(8)).isEqualTo("2000000.00");
    assertThat(row.get(12)).contains("累计上限");
  }

  @Test
  void aDryRunPostsNothing() throws Exception {
    Path q1 = q1();
    Cli r = cli("calc", q1.toString(), "--dry-run");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("试算，未过账");
    assertThat(cli("ledger", "runs").out().lines().filter(l -> l.startsWith("2025Q1"))).isEmpty();
    calc(q1, "--force"); // not refused: nothing was posted
  }

  @Test
  void reportRewritesAPostedRunWithTheSameAmounts() throws Exception {
    Path q2 = q2();
    calc(q1());
    String run = calc(q2);
    Path again = dir.resolve("again.xlsx");
    Cli r = cli("report", run, "--out", again.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    Map<String, List<String>> original = detail(q2);
    try (XSSFWorkbook wb = new XSSFWorkbook(again.toFile())) {
      Map<String, List<String>> rewritten = CalcEndToEndTest.detailRows(wb);
      assertThat(rewritten.keySet()).containsExactlyElementsOf(original.keySet());
      for (String id : original.keySet()) {
        // status, computed, paid, shares and citation as posted
        assertThat(rewritten.get(id).subList(6, 12)).isEqualTo(original.get(id).subList(6, 12));
      }
    }
  }

  @Test
  void reportTitlesTheWorkbookAsItsRunDid() throws Exception {
    Path rules = dir.resolve("local-rules.yaml");
    Files.copy(Path.of("samples", "local-rules.yaml"), rules);
    Path q1 = q1();
    String withRules = calc(q1, "--rules", rules.toString());
    Path q2 = q2();
    String without = calc(q2);
    // the office the rules file names; without one, the issuer of the policy its lines were under
    assertThat(title(dir.resolve("q1-payout.xlsx")))
        .isEqualTo("连云港市市场监督管理局（知识产权局） 2025年第一季度 知识产权资助资金核发汇总表");
    assertThat(title(dir.resolve("q2-payout.xlsx"))).isEqualTo("连云港市人民政府 2025年第二季度 知识产权资助资金核发汇总表");
    for (String run : List.of(withRules, without)) {
      Path again = dir.resolve(run + "-again.xlsx");
      Cli r = cli("report", run, "--out", again.toString());
      assertThat(r.exit()).as(r.all()).isZero();
      Path original = dir.resolve((run.equals(withRules) ? "q1" : "q2") + "-payout.xlsx");
      assertThat(title(again)).as(run).isEqualTo(title(original));
    }
  }

  private static String title(Path workbook) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(workbook.toFile())) {
      return wb.getSheet("汇总").getRow(0).getCell(0).getStringCellValue();
    }
  }

  @Test
  void reconcileFindsAFirstQuarterReplacedAfterTheSecondWasPosted() throws Exception {
    String q1Run = calc(q1());
    calc(q2()); // Q2-1 paid 10,000 of its 20,000: the cap was used by Q1
    assertThat(
            cli("reconcile", "--year", "2025", "--out", dir.resolve("r0.xlsx").toString()).exit())
        .isZero();

    // Q1 is corrected to one mark: 10,000. Q2-1 was entitled to 20,000 → 10,000 to top up.
    Path q1b = claims("q1b.csv", "Q1-1," + E1 + ",海创医药,企业,海州区,lyg-2021/2a,2025-02-10,1,,12,M1");
    calc(q1b, "--replace", q1Run);
    Path out = dir.resolve("r1.xlsx");
    Cli r = cli("reconcile", "--year", "2025", "--out", out.toString());
    assertThat(r.exit()).as(r.all()).isEqualTo(3);
    assertThat(r.out().strip().lines().count()).isEqualTo(1);
    assertThat(r.out()).contains(E1).contains("lyg-2021/2a").contains("10,000.00");
    try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
      var groups = wb.getSheet("差异");
      assertThat(groups.getRow(1).getCell(0).getStringCellValue()).isEqualTo(E1);
      assertThat(groups.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(10000.0);
      assertThat(wb.getSheet("申报差异").getRow(1).getCell(2).getStringCellValue()).isEqualTo("Q2-1");
    }
  }

  @Test
  void aRowEditedBehindTheToolsBackIsFoundByVerifyAndReconcile() throws Exception {
    calc(q1());
    try (Connection c = DriverManager.getConnection(ledger);
        Statement s = c.createStatement()) {
      s.execute(TestLedgers.dropUpdateTrigger(ledger, "ledger_entries"));
      s.executeUpdate("UPDATE ledger_entries SET paid = '30000.00' WHERE kind = 'PAYOUT'");
    }
    Cli verify = cli("ledger", "verify");
    assertThat(verify.exit()).isEqualTo(4);
    assertThat(verify.err()).contains("Q1-1").doesNotContain("Exception");
    Cli reconcile = cli("reconcile", "--year", "2025", "--out", dir.resolve("r.xlsx").toString());
    assertThat(reconcile.exit()).isEqualTo(4);
    assertThat(reconcile.err()).contains("Q1-1");
    Cli post = cli("calc", q2().toString());
    assertThat(post.exit()).isEqualTo(4);
    assertThat(dir.resolve("q2-payout.xlsx")).doesNotExist();
  }
}
