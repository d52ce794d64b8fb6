package cn.ipsubsidy.claims;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Date cells (事项日期, 成立日期): a date-formatted numeric cell, or text {@code 2025-03-01}, {@code
 * 2025/3/1}, {@code 2025.3.1}, {@code 2025年3月1日} or {@code 20250301} (full-width digits allowed, a
 * trailing {@code 00:00:00} allowed). A plain number is accepted only as an 8-digit yyyymmdd.
 */
public final class DateParser {
  private static final int MIN_YEAR = 1900;
  private static final int MAX_YEAR = 2199;

  private static final Pattern MIDNIGHT =
      Pattern.compile("(.*?)(?:\\s+|T)0?0:00(?::00(?:\\.0+)?)?");
  private static final Pattern WITH_TIME =
      Pattern.compile(".*?(?:\\s+|T)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?");
  private static final Pattern SEPARATED =
      Pattern.compile("([0-9]{4})([-/.])([0-9]{1,2})\\2([0-9]{1,2})");
  private static final Pattern CHINESE = Pattern.compile("([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日?");
  private static final Pattern COMPACT = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})");
  private static final Pattern YEAR_LAST =
      Pattern.compile("[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2,4}");
  private static final Pattern SERIAL = Pattern.compile("[0-9]{1,7}(\\.[0-9]+)?");

  private DateParser() {}

  /** Parses the text of a text cell (or a CSV field). */
  public static Parsed<LocalDate> parseText(String text) {
    if (text == null || Text.isBlank(text)) {
      return Parsed.empty();
    }
    String shown = Text.trim(text);
    String t = Text.halfWidth(shown);
    Matcher midnight = MIDNIGHT.matcher(t);
    if (midnight.matches()) {
      t = Text.trim(midnight.group(1));
    } else if (WITH_TIME.matcher(t).matches()) {
      return Parsed.error(
          "日期不应带时刻，只填日期：" + shown, "write the date only, without a time of day: " + shown);
    }
    Matcher m = SEPARATED.matcher(t);
    if (m.matches()) {
      return date(m.group(1), m.group(3), m.group(4), shown);
    }
    m = CHINESE.matcher(Text.removeBlanks(t));
    if (m.matches()) {
      return date(m.group(1), m.group(2), m.group(3), shown);
    }
    m = COMPACT.matcher(t);
    if (m.matches()) {
      return date(m.group(1), m.group(2), m.group(3), shown);
    }
    if (YEAR_LAST.matcher(t).matches()) {
      return Parsed.error(
          "日期格式不对，年份应在前，如 2025-03-01：" + shown,
          "unrecognised date form, the year comes first as in 2025-03-01: " + shown);
    }
    if (SERIAL.matcher(t).matches()) {
      return Parsed.error(
          "这是 Excel 日期序号，不是日期；请填写如 2025-03-01，或把单元格设为日期格式：" + shown,
          "this looks like an Excel date serial number written as text; write the date as"
              + " 2025-03-01 or format the cell as a date: "
              + shown);
    }
    return Parsed.error(
        "无法识别的日期：" + shown + "（应如 2025-03-01、2025年3月1日）",
        "not a date: " + shown + " (write e.g. 2025-03-01)");
  }

  /**
   * Parses a numeric cell. A date-formatted cell is an Excel date serial; a plain number must be an
   * 8-digit yyyymmdd.
   */
  public static Parsed<LocalDate> parseNumber(
      double value, boolean dateFormatted, boolean date1904) {
    if (dateFormatted) {
      if (!DateUtil.isValidExcelDate(value) || value < 1) {
        return Parsed.error("不是有效的日期", "not a valid date");
      }
      LocalDateTime dt = DateUtil.getLocalDateTime(value, date1904, true);
      if (dt == null) {
        return Parsed.error("不是有效的日期", "not a valid date");
      }
      if (!dt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
        return Parsed.error(
            "日期不应带时刻，只填日期：" + dt.toString().replace('T', ' '),
            "write the date only, without a time of day: " + dt.toString().replace('T', ' '));
      }
      return inRange(dt.toLocalDate(), dt.toLocalDate().toString());
    }
    if (value == Math.rint(value) && value >= 10_000_000 && value <= 99_999_999) {
      String s = Long.toString((long) value);
      return date(s.substring(0, 4), s.substring(4, 6), s.substring(6, 8), s);
    }
    String shown = java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    return Parsed.error(
        "数字不是日期，请把单元格设为日期格式，或填写如 2025-03-01：" + shown,
        "a plain number is not a date; format the cell as a date or write 2025-03-01: " + shown);
  }

  private static Parsed<LocalDate> date(String y, String m, String d, String shown) {
    int year = Integer.parseInt(y);
    int month = Integer.parseInt(m);
    int day = Integer.parseInt(d);
    String iso = String.format("%04d-%02d-%02d", year, month, day);
    LocalDate date;
    try {
      date = LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return Parsed.error("日期不存在：" + iso, "no such date: " + iso);
    }
    return inRange(date, shown);
  }

  private static Parsed<LocalDate> inRange(LocalDate date, String shown) {
    if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
      return Parsed.error("年份不合理：" + shown, "implausible year: " + shown);
    }
    return Parsed.ok(date);
  }
}
