package cn.ipsubsidy.report;

import static cn.ipsubsidy.report.TableSheets.Kind.INTEGER;
import static cn.ipsubsidy.report.TableSheets.Kind.MONEY;
import static cn.ipsubsidy.report.TableSheets.Kind.TEXT;

import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.engine.Reconciler;
import cn.ipsubsidy.engine.TraceStep;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The annual reconciliation workbook (every text cell is neutralised by {@link Cells}): 对账汇总 (the
 * facts and totals), 差异 (per entity and cap group: cap, paid, entitled, difference), 申报差异 (the
 * claims behind each difference) and 审计 (the recomputed steps of those claims).
 */
public final class ReconciliationWorkbookWriter {
  public static final String SUMMARY = "对账汇总";
  public static final String GROUPS = "差异";
  public static final String CLAIMS = "申报差异";
  public static final String AUDIT = "审计";

  static final List<String> GROUP_HEADERS =
      List.of("主体代码", "主体名称", "年度", "上限组", "上限", "已核发", "应核发", "差额", "处理");
  static final List<String> CLAIM_HEADERS =
      List.of(
          "运行编号", "期间", "申报编号", "主体代码", "主体名称", "条款", "上限组", "原状态", "已核发", "重算状态", "应核发", "差额",
          "说明");

  /** What the reconciliation ran on, shown at the top of 对账汇总. */
  public record Facts(String ledger, Instant generatedAt, String toolVersion) {}

  public void write(Reconciler.Reconciliation r, Facts facts, Path target) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
      write(r, facts, out);
    }
  }

  public void write(Reconciler.Reconciliation r, Facts facts, OutputStream out) throws IOException {
    XSSFWorkbook xssf = new XSSFWorkbook();
    Styles styles = new Styles(xssf);
    try (SXSSFWorkbook wb = new SXSSFWorkbook(xssf, PayoutWorkbookWriter.WINDOW)) {
      wb.setCompressTempFiles(true);
      int max = PayoutWorkbookWriter.EXCEL_MAX_ROWS;
      TableSheets summary =
          new TableSheets(wb, styles, SUMMARY, List.of("项目", "内容"), List.of(TEXT, TEXT), max);
      summary.add("年度 budget year", String.valueOf(r.year()));
      summary.add("台账 ledger", facts.ledger());
      summary.add("生成时间 generated at", facts.generatedAt().toString());
      summary.add("工具版本 tool version", facts.toolVersion());
      summary.add("运行数 runs", String.valueOf(r.runs()));
      summary.add("申报数 claims", String.valueOf(r.claims()));
      summary.add("已核发合计 paid", Money.format(r.paid()));
      summary.add("应核发合计 entitled", Money.format(r.entitled()));
      summary.add("差额合计 difference", Money.format(r.entitled().subtract(r.paid())));
      summary.add("有差异的主体上限组 groups that differ", String.valueOf(r.groups().size()));
      summary.add("有差异的申报 claims that differ", String.valueOf(r.differences().size()));
      summary.add(
          "结论 verdict",
          r.differs() ? "有差异，见“差异”与“申报差异” / differences found" : "无差异 / no difference");
      summary.finish();

      TableSheets groups =
          new TableSheets(
              wb,
              styles,
              GROUPS,
              GROUP_HEADERS,
              List.of(TEXT, TEXT, INTEGER, TEXT, MONEY, MONEY, MONEY, MONEY, TEXT),
              max);
      for (Reconciler.GroupDifference g : r.groups()) {
        groups.add(
            g.entityId(),
            g.entityName(),
            r.year(),
            g.group(),
            g.cap(),
            g.paid(),
            g.entitled(),
            g.difference(),
            action(g.difference()));
      }
      groups.finish();

      TableSheets claims =
          new TableSheets(
              wb,
              styles,
              CLAIMS,
              CLAIM_HEADERS,
              List.of(
                  TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, MONEY, TEXT, MONEY, MONEY, TEXT),
              max);
      TableSheets audit =
          new TableSheets(
              wb,
              styles,
              AUDIT,
              PayoutWorkbookWriter.AUDIT_HEADERS,
              List.of(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT),
              max);
      for (Reconciler.ClaimDifference d : r.differences()) {
        claims.add(
            d.runId(),
            d.period().toString(),
            d.claimId(),
            d.entityId(),
            d.entityName(),
            d.clause(),
            d.group(),
            d.paidStatus().zh(),
            d.paid(),
            d.entitledStatus().zh(),
            d.entitled(),
            d.difference(),
            d.explanation().toString());
        for (TraceStep s : d.steps()) {
          audit.add(d.claimId(), s.step(), s.rule(), s.formula(), s.inputs(), s.result());
        }
      }
      claims.finish();
      audit.finish();
      wb.write(out);
    }
  }

  private static String action(BigDecimal difference) {
    int sign = difference.signum();
    return sign > 0 ? "补发 top up" : sign < 0 ? "追回 recover" : "";
  }
}
