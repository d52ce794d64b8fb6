package cn.ipsubsidy.claims;

import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Number formats of spreadsheet cells: which are dates, and the text Excel shows. Not thread-safe
 * (it holds a {@link DataFormatter}); each reader makes its own. Two threads share it all the same:
 * the reader's makes cells ({@link #number}, which does not touch the formatter), and the display
 * text is made by the thread that asks a cell for it, the reader's for the rows up to the header,
 * then only the parse thread's ({@link ParsingStage}), never both at once.
 */
final class NumberFormats {
  private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

  /**
   * Built-in formats 27-36 and 50-58 are locale-dependent and have no format string in the file;
   * POI reports them as "reserved-0x1F". Chinese Excel writes its date formats (2025年3月1日) with
   * these ids, so we supply the zh-CN definitions (ECMA-376 part 1, 18.8.30).
   */
  static String resolve(int index, String format) {
    if (format != null && !format.isEmpty() && !format.startsWith("reserved-")) {
      return format;
    }
    switch (index) {
      case 27:
      case 36:
      case 50:
      case 52:
      case 57:
        return "yyyy\"年\"m\"月\"";
      case 28:
      case 29:
      case 51:
      case 53:
      case 54:
      case 58:
        return "m\"月\"d\"日\"";
      case 30:
        return "m-d-yy";
      case 31:
        return "yyyy\"年\"m\"月\"d\"日\"";
      case 32:
        return "h\"时\"mm\"分\"";
      case 33:
        return "h\"时\"mm\"分\"ss\"秒\"";
      case 34:
      case 55:
        return "AM/PMh\"时\"mm\"分\"";
      case 35:
      case 56:
        return "AM/PMh\"时\"mm\"分\"ss\"秒\"";
      default:
        return format == null || format.startsWith("reserved-") ? "General" : format;
    }
  }

  /** Whether the (resolved) format shows a date or time. */
  static boolean isDate(int index, String resolvedFormat) {
    if ((index >= 27 && index <= 36) || (index >= 50 && index <= 58)) {
      return true;
    }
    return DateUtil.isADateFormat(index, resolvedFormat);
  }

  static boolean isPercent(String format) {
    boolean quoted = false;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\') {
        i++;
      } else if (c == '%' && !quoted) {
        return true;
      }
    }
    return false;
  }

  /** Makes a numeric cell from its value and style; its display text is made when needed. */
  RawCell number(double value, int index, String format, boolean date1904) {
    String resolved = resolve(index, format);
    boolean date = isDate(index, resolved);
    return RawCell.number(value, date, resolved, this, index, date1904);
  }

  /** The text Excel shows for {@code value} in the (resolved) format. */
  String display(double value, int index, String resolved, boolean date1904) {
    // Built-in 14 is the locale's short date: Chinese Excel shows it as 2025/3/1, not 3/1/25
    String shown = index == 14 ? "yyyy/m/d" : resolved;
    try {
      return formatter.formatRawCellContents(value, index == 14 ? -1 : index, shown, date1904);
    } catch (RuntimeException e) {
      return Double.toString(value);
    }
  }
}
