package cn.ipsubsidy.claims;

/**
 * A cell as the format reader found it, before any contract typing: its kind, its raw value and the
 * text the clerk sees in Excel ({@link #display}).
 */
record RawCell(
    Kind kind, String text, double number, boolean dateFormatted, String format, String display) {

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

  static RawCell number(double v, boolean dateFormatted, String format, String display) {
    return new RawCell(Kind.NUMBER, null, v, dateFormatted, format, display);
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
