package cn.ipsubsidy.report;

import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseText;
import cn.ipsubsidy.policy.PolicyDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The claims template a clerk sends to applicants (申报汇总表模板): a title row (which calc skips), the
 * contract's columns under their exact Chinese headers with the English name and meaning in each
 * header's comment, drop-down lists for 条款, 主体类型, 所属地区 and 级别 (kept on a hidden sheet, since Excel
 * limits an inline list to 255 characters), date, money and count validation with an input hint on
 * every data cell, a frozen header, and a second sheet 条款说明 that lists each clause with its amount,
 * caps, the columns it needs and the quoted policy text.
 */
public final class ClaimsTemplateWriter {
  public static final String SHEET = "申报汇总表";
  public static final String CLAUSE_SHEET = "条款说明";
  static final String LISTS_SHEET = "选项";

  /** Rows (below the header) that carry drop-downs and validation. */
  public static final int DATA_ROWS = 1000;

  static final int HEADER_ROW = 1;

  static final List<String> CLAUSE_HEADERS =
      List.of("条款", "条款名称", "依据", "计算方式", "金额", "上限", "条件", "需填列", "政策原文");

  /** The 条款说明 columns of long text, wrapped so the sheet prints legibly one page wide. */
  static final List<String> WRAPPED_CLAUSE_COLUMNS =
      List.of("条款", "条款名称", "金额", "上限", "条件", "需填列", "政策原文");

  /** The clause in the form the drop-down writes: "lyg-2021/2a 马德里商标国际注册". */
  public static String choice(Clause c) {
    return c.code() + " " + c.name();
  }

  /**
   * @param columns the claims columns, in order
   * @param lists the drop-down values by column (Chinese header)
   * @param needed the columns a claim under a clause fills, for 条款说明
   */
  public void write(
      String title,
      List<Column> columns,
      Map<String, List<String>> lists,
      List<PolicyDocument> documents,
      Function<Clause, List<String>> needed,
      Path target)
      throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles styles = new Styles(wb);
      Sheet claims = wb.createSheet(SHEET);
      Sheet clauses = wb.createSheet(CLAUSE_SHEET);
      Sheet listSheet = wb.createSheet(LISTS_SHEET);
      wb.setSheetVisibility(wb.getSheetIndex(listSheet), SheetVisibility.HIDDEN);
      Map<String, String> listRanges = new HashMap<>();
      int n = 0;
      for (Map.Entry<String, List<String>> e : lists.entrySet()) {
        listRanges.put(e.getKey(), listColumn(listSheet, n++, e.getKey(), e.getValue()));
      }
      writeClaimsSheet(wb, claims, styles, title, columns, lists, listRanges);
      writeClauseSheet(clauses, styles, documents, needed);
      wb.setActiveSheet(0);
      try (OutputStream os = Files.newOutputStream(target)) {
        wb.write(os);
      }
    }
  }

  private static void writeClaimsSheet(
      XSSFWorkbook wb,
      Sheet sheet,
      Styles styles,
      String title,
      List<Column> columns,
      Map<String, List<String>> lists,
      Map<String, String> listRanges) {
    Cells.text(sheet.createRow(0), 0, title, styles.title);
    Row header = sheet.createRow(HEADER_ROW);
    Drawing<?> drawing = sheet.createDrawingPatriarch();
    CellStyle date = styles.newStyle();
    date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
    CellStyle text = styles.newStyle();
    text.setDataFormat(wb.createDataFormat().getFormat("@"));
    DataValidationHelper helper = sheet.getDataValidationHelper();
    int[] widths = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      Column col = columns.get(i);
      widths[i] = Math.max(Cells.text(header, i, col.zh(), styles.header), 12);
      String note = col.en() + (col.required() ? " (必填 required)" : "") + " — " + col.note();
      Comment comment = drawing.createCellComment(anchor(wb, i, HEADER_ROW, i + 3, HEADER_ROW + 5));
      comment.setString(wb.getCreationHelper().createRichTextString(note));
      comment.setAuthor("ipsubsidy");
      header.getCell(i).setCellComment(comment);

      DataValidationConstraint constraint = constraint(helper, col, listRanges.get(col.zh()));
      CellStyle style =
          switch (col.kind()) {
            case DATE -> date;
            case MONEY -> styles.money;
            case COUNT, QUANTITY -> styles.integer;
            default -> text;
          };
      sheet.setDefaultColumnStyle(i, style);
      CellRangeAddressList cells =
          new CellRangeAddressList(HEADER_ROW + 1, HEADER_ROW + DATA_ROWS, i, i);
      DataValidation v = helper.createValidation(constraint, cells);
      v.createPromptBox(col.zh() + " " + col.en(), clip(col.note()));
      v.setShowPromptBox(true);
      if (col.kind() != Kind.TEXT) {
        v.createErrorBox(col.zh(), clip("请按说明填写 / " + col.note()));
        v.setShowErrorBox(true);
      } else {
        v.setShowErrorBox(false);
      }
      v.setEmptyCellAllowed(true);
      sheet.addValidationData(v);
      for (String value : lists.getOrDefault(col.zh(), List.of())) {
        widths[i] = Math.max(widths[i], Cells.displayWidth(value));
      }
    }
    Cells.setWidths(sheet, widths);
    sheet.createFreezePane(0, HEADER_ROW + 1);
    PrintLayout.table(sheet, HEADER_ROW + 1);
  }

  private static void writeClauseSheet(
      Sheet sheet,
      Styles styles,
      List<PolicyDocument> docs,
      Function<Clause, List<String>> needed) {
    Row header = sheet.createRow(0);
    int[] widths = new int[CLAUSE_HEADERS.size()];
    for (int i = 0; i < CLAUSE_HEADERS.size(); i++) {
      widths[i] = Cells.text(header, i, CLAUSE_HEADERS.get(i), styles.header);
    }
    int r = 1;
    for (PolicyDocument d : docs) {
      for (Clause c : d.clauses()) {
        Row row = sheet.createRow(r++);
        String[] values = {
          choice(c),
          c.name(),
          d.cite(c),
          c.calculation().kind(),
          ClauseText.amount(c.calculation()),
          ClauseText.caps(c),
          ClauseText.eligibility(c),
          String.join("、", needed.apply(c)),
          c.quote()
        };
        for (int i = 0; i < values.length; i++) {
          int w =
              WRAPPED_CLAUSE_COLUMNS.contains(CLAUSE_HEADERS.get(i))
                  ? Cells.wrapped(row, i, values[i], styles.wrapped)
                  : Cells.text(row, i, values[i], styles.text);
          widths[i] = Math.max(widths[i], w);
        }
      }
    }
    Cells.setWidths(sheet, widths);
    sheet.createFreezePane(0, 1);
    PrintLayout.table(sheet, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 0), 0, widths.length - 1));
  }

  /** What a column holds, which decides its validation and cell format. */
  public enum Kind {
    TEXT,
    LIST,
    DATE,
    MONEY,
    COUNT,
    QUANTITY
  }

  /**
   * One column of the template.
   *
   * @param note the meaning, shown in the header's comment and as the input hint
   */
  public record Column(String zh, String en, boolean required, Kind kind, String note) {}

  private static DataValidationConstraint constraint(
      DataValidationHelper helper, Column col, String listRange) {
    return switch (col.kind()) {
      case LIST -> helper.createFormulaListConstraint(listRange);
      case DATE ->
          helper.createDateConstraint(
              OperatorType.BETWEEN, "DATE(1980,1,1)", "DATE(2100,12,31)", "yyyy-mm-dd");
      case MONEY -> helper.createDecimalConstraint(OperatorType.BETWEEN, "0", "9999999999.99");
      case COUNT -> helper.createIntegerConstraint(OperatorType.BETWEEN, "0", "100000000");
      case QUANTITY -> helper.createIntegerConstraint(OperatorType.BETWEEN, "1", "100000000");
      case TEXT -> helper.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, "32767", null);
    };
  }

  /** Writes a list down a column of the hidden sheet; returns its absolute range reference. */
  private static String listColumn(Sheet lists, int col, String name, List<String> values) {
    Row head = lists.getRow(0) != null ? lists.getRow(0) : lists.createRow(0);
    head.createCell(col).setCellValue(name);
    for (int i = 0; i < values.size(); i++) {
      int r = i + 1;
      Row row = lists.getRow(r) != null ? lists.getRow(r) : lists.createRow(r);
      row.createCell(col).setCellValue(values.get(i));
    }
    String letter = CellReference.convertNumToColString(col);
    return "'" + LISTS_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (values.size() + 1);
  }

  private static ClientAnchor anchor(XSSFWorkbook wb, int col1, int row1, int col2, int row2) {
    ClientAnchor a = wb.getCreationHelper().createClientAnchor();
    a.setCol1(col1);
    a.setRow1(row1);
    a.setCol2(col2);
    a.setRow2(row2);
    return a;
  }

  /** Excel limits an input message to 255 characters. */
  private static String clip(String s) {
    return s.length() <= 250 ? s : s.substring(0, 249) + "…";
  }
}
