package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Period;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the public notice (公示名单) of the proposed awards: one sheet, {@value #SHEET}, whose heading
 * names the policy documents, the office, the period, the notice period and where to object, and
 * whose table lists each award (序号, 所属地区, 主体名称, 条款名称, 核发金额) by district and clause, a 小计 after each
 * group and the 合计 at the end. It prints A4 landscape, one page wide, the table's header row atop
 * every page, "第 N 页，共 M 页" in the footer.
 *
 * <p>It is for publication, so it writes only what it is given: the caller leaves out codes and ID
 * numbers and masks the names it must ({@code app.NoticeJob}). The document properties name the
 * notice and the office, never the operator.
 */
public final class NoticeWorkbookWriter {
  public static final String SHEET = "公示名单";
  public static final List<String> HEADERS = List.of("序号", "所属地区", "主体名称", "条款名称", "核发金额");
  public static final String SUBTOTAL = "小计";
  public static final String TOTAL = "合计";

  /**
   * 公示期 left for the clerk to fill in by hand, when no dates are given: ideographic spaces, as wide
   * as a character, leave room to write.
   */
  public static final String BLANK_NOTICE_PERIOD =
      "公示期：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日至\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日";

  private static final int COLUMNS = HEADERS.size();
  private static final int MONEY_COL = COLUMNS - 1;

  /** 条款名称 wraps beyond this many character cells: most names fit on one line. */
  private static final int CLAUSE_WIDTH = 40;

  /** A policy document the awards are made under: its 文号 and its title (null when unknown). */
  public record Document(String number, String title) {
    /** 连政发〔2021〕79号《关于促进知识产权高质量发展若干政策措施》. */
    String text() {
      return title == null || title.isBlank() ? number : number + "《" + title + "》";
    }
  }

  /**
   * One award as it is published: the name already masked where it must be; {@code clauseCode}
   * groups the awards and is not printed.
   */
  public record Award(
      String district, String name, String clauseCode, String clauseName, BigDecimal amount) {}

  /**
   * Everything the notice prints. {@code awards} are in the order to print: consecutive awards of
   * the same district and clause make one group. {@code from} and {@code to} are both null when the
   * notice period is left blank.
   */
  public record Notice(
      Period period,
      String office,
      List<Document> documents,
      LocalDate from,
      LocalDate to,
      List<Award> awards) {
    public Notice {
      Objects.requireNonNull(period, "period");
      documents = List.copyOf(documents);
      awards = List.copyOf(awards);
      if ((from == null) != (to == null)) {
        throw new IllegalArgumentException("from and to: both or neither");
      }
    }

    /** 2025年第一季度知识产权资助拟核发名单公示. */
    public String title() {
      return periodText(period) + "知识产权资助拟核发名单公示";
    }

    /** 公示期：2025年6月1日至2025年6月7日, or blanks to fill in. */
    public String noticePeriod() {
      return from == null ? BLANK_NOTICE_PERIOD : "公示期：" + date(from) + "至" + date(to);
    }

    /** 公示期内如有异议，请向<office>反映。 */
    public String objection() {
      return "公示期内如有异议，请向" + office + "反映。";
    }

    public BigDecimal total() {
      return awards.stream().map(Award::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** 2025年第一季度. */
  static String periodText(Period p) {
    return p.zh();
  }

  /** 2025年6月1日. */
  static String date(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  /**
   * Writes the workbook to {@code target}, replacing it. Use {@link OutputFiles} around this to
   * write it atomically and to refuse an existing file.
   */
  public void write(Notice notice, Path target) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
      write(notice, out);
    }
  }

  /** Writes the workbook to {@code out}, which is left open. */
  public void write(Notice notice, OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      new Layout(wb, wb.createSheet(SHEET)).write(notice);
      properties(wb, notice);
      wb.write(out);
    }
  }

  /** Title, subject and author: the notice and the office, so no user name is left as author. */
  private static void properties(XSSFWorkbook wb, Notice notice) {
    POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
    core.setTitle(notice.title());
    core.setSubjectProperty(SHEET);
    core.setCreator(notice.office());
    core.setLastModifiedByUser(notice.office());
    core.setKeywords("知识产权资助 公示");
    core.setDescription(String.join("；", notice.documents().stream().map(Document::text).toList()));
    wb.getProperties()
        .getExtendedProperties()
        .getUnderlyingProperties()
        .setCompany(notice.office());
  }

  /** The sheet, row by row: the table first (its widths size the heading), then the heading. */
  private static final class Layout {
    private final XSSFSheet sheet;
    private final Styles styles;
    private final CellStyle heading;
    private final CellStyle headingTitle;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle wrapped;
    private final CellStyle integer;
    private final CellStyle money;
    private final CellStyle bold;
    private final CellStyle moneyBold;
    private final int[] widths = new int[COLUMNS];

    Layout(XSSFWorkbook wb, XSSFSheet sheet) {
      this.sheet = sheet;
      this.styles = new Styles(wb);
      heading = wb.createCellStyle();
      heading.cloneStyleFrom(styles.wrapped);
      headingTitle = wb.createCellStyle();
      headingTitle.cloneStyleFrom(styles.title);
      headingTitle.setAlignment(HorizontalAlignment.CENTER);
      header = bordered(wb, styles.header);
      header.setAlignment(HorizontalAlignment.CENTER);
      text = bordered(wb, styles.text);
      wrapped = bordered(wb, styles.wrapped);
      integer = bordered(wb, styles.integer);
      integer.setAlignment(HorizontalAlignment.CENTER);
      money = bordered(wb, styles.money);
      bold = bordered(wb, styles.header);
      moneyBold = bordered(wb, styles.moneyBold);
    }

    private static CellStyle bordered(XSSFWorkbook wb, CellStyle base) {
      CellStyle s = wb.createCellStyle();
      s.cloneStyleFrom(base);
      s.setBorderTop(BorderStyle.THIN);
      s.setBorderBottom(BorderStyle.THIN);
      s.setBorderLeft(BorderStyle.THIN);
      s.setBorderRight(BorderStyle.THIN);
      return s;
    }

    void write(Notice n) {
      List<String> lines =
          List.of(
              "政策依据："
                  + (n.documents().isEmpty()
                      ? "无"
                      : String.join("；", n.documents().stream().map(Document::text).toList())),
              "发布单位：" + n.office(),
              "资助期间："
                  + periodText(n.period())
                  + "（"
                  + date(n.period().start())
                  + "至"
                  + date(n.period().end())
                  + "）",
              n.noticePeriod(),
              n.objection());
      int headerRow = lines.size() + 2; // the title, the lines, an empty row
      table(n, headerRow);
      Cells.setWidths(sheet, widths);
      int chars = 0;
      for (int c = 0; c < COLUMNS; c++) {
        chars += sheet.getColumnWidth(c) / 256;
      }
      headingRow(0, n.title(), headingTitle, chars);
      for (int i = 0; i < lines.size(); i++) {
        headingRow(i + 1, lines.get(i), heading, chars);
      }
      PrintLayout.tableBelowHeading(sheet, headerRow, PrintLayout.FOOTER_ZH);
    }

    /** A line of the heading across the table's width, as tall as its wrapped text. */
    private void headingRow(int r, String value, CellStyle style, int chars) {
      Row row = sheet.createRow(r);
      Cells.text(row, 0, value, style);
      sheet.addMergedRegion(new CellRangeAddress(r, r, 0, COLUMNS - 1));
      float points = Cells.lines(value, chars) * Cells.LINE_POINTS;
      row.setHeightInPoints(Math.max(points, style == headingTitle ? 2 * Cells.LINE_POINTS : 0));
    }

    private void table(Notice n, int headerRow) {
      int r = headerRow;
      Row h = sheet.createRow(r++);
      for (int c = 0; c < COLUMNS; c++) {
        track(c, Cells.text(h, c, HEADERS.get(c), header));
      }
      List<Award> awards = n.awards();
      int number = 0;
      BigDecimal group = BigDecimal.ZERO;
      for (int i = 0; i < awards.size(); i++) {
        Award a = awards.get(i);
        Row row = sheet.createRow(r++);
        track(0, Cells.integer(row, 0, ++number, integer));
        track(1, boxed(row, 1, a.district(), text));
        track(2, boxed(row, 2, a.name(), text));
        track(3, Cells.wrapped(row, 3, a.clauseName(), wrapped, CLAUSE_WIDTH));
        track(MONEY_COL, Cells.money(row, MONEY_COL, a.amount(), money));
        group = group.add(a.amount());
        Award next = i + 1 < awards.size() ? awards.get(i + 1) : null;
        if (next == null || !sameGroup(a, next)) {
          Row sub = sheet.createRow(r++);
          blank(sub, 0, text);
          Cells.text(sub, 1, a.district(), bold);
          Cells.text(sub, 2, SUBTOTAL, bold);
          Cells.wrapped(sub, 3, a.clauseName(), wrapped, CLAUSE_WIDTH);
          track(MONEY_COL, Cells.money(sub, MONEY_COL, group, moneyBold));
          group = BigDecimal.ZERO;
        }
      }
      Row total = sheet.createRow(r);
      blank(total, 0, bold);
      Cells.text(total, 1, TOTAL, bold);
      Cells.text(total, 2, "共 " + awards.size() + " 项", bold);
      blank(total, 3, bold);
      track(MONEY_COL, Cells.money(total, MONEY_COL, n.total(), moneyBold));
    }

    private static boolean sameGroup(Award a, Award b) {
      return Objects.equals(a.district(), b.district())
          && Objects.equals(a.clauseCode(), b.clauseCode());
    }

    /** A text cell; an empty one still draws the table's borders. */
    private static int boxed(Row row, int col, String value, CellStyle style) {
      int width = Cells.text(row, col, value, style);
      if (width == 0) {
        blank(row, col, style);
      }
      return width;
    }

    /** An empty cell that still draws the table's borders. */
    private static void blank(Row row, int col, CellStyle style) {
      row.createCell(col).setCellStyle(style);
    }

    private void track(int col, int width) {
      widths[col] = Math.max(widths[col], width);
    }
  }
}
