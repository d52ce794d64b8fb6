package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Bilingual;
import java.io.IOException;
import java.nio.file.Path;

/** The directory an output file should go to is missing or cannot be written. */
public class OutputDirectoryException extends IOException {
  private final transient Path directory;

  public OutputDirectoryException(Path directory, Bilingual reason, Throwable cause) {
    super(
        "无法在目录 "
            + directory
            + " 中写入输出文件："
            + reason.zh()
            + " / cannot write output files in directory "
            + directory
            + ": "
            + reason.en(),
        cause);
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }
}
