package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClerkFacing;
import java.io.IOException;
import java.nio.file.Path;

/** The directory an output file should go to is missing or cannot be written. */
public class OutputDirectoryException extends IOException implements ClerkFacing {
  private final transient Path directory;
  private final transient Bilingual message;

  public OutputDirectoryException(Path directory, Bilingual reason, Throwable cause) {
    super(message(directory, reason).toString(), cause);
    this.directory = directory;
    this.message = message(directory, reason);
  }

  private static Bilingual message(Path directory, Bilingual reason) {
    return Bilingual.of(
        "无法在目录 " + directory + " 中写入输出文件：" + reason.zh(),
        "cannot write output files in directory " + directory + ": " + reason.en());
  }

  /** The directory and the reason, in Chinese and English. */
  @Override
  public Bilingual bilingual() {
    return message;
  }

  public Path directory() {
    return directory;
  }
}
