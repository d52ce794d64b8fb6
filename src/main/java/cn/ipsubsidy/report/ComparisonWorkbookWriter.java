package cn.ipsubsidy.report;

import cn.ipsubsidy.engine.PayoutLine;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The what-if workbook of {@code compare}: 对比汇总 (what was compared and the totals under A and B),
 * 按条款 (with a chart of A against B), 按地区, 按主体, and 差异明细 (each claim whose status or amount
 * differs). Money is numeric with {@code #,##0.00}; every table's header is frozen and filtered.
 */
public final class ComparisonWorkbookWriter {
  public static final String SUMMARY = "对比汇总";
  public static final String BY_CLAUSE = "按条款";
  public static final String BY_DISTRICT = "按地区";
  public static final String BY_ENTITY = "按主体";
  public static final String CHANGED = "差异明细";

  static final List<String> TOTAL_HEADERS = List.of("笔数", "方案A核发金额", "方案B核发金额", "差额(B−A)");

  public void write(Comparison c, Path target) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles styles = new Styles(wb);
      summary(wb.createSheet(SUMMARY), styles, c);
      XSSFSheet clauses = wb.createSheet(BY_CLAUSE);
      int last = totals(clauses, styles, List.of("条款", "条款名称"), c.byClause());
      chart(clauses, last);
      totals(wb.createSheet(BY_DISTRICT), styles, List.of("所属地区", ""), c.byDistrict());
      totals(wb.createSheet(BY_ENTITY), styles, List.of("主体代码", "主体名称"), c.byEntity());
      changed(wb.createSheet(CHANGED), styles, c);
      try (OutputStream os = Files.newOutputStream(target)) {
        wb.write(os);
      }
    }
  }

  private static void summary(XSSFSheet s, Styles styles, Comparison c) {
    int r = 0;
    Cells.text(
        s.createRow(r++), 0, "规则调整测算（试算，未过账）what-if comparison, nothing posted", styles.title);
    String[][] facts = {
      {"申报文件 claims", c.claimsFile()},
      {"期间 period", c.period().toString()},
      {"方案A today", c.labelA()},
      {"方案B changed", c.labelB()},
      {"台账 ledger", c.ledger() == null ? "未计入此前核发 no earlier payments counted" : c.ledger()}
    };
    for (String[] f : facts) {
      Row row = s.createRow(r++);
      Cells.text(row, 0, f[0], styles.header);
      Cells.text(row, 1, f[1], null);
    }
    r++;
    Row h = s.createRow(r++);
    String[] heads = {"方案 scenario", "核发笔数", "核发金额"};
    for (int i = 0; i < heads.length; i++) {
      Cells.text(h, i, heads[i], styles.header);
    }
    Object[][] rows = {
      {"A", c.a().count(cn.ipsubsidy.engine.Status.PAID), c.a().totalPaid()},
      {"B", c.b().count(cn.ipsubsidy.engine.Status.PAID), c.b().totalPaid()},
      {"差额 B−A", null, c.difference()}
    };
    for (Object[] v : rows) {
      Row row = s.createRow(r++);
      Cells.text(row, 0, (String) v[0], styles.header);
      Cells.integer(row, 1, (Number) v[1], styles.integer);
      Cells.money(row, 2, (BigDecimal) v[2], styles.moneyBold);
    }
    s.setColumnWidth(0, 22 * 256);
    s.setColumnWidth(1, 60 * 256);
    s.setColumnWidth(2, 18 * 256);
    PrintLayout.page(s);
  }

  /** A totals table with a 合计 row; returns the index of the last data row. */
  private static int totals(
      XSSFSheet s, Styles styles, List<String> keyHeaders, List<Comparison.Total> totals) {
    List<String> headers = new ArrayList<>(keyHeaders);
    headers.addAll(TOTAL_HEADERS);
    int[] widths = new int[headers.size()];
    Row h = s.createRow(0);
    for (int i = 0; i < headers.size(); i++) {
      widths[i] = Cells.text(h, i, headers.get(i), styles.header);
    }
    int r = 1;
    BigDecimal[] sum = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    long count = 0;
    for (Comparison.Total t : totals) {
      Row row = s.createRow(r++);
      widths[0] = Math.max(widths[0], Cells.text(row, 0, t.key(), null));
      widths[1] = Math.max(widths[1], Cells.text(row, 1, t.name(), null));
      Cells.integer(row, 2, t.claims(), styles.integer);
      Cells.money(row, 3, t.paidA(), styles.money);
      Cells.money(row, 4, t.paidB(), styles.money);
      Cells.money(row, 5, t.difference(), styles.money);
      count += t.claims();
      sum[0] = sum[0].add(t.paidA());
      sum[1] = sum[1].add(t.paidB());
      sum[2] = sum[2].add(t.difference());
    }
    int lastData = r - 1;
    Row total = s.createRow(r);
    Cells.text(total, 0, SummarySheet.TOTAL, styles.header);
    Cells.integer(total, 2, count, styles.integerBold);
    for (int i = 0; i < 3; i++) {
      Cells.money(total, 3 + i, sum[i], styles.moneyBold);
    }
    for (int i = 2; i < widths.length; i++) {
      widths[i] = Math.max(widths[i], 16);
    }
    Cells.setWidths(s, widths);
    s.createFreezePane(0, 1);
    PrintLayout.table(s, 1);
    s.setAutoFilter(new CellRangeAddress(0, Math.max(lastData, 1), 0, headers.size() - 1));
    return lastData;
  }

  /** A clustered bar chart of A against B per clause, beside the table. */
  private static void chart(XSSFSheet s, int lastData) {
    if (lastData < 1) {
      return;
    }
    XSSFDrawing drawing = s.createDrawingPatriarch();
    XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 7, 1, 18, 24));
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    XDDFCategoryDataSource categories =
        XDDFDataSourcesFactory.fromStringCellRange(s, new CellRangeAddress(1, lastData, 0, 0));
    XDDFBarChartData data =
        ClauseCharts.clauseBars(chart, "各条款核发金额：方案A与方案B / paid by clause, A and B");
    for (int col : new int[] {3, 4}) {
      XDDFChartData.Series series =
          data.addSeries(
              categories,
              XDDFDataSourcesFactory.fromNumericCellRange(
                  s, new CellRangeAddress(1, lastData, col, col)));
      series.setTitle(col == 3 ? "方案A" : "方案B", new CellReference(BY_CLAUSE, 0, col, true, true));
      ClauseCharts.colour(series, col - 3);
    }
    chart.plot(data);
  }

  private static void changed(XSSFSheet s, Styles styles, Comparison c) {
    List<String> headers =
        List.of("申报编号", "主体名称", "条款", "方案A状态", "方案A核发金额", "方案B状态", "方案B核发金额", "差额(B−A)", "方案B说明");
    int[] widths = new int[headers.size()];
    Row h = s.createRow(0);
    for (int i = 0; i < headers.size(); i++) {
      widths[i] = Math.max(Cells.text(h, i, headers.get(i), styles.header), 14);
    }
    int r = 1;
    for (PayoutLine[] p : c.changedLines()) {
      PayoutLine a = p[0];
      PayoutLine b = p[1];
      Row row = s.createRow(r++);
      String[] text = {
        a.claimId(),
        a.row().claim() == null ? null : a.row().claim().entityName(),
        a.clause() == null ? null : a.clause().code().toString()
      };
      for (int i = 0; i < text.length; i++) {
        widths[i] = Math.max(widths[i], Cells.text(row, i, text[i], null));
      }
      Cells.text(row, 3, a.status().zh(), null);
      Cells.money(row, 4, a.paid(), styles.money);
      Cells.text(row, 5, b.status().zh(), null);
      Cells.money(row, 6, b.paid(), styles.money);
      Cells.money(row, 7, b.paid().subtract(a.paid()), styles.money);
      widths[8] = Math.max(widths[8], Cells.text(row, 8, b.explanation().zh(), null));
    }
    Cells.setWidths(s, widths);
    s.createFreezePane(0, 1);
    PrintLayout.table(s, 1);
    s.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, headers.size() - 1));
  }
}
