package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.CapitalAmount;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.policy.PolicyDocument;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Writes 汇总 into a plain (non-streaming) sheet: it is small, and POI can draw charts only through
 * {@link XSSFDrawing}, which {@code SXSSFDrawing} does not expose for charts.
 *
 * <p>汇总 is the finance document an office prints, signs and files: its title names the office and
 * the period ({@link #title}), the totals per district and the total paid are also written in
 * capital numerals ({@link CapitalAmount}), and it ends with lines for 制表人 (the run's operator),
 * 审核人, 负责人 and the date. Rows and columns the io contract names keep their places; what was added
 * stands after or below them.
 */
final class SummarySheet {
  static final String NAME = "汇总";
  static final String TOTAL = "合计";
  static final String TITLE = "知识产权资助资金核发汇总表";
  static final String SUBTITLE = "IP subsidy payout summary";
  static final String GRAND_TOTAL = "核发金额合计";

  /** The signature block: 制表人 (the operator's name on the line), 审核人, 负责人, 日期. */
  static final List<String> SIGNATURES = List.of("制表人", "审核人", "负责人", "日期");

  /** Printed on the date line, for the date to be written in by hand. */
  static final String DATE_BLANK = "　　　　年　　月　　日";

  static final List<String> CLAUSE_HEADERS = List.of("条款", "条款名称", "笔数", "核发笔数", "核发金额");
  static final List<String> DISTRICT_HEADERS = List.of("所属地区", "核发金额", "市级承担", "区级承担", "核发金额（大写）");
  static final List<String> STATUS_HEADERS = List.of("状态", "笔数");

  /** A table that did not fit on one sheet: its name, row count and the sheets it spans. */
  record Split(String table, long rows, List<String> sheets) {}

  private static final int COLUMNS = 5;
  private static final int FACT_WIDTH = 24;
  private static final int CHART_FIRST_COL = 6;

  /** Twelve columns: wide enough for a label under each of lyg-2021's 38 clauses. */
  private static final int CHART_LAST_COL = 18;

  private static final int CHART_ROWS = 20;

  private final XSSFSheet sheet;
  private final Styles styles;
  private final int[] widths = new int[COLUMNS];
  private int next;

  SummarySheet(XSSFSheet sheet, Styles styles) {
    this.sheet = sheet;
    this.styles = styles;
  }

  /**
   * @param auditSheet false when 审计 is left out of the workbook ({@code --audit csv}): a run fact
   *     says the steps are in the audit log only
   */
  void write(
      RunResult result,
      RunFacts facts,
      PayoutTotals totals,
      List<Split> splits,
      boolean auditSheet) {
    row(styles.title, title(facts, totals));
    row(null, SUBTITLE + ", " + facts.period()); // on the row that was left empty: no row moves
    writeFacts(facts, splits);
    if (!auditSheet) {
      fact(
          "审计",
          "计算步骤共 "
              + totals.auditRows
              + " 行，未写入本工作簿（--audit csv），见审计日志 / "
              + totals.auditRows
              + " computation steps are not in this workbook (--audit csv); see the audit log");
    }
    next++;
    writeClauses(totals);
    next++;
    writeDistricts(totals);
    next++;
    writeStatuses(result, totals);
    next++;
    writeGrandTotal(totals);
    next++;
    writeSignatures(facts);
    Cells.setWidths(sheet, widths);
    PrintLayout.page(sheet);
  }

  /** "连云港市市场监督管理局（知识产权局） 2025年第一季度 知识产权资助资金核发汇总表"; without an office, the period and the title. */
  static String title(RunFacts facts, PayoutTotals totals) {
    java.util.Set<String> used = new java.util.HashSet<>();
    for (PayoutTotals.ClauseTotal c : totals.byClause) {
      cn.ipsubsidy.policy.ClauseCode.parse(c.code()).ifPresent(code -> used.add(code.policyId()));
    }
    String office = facts.officeFor(used);
    return (office.isEmpty() ? "" : office + " ") + facts.period().zh() + " " + TITLE;
  }

  private void writeFacts(RunFacts facts, List<Split> splits) {
    fact("运行编号", facts.runId());
    fact("期间", facts.period().toString(), periodSource(facts.periodSource()));
    if (facts.policies().isEmpty()) {
      fact("政策文件", "无 none");
    }
    boolean first = true;
    for (PolicyDocument p : facts.policies()) {
      fact(first ? "政策文件" : null, p.id(), p.number(), p.fileName(), p.sha256());
      first = false;
    }
    fact("输入文件", facts.inputFileName(), facts.inputSha256());
    if (facts.rulesFileName() == null) {
      fact("本地规则", "未使用 none");
    } else {
      fact("本地规则", facts.rulesFileName(), facts.rulesSha256());
    }
    fact(
        "生成时间",
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            facts.generatedAt().truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.systemDefault())));
    fact("工具版本", facts.toolVersion());
    fact("操作员", facts.operator());
    for (Split s : splits) {
      String sheets = String.join("、", s.sheets());
      fact(
          "分表",
          s.table()
              + " 共 "
              + s.rows()
              + " 行，超过单表行数上限，分列于 "
              + sheets
              + " / "
              + s.rows()
              + " rows exceed the sheet row limit, continued on "
              + String.join(", ", s.sheets()));
    }
  }

  static String periodSource(String source) {
    if (RunFacts.FROM_OPTION.equals(source)) {
      return "按 --period 参数指定 / set with --period";
    }
    if (RunFacts.FROM_EVENTS.equals(source)) {
      return "按最新事项日期所在季度 / quarter of the latest event date";
    }
    return source;
  }

  private void writeClauses(PayoutTotals totals) {
    row(styles.header, "按条款汇总 totals by clause");
    int headerRow = next;
    row(styles.header, CLAUSE_HEADERS.toArray(String[]::new));
    int firstData = next;
    for (PayoutTotals.ClauseTotal c : totals.byClause) {
      Row r = sheet.createRow(next++);
      track(0, Cells.text(r, 0, c.code(), styles.text));
      track(1, Cells.wrapped(r, 1, c.name(), styles.wrapped));
      track(2, Cells.integer(r, 2, c.count(), styles.integer));
      track(3, Cells.integer(r, 3, c.paidCount(), styles.integer));
      track(4, Cells.money(r, 4, c.amount(), styles.money));
    }
    int lastData = next - 1;
    Row r = sheet.createRow(next++);
    Cells.text(r, 0, TOTAL, styles.header);
    Cells.integer(r, 2, totals.count, styles.integerBold);
    Cells.integer(r, 3, totals.paidCount, styles.integerBold);
    track(4, Cells.money(r, 4, totals.amount, styles.moneyBold));
    if (lastData >= firstData) {
      chart(headerRow, firstData, lastData);
    }
  }

  /** A bar chart of 核发金额 per clause, over the cells just written (column A and E). */
  private void chart(int headerRow, int firstData, int lastData) {
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    XSSFClientAnchor anchor =
        drawing.createAnchor(
            0, 0, 0, 0, CHART_FIRST_COL, headerRow, CHART_LAST_COL, headerRow + CHART_ROWS);
    XSSFChart chart = drawing.createChart(anchor);
    XDDFBarChartData data = ClauseCharts.clauseBars(chart, "各条款核发金额 / amount paid by clause");
    XDDFCategoryDataSource categories =
        XDDFDataSourcesFactory.fromStringCellRange(
            sheet, new CellRangeAddress(firstData, lastData, 0, 0));
    XDDFNumericalDataSource<Double> values =
        XDDFDataSourcesFactory.fromNumericCellRange(
            sheet, new CellRangeAddress(firstData, lastData, 4, 4));
    XDDFChartData.Series series = data.addSeries(categories, values);
    series.setTitle("核发金额", new CellReference(NAME, headerRow, 4, true, true));
    ClauseCharts.colour(series, 0);
    chart.plot(data);
  }

  private void writeDistricts(PayoutTotals totals) {
    row(styles.header, "按地区汇总 totals by district");
    row(styles.header, DISTRICT_HEADERS.toArray(String[]::new));
    for (PayoutTotals.DistrictTotal d : totals.byDistrict) {
      Row r = sheet.createRow(next++);
      track(0, Cells.text(r, 0, d.district(), null));
      track(1, Cells.money(r, 1, d.amount(), styles.money));
      track(2, Cells.money(r, 2, d.cityShare(), styles.money));
      track(3, Cells.money(r, 3, d.districtShare(), styles.money));
      track(4, Cells.wrapped(r, 4, CapitalAmount.of(d.amount()), styles.capital));
    }
    Row r = sheet.createRow(next++);
    Cells.text(r, 0, TOTAL, styles.header);
    moneyTotal(r, 1, totals.amount);
    moneyTotal(r, 2, totals.cityShare);
    moneyTotal(r, 3, totals.districtShare);
    track(4, Cells.wrapped(r, 4, CapitalAmount.of(totals.amount), styles.capitalBold));
  }

  private void writeStatuses(RunResult result, PayoutTotals totals) {
    row(styles.header, "按状态统计 counts by status");
    row(styles.header, STATUS_HEADERS.toArray(String[]::new));
    for (Status s : Status.values()) {
      Row r = sheet.createRow(next++);
      Cells.text(r, 0, s.zh(), null);
      Cells.integer(r, 1, result.count(s), styles.integer);
    }
    Row total = sheet.createRow(next++);
    Cells.text(total, 0, TOTAL, styles.header);
    Cells.integer(total, 1, totals.count, styles.integerBold);
    Row bad = sheet.createRow(next++);
    Cells.text(bad, 0, "其中数据有误 bad data", null);
    Cells.integer(bad, 1, result.badDataCount(), styles.integer);
  }

  /** The total paid in words and in figures, next to the signatures that approve it. */
  private void writeGrandTotal(PayoutTotals totals) {
    Row r = sheet.createRow(next++);
    track(0, Cells.text(r, 0, GRAND_TOTAL, styles.header));
    track(1, Cells.wrapped(r, 1, CapitalAmount.of(totals.amount), styles.capitalBold));
    moneyTotal(r, 2, totals.amount);
  }

  /**
   * Two rows of two signatures each, every label beside a line (a bottom border), two lines high to
   * sign on: 制表人 with the operator's name printed on its line, 审核人, 负责人, and 日期 with {@link
   * #DATE_BLANK} to fill in.
   */
  private void writeSignatures(RunFacts facts) {
    signatureRow(SIGNATURES.get(0), facts.operator(), SIGNATURES.get(1), null);
    signatureRow(SIGNATURES.get(2), null, SIGNATURES.get(3), DATE_BLANK);
  }

  /** A label in column A and its line in B; column C apart, another label in D, its line in E. */
  private void signatureRow(String left, String leftText, String right, String rightText) {
    Row r = sheet.createRow(next++);
    r.setHeightInPoints(2 * Cells.LINE_POINTS);
    signature(r, 0, left, leftText);
    signature(r, 3, right, rightText);
  }

  private void signature(Row r, int col, String label, String text) {
    track(col, Cells.text(r, col, label, styles.signLabel));
    r.createCell(col + 1).setCellStyle(styles.signLine); // the line, also where nothing is printed
    track(col + 1, Cells.text(r, col + 1, text, styles.signLine));
  }

  private void moneyTotal(Row r, int col, BigDecimal amount) {
    track(col, Cells.money(r, col, amount, styles.moneyBold));
  }

  /**
   * A run fact: a label and values. Long values (hashes, notes) do not widen their column beyond
   * {@link #FACT_WIDTH}: the tables below share the columns, and the text runs on over the empty
   * cells to its right.
   */
  private void fact(String label, String... values) {
    Row r = sheet.createRow(next++);
    track(0, Cells.text(r, 0, label, null));
    for (int i = 0; i < values.length; i++) {
      track(i + 1, Math.min(FACT_WIDTH, Cells.text(r, i + 1, values[i], null)));
    }
  }

  /** A row of text cells; null values leave the cell empty. */
  private void row(CellStyle style, String... values) {
    Row r = sheet.createRow(next++);
    for (int c = 0; c < values.length; c++) {
      int w = Cells.text(r, c, values[c], style);
      // a title or note spans the row visually; do not let it widen column A
      if (values.length > 1 || c > 0) {
        track(c, w);
      }
    }
  }

  private void track(int col, int width) {
    if (col < widths.length) {
      widths[col] = Math.max(widths[col], width);
    }
  }
}
