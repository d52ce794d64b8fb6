package cn.ipsubsidy.claims;

/**
 * A cell as the format reader found it, before any contract typing: its kind, its raw value and the
 * text the clerk sees in Excel ({@link #display}).
 */
final class RawCell {
  private final Kind kind;
  private final String text;
  private final double number;
  private final boolean dateFormatted;
  private final String format;
  private String display;

  /**
   * Makes the display text of a number when first asked: most numbers are never shown. A data row's
   * cells are asked on the parse thread only, once the reader has handed the row over.
   */
  private final NumberFormats formats;

  private final int formatIndex;
  private final boolean date1904;

  private RawCell(
      Kind kind,
      String text,
      double number,
      boolean dateFormatted,
      String format,
      String display,
      NumberFormats formats,
      int formatIndex,
      boolean date1904) {
    this.kind = kind;
    this.text = text;
    this.number = number;
    this.dateFormatted = dateFormatted;
    this.format = format;
    this.display = display;
    this.formats = formats;
    this.formatIndex = formatIndex;
    this.date1904 = date1904;
  }

  private RawCell(
      Kind kind, String text, double number, boolean dateFormatted, String format, String display) {
    this(kind, text, number, dateFormatted, format, display, null, 0, false);
  }

  Kind kind() {
    return kind;
  }

  String text() {
    return text;
  }

  double number() {
    return number;
  }

  boolean dateFormatted() {
    return dateFormatted;
  }

  /** The resolved number format, or null. */
  String format() {
    return format;
  }

  /** The text the clerk sees in Excel. */
  String display() {
    if (display == null && formats != null) {
      display = formats.display(number, formatIndex, format, date1904);
    }
    return display;
  }

  enum Kind {
    /** A string cell (shared, inline or a formula's cached string) or any CSV field. */
    TEXT,
    /** A numeric cell (or a formula's cached number); dates are numbers with a date format. */
    NUMBER,
    BOOLEAN,
    /** A formula error such as #DIV/0!; {@link #text} holds the error code. */
    ERROR,
    /** A formula the file holds without a cached result. */
    NO_CACHED_VALUE
  }

  static RawCell text(String s) {
    return new RawCell(Kind.TEXT, s, 0, false, null, s);
  }

  /** A number whose display text {@code formats} makes when it is first asked for. */
  static RawCell number(
      double v,
      boolean dateFormatted,
      String resolvedFormat,
      NumberFormats formats,
      int formatIndex,
      boolean date1904) {
    return new RawCell(
        Kind.NUMBER, null, v, dateFormatted, resolvedFormat, null, formats, formatIndex, date1904);
  }

  static RawCell bool(boolean b) {
    String t = b ? "TRUE" : "FALSE";
    return new RawCell(Kind.BOOLEAN, t, 0, false, null, t);
  }

  static RawCell error(String code) {
    return new RawCell(Kind.ERROR, code, 0, false, null, code);
  }

  static RawCell noCachedValue(String formula) {
    String shown = formula == null || formula.isBlank() ? "" : "=" + formula;
    return new RawCell(Kind.NO_CACHED_VALUE, formula, 0, false, null, shown);
  }

  boolean isBlank() {
    return kind == Kind.TEXT && Text.isBlank(text);
  }

  /** The number format shows a percentage (0.5 shown as 50%). */
  boolean percentFormatted() {
    return kind == Kind.NUMBER && format != null && NumberFormats.isPercent(format);
  }

  /** True when the number format is Excel's General (no format chosen). */
  boolean generalFormatted() {
    return format == null || format.isEmpty() || "General".equalsIgnoreCase(format);
  }
}
