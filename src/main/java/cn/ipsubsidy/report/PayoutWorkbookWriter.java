package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.SourceLocation;
import cn.ipsubsidy.engine.CapUsage;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.engine.TraceStep;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the payout workbook (io-contract, "Payout workbook"): 汇总, 明细, 主体, 审计, 问题, in this order,
 * with the fixed sheet and column names offices build their macros on.
 *
 * <p>The workbook is built in a plain {@link XSSFWorkbook}: 汇总 in full (it is small, and only
 * {@code XSSFDrawing} can draw its chart), the table sheets without their rows. The rows are
 * written straight as SpreadsheetML, each table deflated on a thread of its own into a temporary
 * file ({@link StreamedTable}), and put into the sheets POI writes ({@link StreamedPackage}): the
 * same workbook SXSSF wrote, element for element, without SXSSF's temporary copy of every row and
 * its inflating and deflating them again. A table longer than the sheet row limit continues on
 * {@code 明细-2}, {@code 审计-2}, …, which 汇总 notes.
 *
 * <p>Every text cell passes through {@link FormulaGuard}; money cells are numbers formatted {@value
 * Styles#MONEY_FORMAT}, empty when the amount is null.
 */
public final class PayoutWorkbookWriter {
  /** Rows on one worksheet in Excel 2007 and later, header included. */
  public static final int EXCEL_MAX_ROWS = 1_048_576;

  /** Rows SXSSF keeps in memory per sheet before flushing to its temporary file (reconcile's). */
  static final int WINDOW = 100;

  public static final String DETAIL = "明细";
  public static final String ENTITIES = "主体";
  public static final String AUDIT = "审计";
  public static final String PROBLEMS = "问题";

  static final List<String> DETAIL_HEADERS =
      List.of(
          "申报编号", "主体代码", "主体名称", "所属地区", "条款", "条款名称", "状态", "计算金额", "核发金额", "市级承担", "区级承担", "依据",
          "说明");
  static final List<String> ENTITY_HEADERS =
      List.of("主体代码", "主体名称", "年度", "上限组", "上限", "本年此前已核发", "本次核发", "剩余额度");
  static final List<String> AUDIT_HEADERS = List.of("申报编号", "步骤", "规则", "公式", "输入", "结果");
  static final List<String> PROBLEM_HEADERS =
      List.of("工作表", "行号", "列", "单元格内容", "申报编号", "状态", "原因");

  private static final TableSheets.Kind T = TableSheets.Kind.TEXT;
  private static final TableSheets.Kind W = TableSheets.Kind.WRAPPED;
  private static final TableSheets.Kind M = TableSheets.Kind.MONEY;
  private static final TableSheets.Kind I = TableSheets.Kind.INTEGER;

  private static final List<TableSheets.Kind> DETAIL_KINDS =
      List.of(T, T, T, T, T, W, T, M, M, M, M, T, W);
  private static final List<TableSheets.Kind> ENTITY_KINDS = List.of(T, T, I, T, M, M, M, M);
  private static final List<TableSheets.Kind> AUDIT_KINDS = List.of(T, T, W, W, W, W);
  private static final List<TableSheets.Kind> PROBLEM_KINDS = List.of(T, I, T, W, T, T, W);

  private final int maxRowsPerSheet;
  private final boolean auditSheet;

  /** A writer that splits tables at Excel's row limit. */
  public PayoutWorkbookWriter() {
    this(EXCEL_MAX_ROWS);
  }

  /**
   * @param maxRowsPerSheet rows per table sheet, header included (2 to {@value #EXCEL_MAX_ROWS});
   *     smaller than Excel's limit only in tests
   */
  public PayoutWorkbookWriter(int maxRowsPerSheet) {
    this(maxRowsPerSheet, true);
  }

  /**
   * @param maxRowsPerSheet see {@link #PayoutWorkbookWriter(int)}
   * @param auditSheet whether to write 审计; without it ({@code --audit csv}, for very large runs)
   *     the steps are in the audit log only, and 汇总 says so
   */
  public PayoutWorkbookWriter(int maxRowsPerSheet, boolean auditSheet) {
    if (maxRowsPerSheet < 2 || maxRowsPerSheet > EXCEL_MAX_ROWS) {
      throw new IllegalArgumentException(
          "maxRowsPerSheet must be 2.." + EXCEL_MAX_ROWS + ": " + maxRowsPerSheet);
    }
    this.maxRowsPerSheet = maxRowsPerSheet;
    this.auditSheet = auditSheet;
  }

  /**
   * Writes the workbook to {@code target}, replacing it. Use {@link OutputFiles} around this to
   * write it atomically and to refuse an existing file.
   */
  public void write(RunResult result, RunFacts facts, Path target) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
      write(result, facts, out);
    }
  }

  /**
   * Writes the workbook to {@code target} with totals summed as the lines were computed, so the
   * lines are read once; {@code sums} must have seen exactly the lines of {@code result}.
   */
  public void write(RunResult result, RunFacts facts, WorkbookTotals sums, Path target)
      throws IOException {
    if (sums.lines() != result.lines().size()) {
      throw new IllegalArgumentException(
          "totals of " + sums.lines() + " lines for " + result.lines().size());
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
      write(result, facts, new PayoutTotals(sums), out);
    }
  }

  /** Writes the workbook to {@code out}, which is left open. */
  public void write(RunResult result, RunFacts facts, OutputStream out) throws IOException {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(facts, "facts");
    write(result, facts, new PayoutTotals(result), out);
  }

  private void write(RunResult result, RunFacts facts, PayoutTotals totals, OutputStream out)
      throws IOException {
    List<SummarySheet.Split> splits = new ArrayList<>();
    plan(DETAIL, result.lines().size(), splits);
    plan(ENTITIES, result.capUsages().size(), splits);
    if (auditSheet) {
      plan(AUDIT, totals.auditRows, splits);
    }
    plan(PROBLEMS, totals.problemRows, splits);

    List<Path> files = new ArrayList<>();
    List<StreamedTable> tables = new ArrayList<>();
    try (XSSFWorkbook xssf = new XSSFWorkbook()) {
      Styles styles = new Styles(xssf);
      new SummarySheet(xssf.createSheet(SummarySheet.NAME), styles)
          .write(result, facts, totals, splits, auditSheet);

      // The sheets are made in workbook order; then one pass over the lines fills 明细, 审计 and
      // 问题 side by side, so a large run's lines are read from disk once here.
      StreamedTable detail =
          table(xssf, styles, DETAIL, DETAIL_HEADERS, DETAIL_KINDS, result.lines().size(), files);
      tables.add(detail);
      // 主体 is written whole here: its continuation sheets are made as it fills them
      StreamedTable entities =
          table(xssf, styles, ENTITIES, ENTITY_HEADERS, ENTITY_KINDS, 0, files);
      tables.add(entities);
      writeEntities(entities, result);
      entities.finish(); // before 审计 and 问题 are made, as their names stand in the workbook
      StreamedTable audit =
          auditSheet
              ? table(xssf, styles, AUDIT, AUDIT_HEADERS, AUDIT_KINDS, totals.auditRows, files)
              : null;
      if (audit != null) {
        tables.add(audit);
      }
      StreamedTable problems =
          table(xssf, styles, PROBLEMS, PROBLEM_HEADERS, PROBLEM_KINDS, totals.problemRows, files);
      tables.add(problems);
      for (PayoutLine line : result.lines()) {
        addDetail(detail, line);
        if (audit != null) {
          addAudit(audit, line);
        }
        addProblems(problems, line);
      }
      detail.finish();
      if (audit != null) {
        audit.finish();
      }
      problems.finish();
      List<StreamedTable.Part> parts = new ArrayList<>();
      for (StreamedTable t : tables) {
        parts.addAll(t.parts());
      }
      StreamedPackage.write(xssf, parts, out);
    } finally {
      for (StreamedTable t : tables) {
        t.close();
      }
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
    }
  }

  private void plan(String table, long rows, List<SummarySheet.Split> splits) {
    int sheets = TableSheets.sheetsNeeded(rows, maxRowsPerSheet);
    if (sheets > 1) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < sheets; i++) {
        names.add(TableSheets.sheetName(table, i));
      }
      splits.add(new SummarySheet.Split(table, rows, names));
    }
  }

  private StreamedTable table(
      XSSFWorkbook wb,
      Styles styles,
      String name,
      List<String> headers,
      List<TableSheets.Kind> kinds,
      long plannedRows,
      List<Path> files) {
    return new StreamedTable(wb, styles, name, headers, kinds, maxRowsPerSheet, plannedRows, files);
  }

  private static void addDetail(StreamedTable t, PayoutLine line) throws IOException {
    Claim claim = line.row() == null ? null : line.row().claim();
    t.add(
        line.claimId(),
        claim == null ? null : claim.entityId(),
        claim == null ? null : claim.entityName(),
        claim == null ? null : claim.district(),
        clauseText(line),
        line.clause() == null ? null : line.clause().name(),
        line.status() == null ? null : line.status().zh(),
        line.computed(),
        line.paid(),
        line.cityShare(),
        line.districtShare(),
        line.citation(),
        line.explanation() == null ? null : line.explanation().toString());
  }

  /** 条款: the resolved clause code, or the text as written when none was resolved. */
  static String clauseText(PayoutLine line) {
    if (line.clause() != null) {
      return line.clause().code().toString();
    }
    Claim claim = line.row() == null ? null : line.row().claim();
    return claim == null ? null : claim.clause();
  }

  private static void writeEntities(StreamedTable t, RunResult result) throws IOException {
    for (CapUsage u : result.capUsages()) {
      t.add(
          u.entityId(),
          u.entityName(),
          u.year(),
          u.capGroup(),
          u.cap(),
          u.paidBefore(),
          u.paidNow(),
          u.remaining());
    }
  }

  private static void addAudit(StreamedTable t, PayoutLine line) throws IOException {
    for (TraceStep s : line.trace()) {
      t.add(auditClaimId(line, s), s.step(), s.rule(), s.formula(), s.inputs(), s.result());
    }
  }

  /** The step's claim id, or its line's when the step carries none. */
  static String auditClaimId(PayoutLine line, TraceStep step) {
    return step.claimId() != null ? step.claimId() : line.claimId();
  }

  private static void addProblems(StreamedTable t, PayoutLine line) throws IOException {
    ClaimRow row = line.row();
    if (row != null && row.hasProblems()) {
      for (CellProblem p : row.problems()) {
        t.add(
            p.sheet(),
            p.row(),
            p.column(),
            p.cellText(),
            line.claimId(),
            Status.REJECTED.zh(),
            p.reason() == null ? null : p.reason().toString());
      }
    } else if (needsAttention(line)) {
      SourceLocation at = row == null ? null : row.location();
      t.add(
          at == null ? null : at.sheet(),
          at == null ? null : at.row(),
          null,
          null,
          line.claimId(),
          line.status().zh(),
          line.explanation() == null ? null : line.explanation().toString());
    }
  }

  private static boolean needsAttention(PayoutLine line) {
    return line.status() == Status.REVIEW || line.status() == Status.REJECTED;
  }

  /** How many 问题 rows a line makes: one per cell problem, else one if it is not paid. */
  static long problemRows(PayoutLine line) {
    if (line.row() != null && line.row().hasProblems()) {
      return line.row().problems().size();
    }
    return needsAttention(line) ? 1 : 0;
  }
}
