package cn.ipsubsidy.claims;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClerkFacing;
import java.util.Objects;

/**
 * The claims file as a whole cannot be read: missing, unreadable, not a spreadsheet, encrypted, no
 * header row, a required column missing or named twice, or {@code --sheet} naming no sheet. The
 * message names the file (and the sheet, row and column where known) in Chinese and English. The
 * CLI maps it to exit code 2.
 */
public class ClaimsFileException extends RuntimeException implements ClerkFacing {
  private final Bilingual message;
  private final String file;
  private final String sheet;
  private final int row;

  public ClaimsFileException(Bilingual message, Throwable cause) {
    this(message, null, null, 0, cause);
  }

  public ClaimsFileException(Bilingual message) {
    this(message, null, null, 0, null);
  }

  private ClaimsFileException(
      Bilingual message, String file, String sheet, int row, Throwable cause) {
    super(Objects.requireNonNull(message, "message").toString(), cause);
    this.message = message;
    this.file = file;
    this.sheet = sheet;
    this.row = row;
  }

  /**
   * A message prefixed with where it happened: "申报表 a.xlsx，工作表“Sheet1”，第 3 行：…" / "claims file
   * a.xlsx, sheet "Sheet1", row 3: …".
   *
   * @param sheet null when not known
   * @param row 0 when not known
   */
  static ClaimsFileException at(
      String file, String sheet, int row, String zh, String en, Throwable cause) {
    StringBuilder z = new StringBuilder("申报表 ").append(file);
    StringBuilder e = new StringBuilder("claims file ").append(file);
    if (sheet != null) {
      z.append("，工作表“").append(sheet).append("”");
      e.append(", sheet \"").append(sheet).append('"');
    }
    if (row > 0) {
      z.append("，第 ").append(row).append(" 行");
      e.append(", row ").append(row);
    }
    z.append("：").append(zh);
    e.append(": ").append(en);
    return new ClaimsFileException(
        Bilingual.of(oneLine(z.toString()), oneLine(e.toString())), file, sheet, row, cause);
  }

  static ClaimsFileException at(String file, String zh, String en, Throwable cause) {
    return at(file, null, 0, zh, en, cause);
  }

  static ClaimsFileException at(String file, String zh, String en) {
    return at(file, null, 0, zh, en, null);
  }

  /**
   * The clerk sees one line: line breaks inside a message (a file or header name) become spaces.
   */
  private static String oneLine(String s) {
    return s.replaceAll("\\s*[\\r\\n\\u2028\\u2029]+\\s*", " ");
  }

  /** "中文 / English", naming the file and, where known, the sheet, row and column. */
  public Bilingual message() {
    return message;
  }

  /** The file as given, or null. */
  public String file() {
    return file;
  }

  /** The sheet, or null when not known or not relevant. */
  public String sheet() {
    return sheet;
  }

  /** The 1-based row, or 0 when not known or not relevant. */
  public int row() {
    return row;
  }

  @Override
  public Bilingual bilingual() {
    return message();
  }
}
