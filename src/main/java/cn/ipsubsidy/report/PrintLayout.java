package cn.ipsubsidy.report;

import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a sheet prints, as a clerk printing the payout or the template expects: A4 landscape, every
 * column scaled onto one page wide (as many pages down as it takes), narrow margins, and the
 * sheet's name with the page number in the footer. A table also prints its gridlines and its header
 * rows again atop every page. Excel and LibreOffice both honour these settings.
 */
final class PrintLayout {
  /** The footer: sheet name (&amp;A), page (&amp;P) of pages (&amp;N), in Chinese and English. */
  static final String FOOTER = "&A · 第 &P 页，共 &N 页 / page &P of &N";

  /** The footer of a sheet for the public (the notice), in Chinese only. */
  static final String FOOTER_ZH = "&A · 第 &P 页，共 &N 页";

  private PrintLayout() {}

  /** A sheet that is not a table (汇总): landscape, one page wide, the footer. */
  static void page(Sheet sheet) {
    page(sheet, FOOTER);
  }

  /** As {@link #page(Sheet)}, with the given footer. */
  static void page(Sheet sheet, String footer) {
    PrintSetup setup = sheet.getPrintSetup();
    setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
    setup.setLandscape(true);
    sheet.setFitToPage(true);
    setup.setFitWidth((short) 1);
    setup.setFitHeight((short) 0); // 0: as many pages down as needed
    sheet.setMargin(PageMargin.LEFT, 0.4);
    sheet.setMargin(PageMargin.RIGHT, 0.4);
    sheet.setMargin(PageMargin.TOP, 0.5);
    sheet.setMargin(PageMargin.BOTTOM, 0.6);
    sheet.setMargin(PageMargin.HEADER, 0.3);
    sheet.setMargin(PageMargin.FOOTER, 0.3);
    sheet.getFooter().setCenter(footer);
  }

  /** A table whose first {@code headerRows} rows are its header: as {@link #page}, plus those. */
  static void table(Sheet sheet, int headerRows) {
    page(sheet);
    sheet.setPrintGridlines(true);
    sheet.setRepeatingRows(CellRangeAddress.valueOf("1:" + headerRows));
  }

  /**
   * A table below a heading (the notice): as {@link #page(Sheet, String)}, with only the table's
   * header row, {@code headerRow} (0-based), atop every page; the table draws its own borders.
   */
  static void tableBelowHeading(Sheet sheet, int headerRow, String footer) {
    page(sheet, footer);
    sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
  }
}
