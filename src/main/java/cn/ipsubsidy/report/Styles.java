package cn.ipsubsidy.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FontScheme;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The few cell styles of the payout workbook, made once in the backing {@link XSSFWorkbook} so the
 * streamed sheets share them (a style per cell would overflow Excel's style table). Cells sit at
 * the top of their row, level with the first line of a {@link #wrapped} neighbour.
 */
final class Styles {
  static final String MONEY_FORMAT = "#,##0.00";

  final CellStyle header;
  final CellStyle text;

  /** Long text (说明, 公式, 原因, …): wrapped within a column of at most {@link Cells#WRAP_WIDTH}. */
  final CellStyle wrapped;

  /**
   * An amount in capital numerals (大写), wrapped as {@link #wrapped} and indented, so that it does
   * not run into the figure printed right-aligned in the column before it.
   */
  final CellStyle capital;

  /** {@link #capital} in bold, for a total. */
  final CellStyle capitalBold;

  /** A label of 汇总's signature block, level with the line beside it. */
  final CellStyle signLabel;

  /** A line to sign on: the cell's bottom border, its text (a name, if any) standing on it. */
  final CellStyle signLine;

  final CellStyle title;
  final CellStyle money;
  final CellStyle moneyBold;
  final CellStyle integer;
  final CellStyle integerBold;

  private final XSSFWorkbook wb;
  private final XSSFFont regular;

  Styles(XSSFWorkbook wb) {
    this.wb = wb;
    // Calibri, named outright: POI's default font names it as the theme's "minor" font but writes
    // no theme, leaving the font to the reader's default theme. And applied in every style, the
    // default one too: LibreOffice ignores a style's font unless told to apply it, and uses its
    // own default sans, wider than the Calibri that column widths are measured for.
    regular = wb.getFontAt(0);
    regular.setScheme(FontScheme.NONE);
    wb.getCellStyleAt(0).setFont(regular);
    Font bold = wb.createFont();
    bold.setBold(true);
    short moneyFormat = wb.createDataFormat().getFormat(MONEY_FORMAT);
    short integerFormat = wb.createDataFormat().getFormat("0");

    header = wb.createCellStyle();
    header.setFont(bold);
    text = newStyle();
    wrapped = newStyle();
    wrapped.setWrapText(true);
    capital = newStyle();
    capitalBold = wb.createCellStyle();
    capitalBold.setFont(bold);
    for (CellStyle s : new CellStyle[] {capital, capitalBold}) {
      s.setWrapText(true);
      s.setAlignment(HorizontalAlignment.LEFT); // an indent counts only from an edge it is set to
      s.setIndention((short) 1);
    }

    Font titleFont = wb.createFont();
    titleFont.setBold(true);
    titleFont.setFontHeightInPoints((short) 13);
    title = wb.createCellStyle();
    title.setFont(titleFont);

    money = newStyle();
    money.setDataFormat(moneyFormat);
    moneyBold = wb.createCellStyle();
    moneyBold.setDataFormat(moneyFormat);
    moneyBold.setFont(bold);

    integer = newStyle();
    integer.setDataFormat(integerFormat);
    integerBold = wb.createCellStyle();
    integerBold.setDataFormat(integerFormat);
    integerBold.setFont(bold);

    for (CellStyle s :
        new CellStyle[] {
          header, text, wrapped, capital, capitalBold, money, moneyBold, integer, integerBold
        }) {
      s.setVerticalAlignment(VerticalAlignment.TOP);
    }
    signLabel = newStyle();
    signLabel.setVerticalAlignment(VerticalAlignment.BOTTOM);
    signLine = newStyle();
    signLine.setVerticalAlignment(VerticalAlignment.BOTTOM);
    signLine.setBorderBottom(BorderStyle.THIN);
  }

  /** A new style in the regular font, applied (see the constructor). */
  CellStyle newStyle() {
    CellStyle style = wb.createCellStyle();
    style.setFont(regular);
    return style;
  }
}
