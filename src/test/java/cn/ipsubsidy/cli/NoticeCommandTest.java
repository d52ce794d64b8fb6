package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.app.NoticeJob;
import cn.ipsubsidy.claims.EntityIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.HeaderFooter;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code notice}: the public notice of a run's proposed awards. Two enterprises and three
 * individuals in 海州区 and 连云区 under lyg-2021/2a (10,000 per mark, 30,000 a year per enterprise) and
 * 14a (50,000 per person), one individual rejected; read back with POI, every place a name or
 * number could hide is searched.
 */
class NoticeCommandTest {
  static final String E1 = uscc("91320706MA1000001");
  static final String E2 = uscc("91320703MA1000002");
  static final String ZHANG = resident("32070619800101123");
  static final String OUYANG = resident("32070319900215234");
  static final String LI = resident("32070619850505345");
  static final String WANG = resident("32070619700707456");
  static final String OFFICE = "连云港市市场监督管理局（知识产权局）";

  /** Claim ids: one holds a resident ID, as some offices number them. */
  static final List<String> CLAIM_IDS =
      List.of("NC-0001", "NC-0002", "P-" + ZHANG, "NC-0004", "NC-0005", "NC-0006", "NC-0007");

  static final List<String> SECRETS =
      List.of(E1, E2, ZHANG, OUYANG, LI, WANG, "张三", "欧阳明", "李四", "王五");

  @TempDir Path dir;
  Path claims;
  Path rules;

  static String uscc(String first17) {
    return first17 + EntityIds.usccCheckChar(first17);
  }

  static String resident(String first17) {
    return first17 + EntityIds.residentIdCheckChar(first17);
  }

  @BeforeEach
  void files() throws IOException {
    claims =
        Files.writeString(
            dir.resolve("claims.csv"),
            "申报编号,主体代码,主体名称,主体类型,所属地区,条款,事项日期,数量,指标,凭证号\n"
                // 2 marks: 20,000
                + row(0, E1, "海创医药有限公司", "企业", "海州区", "lyg-2021/2a", "2,12,M1;M2")
                // 50,000
                + row(1, OUYANG, "欧阳明", "个人", "连云区", "lyg-2021/14a", ",,")
                + row(2, ZHANG, "张三", "个人", "海州区", "lyg-2021/14a", ",,")
                // 1 mark: 10,000
                + row(3, E2, "连云港港口科技有限公司", "企业", "连云区", "lyg-2021/2a", "1,12,M3")
                // 2 marks, 20,000 computed, cut to the 10,000 left under the 30,000 annual cap
                + row(4, E1, "海创医药有限公司", "企业", "海州区", "lyg-2021/2a", "2,12,M4;M5")
                // 2a is for enterprises: rejected, paid 0.00, not listed
                + row(5, WANG, "王五", "个人", "海州区", "lyg-2021/2a", "1,12,M6")
                + row(6, LI, "李四", "个人", "海州区", "lyg-2021/14a", ",,"),
            StandardCharsets.UTF_8);
    rules =
        Files.writeString(
            dir.resolve("rules.yaml"),
            "office: " + OFFICE + "\nclauses: {}\n",
            StandardCharsets.UTF_8);
  }

  private static String row(
      int i, String id, String name, String type, String district, String clause, String rest) {
    return String.join(",", CLAIM_IDS.get(i), id, name, type, district, clause, "2025-02-10", rest)
        + "\n";
  }

  /** Posts the claims under {@code rulesFile} and returns the run id. */
  private String post(Path rulesFile, String... more) {
    List<String> args = new ArrayList<>(List.of("calc", claims.toString()));
    if (rulesFile != null) {
      args.addAll(List.of("--rules", rulesFile.toString()));
    }
    args.addAll(List.of(more));
    Cli r = Cli.inDir(dir, args.toArray(String[]::new));
    assertThat(r.exit()).as(r.all()).isZero(); // 王五 is rejected, not bad data
    Matcher m = Pattern.compile("运行 (\\S+) ·").matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    return m.group(1);
  }

  private Cli notice(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "notice";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.inDir(dir, all);
  }

  @Test
  void theNoticeListsThePaidClaimsByDistrictAndClauseWithNamesMasked() throws Exception {
    String run = post(rules);
    Path out = dir.resolve("notice.xlsx");
    Cli r = notice(run, "--out", out.toString(), "--from", "2025-06-01", "--to", "2025-06-07");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .contains(run)
        .contains("6 项")
        .contains("190,000.00")
        .contains("3 名个人的姓名已隐去");
    try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(1);
      XSSFSheet s = wb.getSheet("公示名单");
      assertThat(s).isNotNull();
      List<String> heading = heading(s);
      assertThat(heading)
          .contains("2025年第一季度知识产权资助拟核发名单公示")
          .contains("政策依据：连政发〔2021〕79号《关于促进知识产权高质量发展若干政策措施》")
          .contains("发布单位：" + OFFICE)
          .contains("资助期间：2025年第一季度（2025年1月1日至2025年3月31日）")
          .contains("公示期：2025年6月1日至2025年6月7日")
          .contains("公示期内如有异议，请向" + OFFICE + "反映。");
      // by district (the jurisdiction's order: 海州区, 连云区), then clause (2a, 14a); amounts by hand
      String madrid = "马德里商标国际注册(延伸注册国≥10)";
      String leader = "全国知识产权领军人才";
      assertThat(table(s))
          .containsExactly(
              List.of("序号", "所属地区", "主体名称", "条款名称", "核发金额"),
              List.of("1", "海州区", "海创医药有限公司", madrid, "20,000.00"),
              List.of("2", "海州区", "海创医药有限公司", madrid, "10,000.00"),
              List.of("", "海州区", "小计", madrid, "30,000.00"),
              List.of("3", "海州区", "张*", leader, "50,000.00"),
              List.of("4", "海州区", "李*", leader, "50,000.00"),
              List.of("", "海州区", "小计", leader, "100,000.00"),
              List.of("5", "连云区", "连云港港口科技有限公司", madrid, "10,000.00"),
              List.of("", "连云区", "小计", madrid, "10,000.00"),
              List.of("6", "连云区", "欧**", leader, "50,000.00"),
              List.of("", "连云区", "小计", leader, "50,000.00"),
              List.of("", "合计", "共 6 项", "", "190,000.00"));
      // money cells are numbers formatted #,##0.00
      Row first = s.getRow(headerRow(s) + 1);
      assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(20000.0);
      assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
      // printable: A4, one page wide, the header row atop every page, page numbers in the footer
      PrintSetup print = s.getPrintSetup();
      assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
      assertThat(s.getFitToPage()).isTrue();
      assertThat(print.getFitWidth()).isEqualTo((short) 1);
      assertThat(print.getFitHeight()).isZero();
      int h = headerRow(s);
      assertThat(s.getRepeatingRows().formatAsString()).isEqualTo((h + 1) + ":" + (h + 1));
      assertThat(s.getFooter().getCenter()).contains("第 &P 页，共 &N 页");
      // the office is the author, not the operator
      POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
      assertThat(core.getCreator()).isEqualTo(OFFICE);
      assertThat(core.getLastModifiedByUser()).isEqualTo(OFFICE);
      assertThat(core.getTitle()).isEqualTo("2025年第一季度知识产权资助拟核发名单公示");
    }
    assertNothingPersonal(out);
  }

  @Test
  void theNoticePeriodIsLeftBlankWithoutDatesAndTheDefaultNameIsTheRuns() throws Exception {
    String run = post(null);
    Cli r = notice(run);
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("公示期留空待手填");
    Path out = Path.of(run + "-notice.xlsx");
    try {
      try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
        XSSFSheet s = wb.getSheet("公示名单");
        assertThat(heading(s))
            .contains(
                "公示期：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日至"
                    + "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日")
            // no rules: the office is the policy's issuer
            .contains("发布单位：连云港市人民政府")
            .contains("公示期内如有异议，请向连云港市人民政府反映。");
        assertThat(wb.getProperties().getCoreProperties().getCreator()).isEqualTo("连云港市人民政府");
      }
      assertNothingPersonal(out);
      // an existing notice is kept without --force
      Cli again = notice(run);
      assertThat(again.exit()).isEqualTo(2);
      assertThat(again.err()).contains(out.toString()).doesNotContain("Exception");
      assertThat(notice(run, "--force").exit()).isZero();
    } finally {
      Files.deleteIfExists(out);
    }
  }

  @Test
  void rulesThatSayNotToMaskShowIndividualsInFull() throws Exception {
    Path unmasked =
        Files.writeString(
            dir.resolve("unmasked.yaml"),
            "office: " + OFFICE + "\nclauses: {}\nnotice:\n  mask_individual_names: false\n",
            StandardCharsets.UTF_8);
    String run = post(unmasked);
    Path out = dir.resolve("full.xlsx");
    Cli r = Cli.en("notice", run, "-o", out.toString(), "--ledger", ledger());
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("names of 3 individuals shown in full");
    try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
      List<String> names = table(wb.getSheet("公示名单")).stream().map(row -> row.get(2)).toList();
      assertThat(names).contains("张三", "李四", "欧阳明", "海创医药有限公司").doesNotContain("张*", "欧**");
      String all = everything(wb);
      for (String id : List.of(E1, E2, ZHANG, OUYANG, LI, WANG)) {
        assertThat(all).doesNotContain(id);
      }
    }
  }

  @Test
  void aBadMaskingValueInTheRulesNamesTheFileAndLine() throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("bad-rules.yaml"),
            "office: " + OFFICE + "\nclauses: {}\nnotice:\n  mask_individual_names: 否\n",
            StandardCharsets.UTF_8);
    Cli r = Cli.inDir(dir, "calc", claims.toString(), "--rules", bad.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("bad-rules.yaml:4").contains("mask_individual_names");
  }

  @Test
  void aDryRunsPayoutWorkbookGivesTheSameNotice() throws Exception {
    String run = post(rules);
    Path fromRun = dir.resolve("from-run.xlsx");
    assertThat(notice(run, "-o", fromRun.toString()).exit()).isZero();

    Path dry = Files.createDirectory(dir.resolve("dry"));
    Path dryClaims = Files.copy(claims, dry.resolve("claims.csv"));
    Cli calc =
        Cli.inDir(dry, "calc", dryClaims.toString(), "--rules", rules.toString(), "--dry-run");
    assertThat(calc.exit()).as(calc.all()).isZero();
    Path payout = dry.resolve("claims-payout.xlsx");

    // the workbook was computed under rules.yaml: the notice needs that file, and only that one
    Cli noRules = notice("--payout", payout.toString());
    assertThat(noRules.exit()).isEqualTo(2);
    assertThat(noRules.err()).contains("rules.yaml").contains("--rules");
    Path other =
        Files.writeString(
            dir.resolve("other.yaml"), "office: 别的局\nclauses: {}\n", StandardCharsets.UTF_8);
    Cli wrongRules = notice("--payout", payout.toString(), "--rules", other.toString());
    assertThat(wrongRules.exit()).isEqualTo(2);
    assertThat(wrongRules.err()).contains("other.yaml").contains("rules.yaml");

    Cli r = notice("--payout", payout.toString(), "--rules", rules.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    Path fromPayout = dry.resolve("claims-notice.xlsx");
    assertThat(r.out()).contains(fromPayout.getFileName().toString());
    try (XSSFWorkbook a = new XSSFWorkbook(fromRun.toFile());
        XSSFWorkbook b = new XSSFWorkbook(fromPayout.toFile())) {
      assertThat(table(b.getSheet("公示名单"))).isEqualTo(table(a.getSheet("公示名单")));
      assertThat(heading(b.getSheet("公示名单"))).isEqualTo(heading(a.getSheet("公示名单")));
    }
    assertNothingPersonal(fromPayout);
  }

  @Test
  void aRunTheLedgerDoesNotHoldIsAUsageError() {
    Cli r = notice("2025Q1-20250101-000000-abcd");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("台账中没有运行 2025Q1-20250101-000000-abcd").doesNotContain("Exception");
    Cli en = Cli.en("notice", "2025Q1-20250101-000000-abcd", "--ledger", ledger());
    assertThat(en.exit()).isEqualTo(2);
    assertThat(en.err()).contains("no run 2025Q1-20250101-000000-abcd");
  }

  @Test
  void aReplacedRunIsRefusedNamingTheRunThatReplacedIt() {
    String first = post(rules);
    String second = post(rules, "--force", "--replace", first);
    Cli zh = notice(first);
    assertThat(zh.exit()).isEqualTo(2);
    assertThat(zh.err())
        .contains("运行 " + first + " 已被运行 " + second + " 替换")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    Cli en = Cli.en("notice", first, "--ledger", ledger());
    assertThat(en.exit()).isEqualTo(2);
    assertThat(en.err()).contains("run " + first + " was replaced by run " + second);
    assertThat(Files.exists(Path.of(first + "-notice.xlsx"))).isFalse();
  }

  @Test
  void theNoticePeriodNeedsBothDatesInOrder() {
    String run = "2025Q1-20250101-000000-abcd";
    Cli backwards = notice(run, "--from", "2025-06-07", "--to", "2025-06-01");
    assertThat(backwards.exit()).isEqualTo(2);
    assertThat(backwards.err()).contains("--to 2025-06-01 早于 --from 2025-06-07");
    Cli en = Cli.en("notice", run, "--from", "2025-06-07", "--to", "2025-06-01");
    assertThat(en.exit()).isEqualTo(2);
    assertThat(en.err()).contains("--to 2025-06-01 is before --from 2025-06-07");
    Cli one = notice(run, "--from", "2025-06-01");
    assertThat(one.exit()).isEqualTo(2);
    assertThat(one.err()).contains("--from 和 --to 须同时给出");
    Cli notADate = notice(run, "--from", "6/1", "--to", "2025-06-07");
    assertThat(notADate.exit()).isEqualTo(2);
    assertThat(notADate.err()).contains("日期应写作 2025-06-01：'6/1'");
    assertThat(notice().exit()).isEqualTo(2);
    assertThat(notice(run, "--payout", "x.xlsx").exit()).isEqualTo(2);
    Cli rulesWithRun = notice(run, "--rules", rules.toString());
    assertThat(rulesWithRun.exit()).isEqualTo(2);
    assertThat(rulesWithRun.err()).contains("--rules 只与 --payout 同用");
  }

  @Test
  void anIndividualsNameKeepsItsFirstCharacter() {
    assertThat(NoticeJob.maskName("张三")).isEqualTo("张*");
    assertThat(NoticeJob.maskName("欧阳明")).isEqualTo("欧**");
    assertThat(NoticeJob.maskName(" 𠀋三 ")).isEqualTo("𠀋*"); // a character beyond the BMP is one
    assertThat(NoticeJob.maskName("王")).isEqualTo("王");
  }

  private String ledger() {
    return "jdbc:sqlite:" + dir.resolve("ledger.db");
  }

  // ---- reading the notice back

  private static int headerRow(XSSFSheet s) {
    DataFormatter f = new DataFormatter();
    for (Row row : s) {
      if ("序号".equals(f.formatCellValue(row.getCell(0)))) {
        return row.getRowNum();
      }
    }
    throw new AssertionError("no header row");
  }

  /** The lines above the table. */
  private static List<String> heading(XSSFSheet s) {
    DataFormatter f = new DataFormatter();
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < headerRow(s); r++) {
      Row row = s.getRow(r);
      if (row != null) {
        lines.add(f.formatCellValue(row.getCell(0)));
      }
    }
    return lines;
  }

  /** The table from its header row down, each row's five cells as displayed. */
  private static List<List<String>> table(XSSFSheet s) {
    DataFormatter f = new DataFormatter(java.util.Locale.ROOT);
    List<List<String>> rows = new ArrayList<>();
    for (int r = headerRow(s); r <= s.getLastRowNum(); r++) {
      Row row = s.getRow(r);
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < 5; c++) {
        cells.add(f.formatCellValue(row.getCell(c)));
      }
      rows.add(cells);
    }
    return rows;
  }

  /**
   * Every text of the workbook POI can reach: cells, comments, sheet names, headers and footers
   * (odd, even, first), defined names, and the core, extended and custom document properties.
   */
  private static String everything(XSSFWorkbook wb) {
    StringBuilder all = new StringBuilder();
    DataFormatter f = new DataFormatter();
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      XSSFSheet s = wb.getSheetAt(i);
      all.append(s.getSheetName()).append('\n');
      for (Row row : s) {
        for (Cell c : row) {
          all.append(f.formatCellValue(c)).append('\n');
          if (c.getCellComment() != null) {
            all.append(c.getCellComment().getString().getString()).append('\n');
          }
        }
      }
      for (HeaderFooter hf :
          List.of(
              s.getHeader(),
              s.getFooter(),
              s.getOddHeader(),
              s.getOddFooter(),
              s.getEvenHeader(),
              s.getEvenFooter(),
              s.getFirstHeader(),
              s.getFirstFooter())) {
        all.append(hf.getLeft()).append(hf.getCenter()).append(hf.getRight()).append('\n');
      }
    }
    for (Name n : wb.getAllNames()) {
      all.append(n.getNameName()).append(' ').append(n.getRefersToFormula()).append('\n');
    }
    POIXMLProperties p = wb.getProperties();
    POIXMLProperties.CoreProperties core = p.getCoreProperties();
    for (String v :
        new String[] {
          core.getTitle(),
          core.getSubject(),
          core.getCreator(),
          core.getLastModifiedByUser(),
          core.getDescription(),
          core.getKeywords(),
          core.getCategory(),
          core.getContentStatus(),
          core.getIdentifier(),
          core.getRevision()
        }) {
      all.append(v).append('\n');
    }
    all.append(p.getExtendedProperties().getUnderlyingProperties()).append('\n');
    all.append(p.getCustomProperties().getUnderlyingProperties()).append('\n');
    return all.toString();
  }

  /**
   * No code, ID number, claim id or full individual name anywhere in the notice: not in what POI
   * reads ({@link #everything}), nor in any part of the file as stored (every entry of the zip).
   */
  private static void assertNothingPersonal(Path notice) throws Exception {
    String read;
    try (XSSFWorkbook wb = new XSSFWorkbook(notice.toFile())) {
      read = everything(wb);
    }
    String raw = rawParts(notice);
    // the searches see what is there
    assertThat(read).contains("张*").contains("海创医药有限公司").contains("公示名单");
    assertThat(raw).contains("张*").contains("海创医药有限公司").contains("docProps/core.xml");
    for (String secret : SECRETS) {
      assertThat(read).as(secret).doesNotContain(secret);
      assertThat(raw).as(secret).doesNotContain(secret);
    }
    for (String claimId : CLAIM_IDS) {
      assertThat(read).as(claimId).doesNotContain(claimId);
      assertThat(raw).as(claimId).doesNotContain(claimId);
    }
  }

  /** Every entry of the xlsx, named and decoded as UTF-8. */
  private static String rawParts(Path xlsx) throws IOException {
    StringBuilder all = new StringBuilder();
    try (InputStream in = Files.newInputStream(xlsx);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        all.append(e.getName()).append('\n');
        all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
      }
    }
    return all.toString();
  }
}
