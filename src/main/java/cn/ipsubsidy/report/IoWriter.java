package cn.ipsubsidy.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one output file's whole content to {@code file}, an empty file that {@link OutputFiles}
 * created beside the target. The writer must not keep the file open after it returns.
 */
@FunctionalInterface
public interface IoWriter {
  void write(Path file) throws IOException;
}
