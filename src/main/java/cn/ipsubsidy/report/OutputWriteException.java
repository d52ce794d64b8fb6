package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClerkFacing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An output file could not be written (the disk is full, a quota is reached) or could not be moved
 * into place (the old file is locked, e.g. open in Excel). Either way nothing new was left behind
 * and every existing output is as it was; the message says so, naming the file.
 */
public class OutputWriteException extends IOException implements ClerkFacing {
  private final transient Path target;
  private final Bilingual bilingual;

  private OutputWriteException(Path target, Bilingual bilingual, Throwable cause) {
    super(bilingual.toString(), cause);
    this.target = target;
    this.bilingual = bilingual;
  }

  /** Writing the content of {@code target} (to its temporary file) failed. */
  static OutputWriteException writing(Path target, Throwable cause) {
    Bilingual why = reason(cause);
    return new OutputWriteException(
        target,
        Bilingual.of(
            "写出 " + target + " 失败：" + why.zh() + "；未写出任何文件，原有文件未改动",
            "writing "
                + target
                + " failed: "
                + why.en()
                + "; nothing was written and existing files are unchanged"),
        cause);
  }

  /** Moving the complete file onto {@code target} failed; what was placed was taken back. */
  public static OutputWriteException replacing(Path target, Throwable cause, boolean restored) {
    Bilingual why = reason(cause);
    String zhAfter = restored ? "；已恢复原有文件，未写出任何文件" : "；恢复原有文件时也出错，请检查输出文件夹（详见日志）";
    String enAfter =
        restored
            ? "; the previous files were restored and nothing was written"
            : "; restoring the previous files failed too, check the output folder (see the log)";
    return new OutputWriteException(
        target,
        Bilingual.of(
            "无法替换 " + target + "（文件被占用？如正在 Excel 中打开，请关闭后再试）：" + why.zh() + zhAfter,
            "cannot replace "
                + target
                + " (is it in use, e.g. open in Excel? close it and retry): "
                + why.en()
                + enAfter),
        cause);
  }

  public Path target() {
    return target;
  }

  @Override
  public Bilingual bilingual() {
    return bilingual;
  }

  /** What the operating system said, in words a clerk knows where there are such words. */
  public static Bilingual reason(Throwable cause) {
    String m = "";
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c.getMessage() != null) {
        m = c.getMessage();
        if (c instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
          m = f.getReason();
        }
        break;
      }
    }
    String lower = m.toLowerCase(Locale.ROOT);
    if (lower.contains("no space left") || lower.contains("not enough space")) {
      return Bilingual.of("磁盘空间已满", "the disk is full");
    }
    if (lower.contains("quota")) {
      return Bilingual.of("已达磁盘配额", "the disk quota is reached");
    }
    if (lower.contains("file too large")) {
      return Bilingual.of("文件超过允许的大小（磁盘配额或文件大小限制）", "the file grew beyond the size allowed");
    }
    if (lower.contains("operation not permitted")
        || lower.contains("access is denied")
        || lower.contains("permission denied")
        || lower.contains("being used by another process")) {
      return Bilingual.of(
          "文件被锁定或没有权限（" + m + "）", "the file is locked or not writable (" + m + ")");
    }
    String shown = m.isBlank() ? cause.getClass().getSimpleName() : m.replaceAll("\\s+", " ");
    return Bilingual.of(shown, shown);
  }
}
