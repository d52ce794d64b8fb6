package cn.ipsubsidy.testsupport;

import cn.ipsubsidy.report.IoWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** For the tests of writing and placing output files: a writer of a text, a folder's names. */
public final class OutputFolders {
  private OutputFolders() {}

  /** Writes {@code content} (UTF-8) as the whole file. */
  public static IoWriter text(String content) {
    return file -> Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** The names in {@code folder}, sorted; none when there is no such folder. */
  public static List<String> listing(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
