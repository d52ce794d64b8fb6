package cn.ipsubsidy.policy;

/**
 * A policy or local rules file that cannot be used: names the file, the line and the reason, in
 * Chinese and English.
 */
public class PolicyException extends RuntimeException {
  private final String file;
  private final int line;

  public PolicyException(String file, int line, String zh, String en) {
    super(file + (line > 0 ? ":" + line : "") + ": " + zh + " / " + en);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
