package cn.ipsubsidy.report;

import cn.ipsubsidy.claims.ClaimColumn;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.policy.Calculation;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseText;
import cn.ipsubsidy.policy.PolicyDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private static final Map<ClaimColumn, String> NOTES = notes();

  /** The clause in the form the drop-down writes: "lyg-2021/2a 马德里商标国际注册". */
  public static String choice(Clause c) {
    return c.code() + " " + c.name();
  }

  public void write(String title, List<PolicyDocument> documents, Path target) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles styles = new Styles(wb);
      Sheet claims = wb.createSheet(SHEET);
      Sheet clauses = wb.createSheet(CLAUSE_SHEET);
      Sheet lists = wb.createSheet(LISTS_SHEET);
      wb.setSheetVisibility(wb.getSheetIndex(lists), SheetVisibility.HIDDEN);

      List<String> clauseChoices = new ArrayList<>();
      Set<String> districts = new LinkedHashSet<>();
      for (PolicyDocument d : documents) {
        d.clauses().forEach(c -> clauseChoices.add(choice(c)));
        districts.addAll(d.jurisdiction().districts());
      }
      Map<ClaimColumn, String> listRanges = new EnumMap<>(ClaimColumn.class);
      listRanges.put(ClaimColumn.CLAUSE, listColumn(lists, 0, "条款", clauseChoices));
      listRanges.put(
          ClaimColumn.ENTITY_TYPE,
          listColumn(
              lists, 1, "主体类型", Arrays.stream(EntityType.values()).map(EntityType::zh).toList()));
      listRanges.put(ClaimColumn.DISTRICT, listColumn(lists, 2, "所属地区", List.copyOf(districts)));
      listRanges.put(
          ClaimColumn.LEVEL,
          listColumn(lists, 3, "级别", Arrays.stream(Level.values()).map(Level::zh).toList()));

      writeClaimsSheet(wb, claims, styles, title, listRanges);
      writeClauseSheet(clauses, styles, documents);
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
      Map<ClaimColumn, String> listRanges) {
    ClaimColumn[] columns = ClaimColumn.values();
    Cells.text(sheet.createRow(0), 0, title, styles.title);
    Row header = sheet.createRow(HEADER_ROW);
    Drawing<?> drawing = sheet.createDrawingPatriarch();
    CellStyle date = wb.createCellStyle();
    date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
    CellStyle text = wb.createCellStyle();
    text.setDataFormat(wb.createDataFormat().getFormat("@"));
    DataValidationHelper helper = sheet.getDataValidationHelper();
    int[] widths = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      ClaimColumn col = columns[i];
      widths[i] = Math.max(Cells.text(header, i, col.zh(), styles.header), 12);
      String note = col.en() + (col.required() ? " (必填 required)" : "") + " — " + NOTES.get(col);
      Comment comment = drawing.createCellComment(anchor(wb, i, HEADER_ROW, i + 3, HEADER_ROW + 5));
      comment.setString(wb.getCreationHelper().createRichTextString(note));
      comment.setAuthor("ipsubsidy");
      header.getCell(i).setCellComment(comment);

      DataValidationConstraint constraint = constraint(helper, col, listRanges.get(col));
      CellStyle style =
          switch (kind(col)) {
            case DATE -> date;
            case MONEY -> styles.money;
            case COUNT -> styles.integer;
            default -> text;
          };
      sheet.setDefaultColumnStyle(i, style);
      CellRangeAddressList cells =
          new CellRangeAddressList(HEADER_ROW + 1, HEADER_ROW + DATA_ROWS, i, i);
      DataValidation v = helper.createValidation(constraint, cells);
      v.createPromptBox(col.zh() + " " + col.en(), clip(NOTES.get(col)));
      v.setShowPromptBox(true);
      if (kind(col) != Kind.TEXT) {
        v.createErrorBox(col.zh(), clip("请按说明填写 / " + NOTES.get(col)));
        v.setShowErrorBox(true);
      } else {
        v.setShowErrorBox(false);
      }
      v.setEmptyCellAllowed(true);
      sheet.addValidationData(v);
    }
    Cells.setWidths(sheet, widths);
    sheet.setColumnWidth(ClaimColumn.CLAUSE.ordinal(), 36 * 256);
    sheet.createFreezePane(0, HEADER_ROW + 1);
  }

  private static void writeClauseSheet(Sheet sheet, Styles styles, List<PolicyDocument> docs) {
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
          String.join("、", neededColumns(c)),
          c.quote()
        };
        for (int i = 0; i < values.length; i++) {
          widths[i] = Math.max(widths[i], Cells.text(row, i, values[i], null));
        }
      }
    }
    Cells.setWidths(sheet, widths);
    sheet.createFreezePane(0, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 0), 0, widths.length - 1));
  }

  /**
   * The columns a claim under this clause fills, beyond the seven every claim needs: what its
   * calculation kind, eligibility and modifiers read.
   */
  public static List<String> neededColumns(Clause c) {
    Set<ClaimColumn> cols = new LinkedHashSet<>();
    for (ClaimColumn col : ClaimColumn.values()) {
      if (col.required()) {
        cols.add(col);
      }
    }
    cols.add(ClaimColumn.QUANTITY);
    Calculation calc = c.calculation();
    if (calc instanceof Calculation.FixedByLevel) {
      cols.add(ClaimColumn.LEVEL);
    } else if (calc instanceof Calculation.Percent) {
      cols.add(ClaimColumn.BASIS);
      cols.add(ClaimColumn.DEDUCTION);
    } else if (calc instanceof Calculation.Approved || calc instanceof Calculation.UpTo) {
      cols.add(ClaimColumn.APPROVED_AMOUNT);
    } else if (calc instanceof Calculation.Unset u && u.localAmount() == null) {
      cols.add(ClaimColumn.APPROVED_AMOUNT);
    } else if (calc instanceof Calculation.Stepped) {
      cols.add(ClaimColumn.METRIC);
    } else if (calc instanceof Calculation.Tiered t) {
      cols.add(ClaimColumn.METRIC);
      if (t.tiers().stream().anyMatch(x -> x.metric2Min() != null)) {
        cols.add(ClaimColumn.METRIC2);
      }
    }
    if (c.eligibility().metric() != null) {
      cols.add(ClaimColumn.METRIC);
    }
    if (c.eligibility().metric2() != null) {
      cols.add(ClaimColumn.METRIC2);
    }
    if (c.eligibility().establishedWithinYears() != null) {
      cols.add(ClaimColumn.ESTABLISHED_DATE);
    }
    if (c.modifiers() != null && c.modifiers().feeCeiling()) {
      cols.add(ClaimColumn.FEES_INCURRED);
    }
    if (c.references() != null) {
      cols.add(ClaimColumn.REFERENCE_NO);
    }
    return cols.stream().map(ClaimColumn::zh).toList();
  }

  private enum Kind {
    TEXT,
    LIST,
    DATE,
    MONEY,
    COUNT
  }

  private static Kind kind(ClaimColumn col) {
    return switch (col) {
      case CLAUSE, ENTITY_TYPE, DISTRICT, LEVEL -> Kind.LIST;
      case EVENT_DATE, ESTABLISHED_DATE -> Kind.DATE;
      case BASIS, DEDUCTION, FEES_INCURRED, APPROVED_AMOUNT -> Kind.MONEY;
      case QUANTITY, METRIC, METRIC2 -> Kind.COUNT;
      default -> Kind.TEXT;
    };
  }

  private static DataValidationConstraint constraint(
      DataValidationHelper helper, ClaimColumn col, String listRange) {
    return switch (kind(col)) {
      case LIST -> helper.createFormulaListConstraint(listRange);
      case DATE ->
          helper.createDateConstraint(
              OperatorType.BETWEEN, "DATE(1980,1,1)", "DATE(2100,12,31)", "yyyy-mm-dd");
      case MONEY -> helper.createDecimalConstraint(OperatorType.BETWEEN, "0", "9999999999.99");
      case COUNT ->
          helper.createIntegerConstraint(
              OperatorType.BETWEEN, col == ClaimColumn.QUANTITY ? "1" : "0", "100000000");
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

  private static Map<ClaimColumn, String> notes() {
    Map<ClaimColumn, String> m = new EnumMap<>(ClaimColumn.class);
    m.put(ClaimColumn.CLAIM_ID, "文件内唯一 unique in the file");
    m.put(
        ClaimColumn.ENTITY_ID,
        "18位统一社会信用代码或身份证号 18-character USCC (organisations) or resident ID (individuals)");
    m.put(ClaimColumn.ENTITY_NAME, "单位或个人名称 name of the organisation or person");
    m.put(ClaimColumn.ENTITY_TYPE, "从列表选择 pick from the list: 企业 enterprise, 个人 individual, …");
    m.put(ClaimColumn.DISTRICT, "从列表选择所属区县 pick the district; selects the city's policy");
    m.put(
        ClaimColumn.CLAUSE,
        "从列表选择条款（代码及名称），各条款所需列见“条款说明” pick the clause; see sheet 条款说明 for what it needs");
    m.put(
        ClaimColumn.EVENT_DATE,
        "授权、认定、判决或支付日期，如 2025-03-01 date of the grant, recognition, judgment or payment");
    m.put(
        ClaimColumn.QUANTITY, "件数、人数、专利年数，默认 1 patents, marks, persons, patent-years (default 1)");
    m.put(ClaimColumn.LEVEL, "国家/省/市，按级别的条款必填 national/provincial/municipal, for clauses by level");
    m.put(
        ClaimColumn.BASIS, "比例类条款：比例所乘的金额（元） for percent clauses: the amount the rate applies to");
    m.put(ClaimColumn.DEDUCTION, "由他方承担的部分（元） part borne by others (yuan)");
    m.put(ClaimColumn.FEES_INCURRED, "实际发生的费用（元），无锡第一条必填 fees actually incurred (wx-2020 art. 1)");
    m.put(ClaimColumn.APPROVED_AMOUNT, "评审核定的金额（元） the amount a review committee approved (yuan)");
    m.put(
        ClaimColumn.METRIC,
        "延伸国数、代理量、注册量、托管企业数、维持年度 designated countries, grants handled, registrations, SMEs served, maintenance year");
    m.put(
        ClaimColumn.METRIC2,
        "发明授权量（12a）；首次获批企业数（12c） invention grants (12a); first-time firms (12c)");
    m.put(ClaimColumn.ESTABLISHED_DATE, "代理机构成立日期（12a） the agency's date of establishment (12a)");
    m.put(
        ClaimColumn.REFERENCE_NO,
        "专利号、注册号、案号、证书号；多个用分号分隔，个数等于数量 patent/registration/case/certificate numbers; several separated by ;");
    m.put(ClaimColumn.NOTE, "备注 note");
    return m;
  }
}
