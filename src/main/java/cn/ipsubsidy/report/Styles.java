package cn.ipsubsidy.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The few cell styles of the payout workbook, made once in the backing {@link XSSFWorkbook} so the
 * streamed sheets share them (a style per cell would overflow Excel's style table).
 */
final class Styles {
  static final String MONEY_FORMAT = "#,##0.00";

  final CellStyle header;
  final CellStyle title;
  final CellStyle money;
  final CellStyle moneyBold;
  final CellStyle integer;
  final CellStyle integerBold;

  Styles(XSSFWorkbook wb) {
    Font bold = wb.createFont();
    bold.setBold(true);
    short moneyFormat = wb.createDataFormat().getFormat(MONEY_FORMAT);
    short integerFormat = wb.createDataFormat().getFormat("0");

    header = wb.createCellStyle();
    header.setFont(bold);

    Font titleFont = wb.createFont();
    titleFont.setBold(true);
    titleFont.setFontHeightInPoints((short) 13);
    title = wb.createCellStyle();
    title.setFont(titleFont);

    money = wb.createCellStyle();
    money.setDataFormat(moneyFormat);
    moneyBold = wb.createCellStyle();
    moneyBold.setDataFormat(moneyFormat);
    moneyBold.setFont(bold);

    integer = wb.createCellStyle();
    integer.setDataFormat(integerFormat);
    integerBold = wb.createCellStyle();
    integerBold.setDataFormat(integerFormat);
    integerBold.setFont(bold);
  }
}
