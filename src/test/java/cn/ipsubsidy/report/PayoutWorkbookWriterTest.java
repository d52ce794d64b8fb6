package cn.ipsubsidy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.engine.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FontScheme;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xddf.usermodel.XDDFColorRgbBinary;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayoutWorkbookWriterTest {
  @TempDir Path dir;
  private XSSFWorkbook wb;

  @BeforeEach
  void writeDefault() throws IOException {
    wb = writeAndRead(Fixtures.result(), new PayoutWorkbookWriter());
  }

  @AfterEach
  void close() throws IOException {
    wb.close();
  }

  private XSSFWorkbook writeAndRead(RunResult result, PayoutWorkbookWriter writer)
      throws IOException {
    return writeAndRead(result, Fixtures.facts(), writer);
  }

  private XSSFWorkbook writeAndRead(RunResult result, RunFacts facts, PayoutWorkbookWriter writer)
      throws IOException {
    Path target = dir.resolve("claims-payout-" + System.nanoTime() + ".xlsx");
    writer.write(result, facts, target);
    try (InputStream in = Files.newInputStream(target)) {
      return new XSSFWorkbook(in);
    }
  }

  @Test
  void sheetsAreNamedAndOrderedAsTheContractSays() {
    assertThat(sheetNames(wb)).containsExactly("汇总", "明细", "主体", "审计", "问题");
  }

  @Test
  void tableHeadersAreExact() {
    assertThat(header(wb.getSheet("明细")))
        .containsExactly(
            "申报编号", "主体代码", "主体名称", "所属地区", "条款", "条款名称", "状态", "计算金额", "核发金额", "市级承担", "区级承担",
            "依据", "说明");
    assertThat(header(wb.getSheet("主体")))
        .containsExactly("主体代码", "主体名称", "年度", "上限组", "上限", "本年此前已核发", "本次核发", "剩余额度");
    assertThat(header(wb.getSheet("审计"))).containsExactly("申报编号", "步骤", "规则", "公式", "输入", "结果");
    assertThat(header(wb.getSheet("问题")))
        .containsExactly("工作表", "行号", "列", "单元格内容", "申报编号", "状态", "原因");
  }

  @Test
  void tableSheetsHaveABoldFrozenFilteredHeader() {
    for (String name : List.of("明细", "主体", "审计", "问题")) {
      XSSFSheet sheet = wb.getSheet(name);
      PaneInformation pane = sheet.getPaneInformation();
      assertThat(pane).as(name).isNotNull();
      assertThat(pane.isFreezePane()).as(name).isTrue();
      assertThat(pane.getHorizontalSplitPosition()).as(name).isEqualTo((short) 1);
      assertThat(pane.getVerticalSplitPosition()).as(name).isEqualTo((short) 0);
      assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
      String ref = sheet.getCTWorksheet().getAutoFilter().getRef();
      int columns = sheet.getRow(0).getLastCellNum();
      assertThat(ref)
          .as(name)
          .isEqualTo("A1:" + (char) ('A' + columns - 1) + (sheet.getLastRowNum() + 1));
      Cell first = sheet.getRow(0).getCell(0);
      assertThat(wb.getFontAt(first.getCellStyle().getFontIndex()).getBold()).as(name).isTrue();
      for (int c = 0; c < columns; c++) {
        assertThat(sheet.getColumnWidth(c)).as(name + " col " + c).isGreaterThan(4 * 256);
      }
    }
  }

  @Test
  void everySheetPrintsLandscapeOnePageWideWithItsNameInTheFooter() {
    for (Sheet sheet : wb) {
      String name = sheet.getSheetName();
      PrintSetup setup = sheet.getPrintSetup();
      assertThat(setup.getLandscape()).as(name).isTrue();
      assertThat(setup.getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
      assertThat(sheet.getFitToPage()).as(name).isTrue();
      assertThat(setup.getFitWidth()).as(name).isEqualTo((short) 1);
      assertThat(setup.getFitHeight()).as(name).isZero();
      assertThat(sheet.getFooter().getCenter()).as(name).contains("&A", "&P", "&N");
    }
  }

  @Test
  void tablesPrintTheirHeaderAtopEveryPageWithGridlines() {
    assertThat(wb.getSheet("汇总").getRepeatingRows()).isNull();
    for (String name : List.of("明细", "主体", "审计", "问题")) {
      Sheet sheet = wb.getSheet(name);
      assertThat(sheet.getRepeatingRows().getFirstRow()).as(name).isZero();
      assertThat(sheet.getRepeatingRows().getLastRow()).as(name).isZero();
      assertThat(sheet.isPrintGridlines()).as(name).isTrue();
    }
  }

  @Test
  void longTextWrapsInANarrowColumnOnARowTallEnoughForIt() {
    Sheet detail = wb.getSheet("明细");
    Row paid = detail.getRow(1);
    // 说明 "按每件 10,000.00 元核发 2 件 / 10,000.00 per unit × 2" takes two lines
    assertThat(paid.getCell(12).getCellStyle().getWrapText()).isTrue();
    assertThat(detail.getColumnWidth(12)).isEqualTo((Cells.WRAP_WIDTH + 2) * 256);
    assertThat(paid.getHeightInPoints()).isEqualTo(2 * Cells.LINE_POINTS);
    // the other cells of the row sit at its top, level with the first line
    assertThat(paid.getCell(0).getCellStyle().getVerticalAlignment())
        .isEqualTo(VerticalAlignment.TOP);
    assertThat(paid.getCell(8).getCellStyle().getVerticalAlignment())
        .isEqualTo(VerticalAlignment.TOP);
    // short text keeps one line of the default height
    Sheet entities = wb.getSheet("主体");
    assertThat(entities.getRow(1).getHeightInPoints())
        .isEqualTo(entities.getDefaultRowHeightInPoints());
    assertThat(wrapped(detail)).containsExactly("条款名称", "说明");
    assertThat(wrapped(wb.getSheet("审计"))).containsExactly("规则", "公式", "输入", "结果");
    assertThat(wrapped(wb.getSheet("问题"))).containsExactly("单元格内容", "原因");
  }

  /** The headers of the columns whose first cell with text wraps. */
  private static List<String> wrapped(Sheet sheet) {
    List<String> headers = new ArrayList<>();
    for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Cell cell = sheet.getRow(r).getCell(c);
        if (cell != null && cell.getCellType() == CellType.STRING) {
          if (cell.getCellStyle().getWrapText()) {
            headers.add(sheet.getRow(0).getCell(c).getStringCellValue());
          }
          break;
        }
      }
    }
    return headers;
  }

  @Test
  void everyStyleAppliesCalibriNamedOutright() {
    // LibreOffice ignores a style's font unless the style says to apply it, and without a theme
    // Excel takes its own theme's font for the "minor" one: both wider than the widths assume
    XSSFFont font = wb.getFontAt(0);
    assertThat(font.getFontName()).isEqualTo("Calibri");
    assertThat(font.getScheme()).isEqualTo(FontScheme.NONE);
    for (int i = 0; i < wb.getNumCellStyles(); i++) {
      assertThat(wb.getCellStyleAt(i).getCoreXf().getApplyFont()).as("style " + i).isTrue();
    }
  }

  @Test
  void detailHasOneRowPerLineInInputOrderWithTypedValues() {
    Sheet detail = wb.getSheet("明细");
    assertThat(detail.getLastRowNum()).isEqualTo(8);
    assertThat(column(detail, 0))
        .containsExactly(
            "LYG-001",
            "LYG-002",
            "'@LYG-003",
            "LYG-004",
            "LYG-005",
            "LYG-006",
            "LYG-007",
            "LYG-008");

    Row paid = detail.getRow(1);
    assertThat(texts(paid, 0, 7))
        .containsExactly(
            "LYG-001", "91320700MA1XXXXX01", "连云港甲公司", "海州区", "lyg-2021/2a", "马德里商标国际注册", "核发");
    assertMoney(paid.getCell(7), "20000.00");
    assertMoney(paid.getCell(8), "20000.00");
    assertMoney(paid.getCell(9), "12000.00");
    assertMoney(paid.getCell(10), "8000.00");
    assertThat(paid.getCell(11).getStringCellValue()).isEqualTo("连政发〔2021〕79号 第二条");
    assertThat(paid.getCell(12).getStringCellValue())
        .isEqualTo("按每件 10,000.00 元核发 2 件 / 10,000.00 per unit × 2");

    Row capped = detail.getRow(2);
    assertThat(capped.getCell(6).getStringCellValue()).isEqualTo("已达上限");
    assertMoney(capped.getCell(8), "0.00");
    assertThat(capped.getCell(9)).as("null share → empty cell").isNull();
    assertThat(capped.getCell(10)).isNull();

    Row review = detail.getRow(3);
    assertThat(review.getCell(6).getStringCellValue()).isEqualTo("待审核");
    assertThat(review.getCell(7)).as("no computed amount → empty cell").isNull();

    Row bad = detail.getRow(5);
    assertThat(bad.getCell(4).getStringCellValue())
        .as("no clause resolved: the text as written")
        .isEqualTo("lyg-2021/9z 未知");
    assertThat(bad.getCell(5)).isNull();
    assertThat(bad.getCell(6).getStringCellValue()).isEqualTo("不予核发");
  }

  @Test
  void entitiesHaveOneRowPerCapUsage() {
    Sheet entities = wb.getSheet("主体");
    assertThat(entities.getLastRowNum()).isEqualTo(2);
    Row annual = entities.getRow(1);
    assertThat(annual.getCell(0).getStringCellValue()).isEqualTo("91320700MA1XXXXX01");
    assertThat(annual.getCell(2).getNumericCellValue()).isEqualTo(2025);
    assertThat(annual.getCell(3).getStringCellValue()).isEqualTo("lyg-2021/2a");
    assertMoney(annual.getCell(4), "50000.00");
    assertMoney(annual.getCell(5), "30000.00");
    assertMoney(annual.getCell(6), "20000.00");
    assertMoney(annual.getCell(7), "0.00");
    Row lifetime = entities.getRow(2);
    assertThat(lifetime.getCell(2)).as("lifetime cap: no year").isNull();
    assertMoney(lifetime.getCell(7), "98765.44");
  }

  @Test
  void auditHasEveryTraceStepInLineOrder() {
    Sheet audit = wb.getSheet("审计");
    assertThat(audit.getLastRowNum()).isEqualTo(10);
    assertThat(column(audit, 0))
        .containsExactly(
            "LYG-001",
            "LYG-001",
            "LYG-002",
            "LYG-002",
            "'@LYG-003",
            "LYG-004",
            "LYG-005",
            "LYG-006",
            "LYG-007",
            "LYG-008");
    assertThat(texts(audit.getRow(2), 0, 6))
        .containsExactly(
            "LYG-001", "3 金额 amount", "fixed 10,000.00/件", "10,000.00 × 2", "数量=2", "20,000.00");
    assertThat(texts(audit.getRow(5), 0, 6))
        .containsExactly("'@LYG-003", "3 金额 amount", "approved", "'-", "'+核定金额=", "待审核 review");
  }

  @Test
  void problemsListEachBadCellAndEachUnpaidLine() {
    Sheet problems = wb.getSheet("问题");
    assertThat(problems.getLastRowNum()).isEqualTo(4);
    // review line, no cell problems: location of the row, no column or cell text
    Row review = problems.getRow(1);
    assertThat(review.getCell(0).getStringCellValue()).isEqualTo(Fixtures.SHEET);
    assertThat(review.getCell(1).getNumericCellValue()).isEqualTo(5);
    assertThat(review.getCell(2)).isNull();
    assertThat(review.getCell(3)).isNull();
    assertThat(texts(review, 4, 7))
        .containsExactly("'@LYG-003", "待审核", "缺少核定金额，待审核 / approved amount missing, needs review");
    assertThat(texts(problems.getRow(2), 4, 7))
        .containsExactly("LYG-004", "不予核发", "个人不得申报本条款 / individuals may not claim this clause");
    // the bad row: one row per cell problem
    Row cell1 = problems.getRow(3);
    assertThat(cell1.getCell(0).getStringCellValue()).isEqualTo(Fixtures.SHEET);
    assertThat(cell1.getCell(1).getNumericCellValue()).isEqualTo(7);
    assertThat(texts(cell1, 2, 7))
        .containsExactly("数量 (H)", "两件", "LYG-005", "不予核发", "不是整数 / not an integer");
    assertThat(texts(problems.getRow(4), 2, 7))
        .containsExactly("条款 (F)", "'-lyg-2021/9z", "LYG-005", "不予核发", "未知条款 / unknown clause");
  }

  @Test
  void textFromTheClaimsFileCannotRunAsAFormula() {
    Row review = wb.getSheet("明细").getRow(3);
    assertThat(review.getCell(0).getStringCellValue()).isEqualTo("'@LYG-003");
    assertThat(review.getCell(2).getStringCellValue())
        .isEqualTo("'=HYPERLINK(\"http://x\",\"点我\")");
    for (Sheet sheet : wb) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          assertThat(cell.getCellType()).as(sheet.getSheetName()).isNotEqualTo(CellType.FORMULA);
          if (cell.getCellType() == CellType.STRING) {
            String v = cell.getStringCellValue();
            assertThat(v.isEmpty() || !FormulaGuard.isDangerous(v.charAt(0)))
                .as(sheet.getSheetName() + "!" + cell.getAddress() + " " + v)
                .isTrue();
          }
        }
      }
    }
  }

  @Test
  void summaryShowsTheRunFacts() {
    Sheet summary = wb.getSheet("汇总");
    assertThat(rowStartingWith(summary, "运行编号")).contains("20250401-093000-ab12");
    assertThat(rowStartingWith(summary, "期间"))
        .contains("2025Q1", "按 --period 参数指定 / set with --period");
    assertThat(rowStartingWith(summary, "政策文件"))
        .containsExactly("政策文件", "lyg-2021", "连政发〔2021〕79号", "lyg-2021.yaml", "3f".repeat(32));
    assertThat(rowStartingWith(summary, "输入文件"))
        .containsExactly("输入文件", "claims.xlsx", "a1".repeat(32));
    assertThat(rowStartingWith(summary, "本地规则"))
        .containsExactly("本地规则", "local-rules.yaml", "b2".repeat(32));
    assertThat(rowStartingWith(summary, "生成时间").get(1)).matches("2025-04-01T\\d\\d:30:00.*");
    assertThat(rowStartingWith(summary, "工具版本")).contains("0.1.0");
    assertThat(rowStartingWith(summary, "操作员")).contains("张会计");
    assertThat(rowStartingWith(summary, "分表")).as("nothing split").isEmpty();
  }

  @Test
  void summaryTotalsPerClauseInClauseOrderAndEqualTheDetailExactly() {
    Sheet summary = wb.getSheet("汇总");
    int header = rowIndex(summary, "条款");
    assertThat(texts(summary.getRow(header), 0, 5))
        .containsExactly("条款", "条款名称", "笔数", "核发笔数", "核发金额");
    List<String> codes = new ArrayList<>();
    int r = header + 1;
    for (; !text(summary.getRow(r).getCell(0)).equals("合计"); r++) {
      codes.add(text(summary.getRow(r).getCell(0)));
    }
    assertThat(codes).containsExactly("lyg-2021/2a", "lyg-2021/3b", "lyg-2021/10a", "—");
    Row c2a = summary.getRow(header + 1);
    assertThat(c2a.getCell(1).getStringCellValue()).isEqualTo("马德里商标国际注册");
    assertThat(c2a.getCell(2).getNumericCellValue()).isEqualTo(2);
    assertThat(c2a.getCell(3).getNumericCellValue()).isEqualTo(1);
    assertMoney(c2a.getCell(4), "20000.00");
    assertMoney(summary.getRow(header + 3).getCell(4), "1234.86");
    Row total = summary.getRow(r);
    assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(8);
    assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(4);
    assertMoney(total.getCell(4), "21234.86");

    BigDecimal detailSum =
        moneyColumn(wb.getSheet("明细"), 8).stream().reduce(Money.ZERO, BigDecimal::add);
    assertThat(money(total.getCell(4))).isEqualTo(detailSum);
    assertThat(total.getCell(4).getNumericCellValue())
        .as("the cell holds the BigDecimal sum, not a sum of doubles")
        .isEqualTo(new BigDecimal("21234.86").doubleValue());
  }

  @Test
  void summaryTotalsPerDistrictAndStatus() {
    Sheet summary = wb.getSheet("汇总");
    int header = rowIndex(summary, "所属地区");
    assertThat(texts(summary.getRow(header), 0, 4)).containsExactly("所属地区", "核发金额", "市级承担", "区级承担");
    assertThat(text(summary.getRow(header).getCell(4)))
        .as("added after the columns the contract names")
        .isEqualTo("核发金额（大写）");
    Row haizhou = summary.getRow(header + 1);
    assertThat(haizhou.getCell(0).getStringCellValue()).isEqualTo("海州区");
    assertMoney(haizhou.getCell(1), "20000.00");
    assertMoney(haizhou.getCell(2), "12000.00");
    assertMoney(haizhou.getCell(3), "8000.00");
    Row ganyu = summary.getRow(header + 2);
    assertThat(ganyu.getCell(0).getStringCellValue()).isEqualTo("赣榆区");
    assertMoney(ganyu.getCell(1), "0.00");
    Row lianyun = summary.getRow(header + 3);
    assertThat(lianyun.getCell(0).getStringCellValue()).isEqualTo("连云区");
    assertMoney(lianyun.getCell(1), "1234.86");
    assertMoney(lianyun.getCell(2), "740.92");
    assertMoney(lianyun.getCell(3), "493.94");
    Row total = summary.getRow(header + 4);
    assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
    assertMoney(total.getCell(1), "21234.86");
    assertMoney(total.getCell(2), "12740.92");
    assertMoney(total.getCell(3), "8493.94");

    int statuses = rowIndex(summary, "状态");
    assertThat(statusCount(summary, statuses, "核发")).isEqualTo(4);
    assertThat(statusCount(summary, statuses, "已达上限")).isEqualTo(1);
    assertThat(statusCount(summary, statuses, "待审核")).isEqualTo(1);
    assertThat(statusCount(summary, statuses, "不予核发")).isEqualTo(2);
    assertThat(statusCount(summary, statuses, "合计")).isEqualTo(8);
  }

  @Test
  void summaryTitleNamesTheOfficeOfTheLocalRulesAndThePeriod() {
    Sheet summary = wb.getSheet("汇总");
    Cell title = summary.getRow(0).getCell(0);
    assertThat(title.getStringCellValue()).isEqualTo("连云港市市场监督管理局（知识产权局） 2025年第一季度 知识产权资助资金核发汇总表");
    assertThat(wb.getFontAt(title.getCellStyle().getFontIndex()).getBold()).isTrue();
    assertThat(text(summary.getRow(1).getCell(0))).isEqualTo("IP subsidy payout summary, 2025Q1");
    assertThat(rowIndex(summary, "运行编号")).as("the run facts keep their rows").isEqualTo(2);
  }

  @Test
  void summaryTitleWithoutLocalRulesNamesThePolicyIssuersEachOnce() throws IOException {
    RunFacts lyg = Fixtures.factsWithoutRules(List.of(Fixtures.LYG_2021));
    try (XSSFWorkbook one = writeAndRead(Fixtures.result(), lyg, new PayoutWorkbookWriter())) {
      assertThat(text(one.getSheet("汇总").getRow(0).getCell(0)))
          .isEqualTo("连云港市人民政府 2025年第一季度 知识产权资助资金核发汇总表");
      assertThat(rowStartingWith(one.getSheet("汇总"), "本地规则")).contains("未使用 none");
    }
    RunFacts three =
        Fixtures.factsWithoutRules(
            List.of(
                Fixtures.LYG_2021,
                Fixtures.issuedBy(Fixtures.LYG_2021, "wx-2020", "无锡市人民政府办公室"),
                Fixtures.issuedBy(Fixtures.LYG_2021, "lyg-2024", "连云港市人民政府")));
    // registered for the run, but its lines are all under lyg-2021: the title names that issuer
    try (XSSFWorkbook two = writeAndRead(Fixtures.result(), three, new PayoutWorkbookWriter())) {
      assertThat(text(two.getSheet("汇总").getRow(0).getCell(0)))
          .isEqualTo("连云港市人民政府 2025年第一季度 知识产权资助资金核发汇总表");
    }
    // lines under two cities' documents name both issuers, each once
    assertThat(three.officeFor(java.util.Set.of("lyg-2021", "wx-2020", "lyg-2024")))
        .isEqualTo("连云港市人民政府、无锡市人民政府办公室");
    assertThat(three.officeFor(java.util.Set.of())).isEqualTo("连云港市人民政府、无锡市人民政府办公室");
  }

  @Test
  void summaryWritesEachDistrictAndTheTotalPaidInCapitalNumerals() {
    Sheet summary = wb.getSheet("汇总");
    int header = rowIndex(summary, "所属地区");
    // 海州区 20,000.00: 贰万, nothing below the 万 section
    assertThat(text(summary.getRow(header + 1).getCell(4))).isEqualTo("人民币贰万元整");
    // 赣榆区 paid nothing (review and rejected)
    assertThat(text(summary.getRow(header + 2).getCell(4))).isEqualTo("人民币零元整");
    // 连云区 1,234.56 + 0.10 + 0.20 = 1,234.86
    assertThat(text(summary.getRow(header + 3).getCell(4))).isEqualTo("人民币壹仟贰佰叁拾肆元捌角陆分");
    // 合计 20,000.00 + 0.00 + 1,234.86 = 21,234.86
    Cell total = summary.getRow(header + 4).getCell(4);
    assertThat(text(total)).isEqualTo("人民币贰万壹仟贰佰叁拾肆元捌角陆分");
    assertThat(wb.getFontAt(total.getCellStyle().getFontIndex()).getBold()).isTrue();

    int grand = rowIndex(summary, "核发金额合计");
    assertThat(grand).as("below the counts by status").isGreaterThan(rowIndex(summary, "状态"));
    Row line = summary.getRow(grand);
    assertThat(text(line.getCell(1))).isEqualTo("人民币贰万壹仟贰佰叁拾肆元捌角陆分");
    assertMoney(line.getCell(2), "21234.86");
  }

  @Test
  void summaryEndsWithSignatureLinesTheOperatorAsPreparerInsideWhatPrints() {
    XSSFSheet summary = wb.getSheet("汇总");
    int prepared = rowIndex(summary, "制表人");
    assertThat(prepared).isGreaterThan(rowIndex(summary, "核发金额合计"));
    Row first = summary.getRow(prepared);
    assertThat(texts(first, 0, 5)).containsExactly("制表人", "张会计", "", "审核人", "");
    Row second = summary.getRow(prepared + 1);
    assertThat(texts(second, 0, 4)).containsExactly("负责人", "", "", "日期");
    assertThat(text(second.getCell(4)).replaceAll("[\\s\u3000]", "")).isEqualTo("年月日");
    assertThat(summary.getLastRowNum()).as("the block ends the sheet").isEqualTo(prepared + 1);
    for (Row r : List.of(first, second)) {
      assertThat(r.getHeightInPoints()).as("room to sign").isEqualTo(2 * Cells.LINE_POINTS);
      for (int c : new int[] {1, 4}) {
        assertThat(r.getCell(c).getCellStyle().getBorderBottom())
            .as("a line to sign on, row %d col %d", r.getRowNum(), c)
            .isEqualTo(BorderStyle.THIN);
      }
    }
    // no print area: the whole sheet prints, the signature block with it
    assertThat(wb.getPrintArea(wb.getSheetIndex(summary))).isNull();
  }

  @Test
  void summaryHasABarChartOverThePerClauseAmounts() {
    XSSFSheet summary = wb.getSheet("汇总");
    assertThat(summary.getDrawingPatriarch()).isNotNull();
    List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
    assertThat(charts).hasSize(1);
    List<XDDFChartData> data = charts.get(0).getChartSeries();
    assertThat(data).hasSize(1);
    assertThat(data.get(0)).isInstanceOf(XDDFBarChartData.class);
    XDDFChartData.Series series = data.get(0).getSeries(0);
    int header = rowIndex(summary, "条款");
    assertThat(series.getCategoryData().getDataRangeReference())
        .isEqualTo("汇总!$A$" + (header + 2) + ":$A$" + (header + 5));
    assertThat(series.getValuesData().getDataRangeReference())
        .isEqualTo("汇总!$E$" + (header + 2) + ":$E$" + (header + 5));
    assertThat(series.getValuesData().getPointCount()).isEqualTo(4);
    // filled explicitly: LibreOffice draws a series without a fill transparent (axes, no bars)
    assertThat(series.getShapeProperties().getFillProperties())
        .isInstanceOfSatisfying(
            XDDFSolidFillProperties.class,
            fill ->
                assertThat(fill.getColor())
                    .isInstanceOfSatisfying(
                        XDDFColorRgbBinary.class,
                        rgb -> assertThat(rgb.getValue()).containsExactly(0x44, 0x72, 0xC4)));
    // upright clause labels, so LibreOffice labels every bar rather than every other one
    XSSFChart chart = charts.get(0);
    assertThat(chart.getCTChart().getPlotArea().getCatAxArray(0).getTxPr().getBodyPr().getRot())
        .isEqualTo(-5_400_000);
    // a white chart area, which LibreOffice otherwise leaves transparent
    assertThat(chart.getCTChartSpace().getSpPr().getSolidFill().getSrgbClr().getVal())
        .containsExactly(0xFF, 0xFF, 0xFF);
  }

  @Test
  void summaryIsWrittenWithoutChartForAnEmptyRun() throws IOException {
    try (XSSFWorkbook empty =
        writeAndRead(
            new RunResult(Fixtures.PERIOD, List.of(), List.of()), new PayoutWorkbookWriter())) {
      assertThat(sheetNames(empty)).containsExactly("汇总", "明细", "主体", "审计", "问题");
      assertThat(empty.getSheet("明细").getLastRowNum()).isZero();
      Sheet summary = empty.getSheet("汇总");
      int header = rowIndex(summary, "条款");
      assertThat(summary.getRow(header + 1).getCell(0).getStringCellValue()).isEqualTo("合计");
      assertMoney(summary.getRow(header + 1).getCell(4), "0.00");
      assertThat(rowStartingWith(summary, "核发金额合计")).contains("人民币零元整");
      assertThat(rowStartingWith(summary, "制表人")).contains("张会计");
    }
  }

  @Test
  void longTablesContinueOnNumberedSheetsWithTheHeaderRepeated() throws IOException {
    // 4 rows per sheet: a header and 3 data rows
    try (XSSFWorkbook split = writeAndRead(Fixtures.result(), new PayoutWorkbookWriter(4))) {
      assertThat(sheetNames(split))
          .containsExactly(
              "汇总", "明细", "明细-2", "明细-3", "主体", "审计", "审计-2", "审计-3", "审计-4", "问题", "问题-2");
      List<String> ids = new ArrayList<>();
      for (String name : List.of("明细", "明细-2", "明细-3")) {
        Sheet s = split.getSheet(name);
        assertThat(header(s)).as(name).startsWith("申报编号", "主体代码");
        assertThat(s.getLastRowNum()).as(name).isLessThanOrEqualTo(3);
        assertThat(s.getPaneInformation().isFreezePane()).isTrue();
        assertThat(((XSSFSheet) s).getCTWorksheet().isSetAutoFilter()).isTrue();
        ids.addAll(column(s, 0));
      }
      assertThat(ids).hasSize(8).startsWith("LYG-001").endsWith("LYG-008");
      assertThat(split.getSheet("审计-4").getLastRowNum()).isEqualTo(1);

      List<String> notes =
          Stream.of(split.getSheet("汇总"))
              .flatMap(s -> rowsStartingWith(s, "分表").stream())
              .map(row -> row.get(1))
              .toList();
      assertThat(notes).hasSize(3);
      assertThat(notes.get(0)).startsWith("明细 共 8 行").contains("明细、明细-2、明细-3");
      assertThat(notes.get(1)).startsWith("审计 共 10 行").contains("审计-4");
      assertThat(notes.get(2)).startsWith("问题 共 4 行").contains("问题-2");
    }
  }

  @Test
  void rowLimitMustLeaveRoomForData() {
    assertThatThrownBy(() -> new PayoutWorkbookWriter(1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PayoutWorkbookWriter(PayoutWorkbookWriter.EXCEL_MAX_ROWS + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void streamingTempFilesAreRemoved(@org.junit.jupiter.api.io.TempDir Path poiTemp)
      throws IOException {
    // A folder of this test's own, for this thread only: the process-wide one is left as it is.
    org.apache.poi.util.TempFile.withStrategy(
        new org.apache.poi.util.DefaultTempFileCreationStrategy(poiTemp.toFile()),
        () -> {
          try {
            writeAndRead(Fixtures.result(), new PayoutWorkbookWriter(4)).close();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          return null;
        });
    assertThat(countSxssfFiles(poiTemp)).isZero();
  }

  private static long countSxssfFiles(Path poiTemp) throws IOException {
    if (!Files.isDirectory(poiTemp)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(poiTemp)) {
      return files.filter(p -> p.getFileName().toString().startsWith("poi-sxssf")).count();
    }
  }

  // ---- helpers

  static List<String> sheetNames(XSSFWorkbook wb) {
    List<String> names = new ArrayList<>();
    wb.forEach(s -> names.add(s.getSheetName()));
    return names;
  }

  static List<String> header(Sheet sheet) {
    return texts(sheet.getRow(0), 0, sheet.getRow(0).getLastCellNum());
  }

  static List<String> texts(Row row, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int c = from; c < to; c++) {
      out.add(text(row.getCell(c)));
    }
    return out;
  }

  static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    return cell.getCellType() == CellType.NUMERIC
        ? String.valueOf(cell.getNumericCellValue())
        : cell.getStringCellValue();
  }

  static List<String> column(Sheet sheet, int col) {
    List<String> out = new ArrayList<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      out.add(text(sheet.getRow(r).getCell(col)));
    }
    return out;
  }

  static List<BigDecimal> moneyColumn(Sheet sheet, int col) {
    List<BigDecimal> out = new ArrayList<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Cell cell = sheet.getRow(r).getCell(col);
      if (cell != null) {
        out.add(money(cell));
      }
    }
    return out;
  }

  static BigDecimal money(Cell cell) {
    return Money.fen(BigDecimal.valueOf(cell.getNumericCellValue()));
  }

  static void assertMoney(Cell cell, String expected) {
    assertThat(cell).isNotNull();
    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
    assertThat(money(cell)).isEqualTo(new BigDecimal(expected));
  }

  static int rowIndex(Sheet sheet, String first) {
    for (Row row : sheet) {
      if (first.equals(text(row.getCell(0)))) {
        return row.getRowNum();
      }
    }
    throw new AssertionError("no row starting with " + first);
  }

  static List<String> rowStartingWith(Sheet sheet, String first) {
    List<List<String>> rows = rowsStartingWith(sheet, first);
    return rows.isEmpty() ? List.of() : rows.get(0);
  }

  static List<List<String>> rowsStartingWith(Sheet sheet, String first) {
    List<List<String>> out = new ArrayList<>();
    for (Row row : sheet) {
      if (first.equals(text(row.getCell(0)))) {
        out.add(texts(row, 0, row.getLastCellNum()));
      }
    }
    return out;
  }

  private static long statusCount(Sheet summary, int header, String status) {
    for (int r = header + 1; r <= summary.getLastRowNum(); r++) {
      Row row = summary.getRow(r);
      if (row != null && status.equals(text(row.getCell(0)))) {
        return (long) row.getCell(1).getNumericCellValue();
      }
    }
    throw new AssertionError("no status " + status);
  }
}
