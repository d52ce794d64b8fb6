package cn.ipsubsidy.policy;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClerkFacing;

/**
 * A policy or local rules file that cannot be used: names the file, the line and the reason, in
 * Chinese and English.
 */
public class PolicyException extends RuntimeException implements ClerkFacing {
  private final String file;
  private final int line;
  private final transient Bilingual reason;

  public PolicyException(String file, int line, String zh, String en) {
    super(where(file, line) + ": " + zh + " / " + en);
    this.file = file;
    this.line = line;
    this.reason = Bilingual.of(zh, en);
  }

  private static String where(String file, int line) {
    return file + (line > 0 ? ":" + line : "");
  }

  /** "local-rules.yaml:12", or the file alone when the reason is not on one line. */
  public String where() {
    return where(file, line);
  }

  /** What is wrong there. */
  public Bilingual reason() {
    return reason;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  /** "政策或本地规则文件有误：local-rules.yaml:12: …", naming the file and line. */
  @Override
  public Bilingual bilingual() {
    return Bilingual.of(
        "政策或本地规则文件有误：" + where() + ": " + reason.zh(),
        "policy or rules file error: " + where() + ": " + reason.en());
  }
}
