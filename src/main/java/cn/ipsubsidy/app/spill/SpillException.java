package cn.ipsubsidy.app.spill;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClerkFacing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A temporary file of a large run (rows or lines spilled to disk) could not be made or written,
 * most often because the temporary folder's disk is full. Nothing has been written or posted then:
 * outputs are placed only after the run is complete.
 */
public final class SpillException extends UncheckedIOException implements ClerkFacing {
  private final Path folder;

  SpillException(Path folder, IOException cause) {
    super("cannot write a temporary file in " + folder, cause);
    this.folder = folder;
  }

  /** One line for the clerk, naming the folder and the likely cause. */
  @Override
  public Bilingual bilingual() {
    String why = getCause().getMessage();
    return Bilingual.of(
        "无法在临时文件夹 "
            + folder
            + " 写入临时文件（"
            + why
            + "；磁盘可能已满，可用 -Djava.io.tmpdir 指定其他位置）。未写出任何文件，原有文件未改动，未过账。",
        "cannot write a temporary file in "
            + folder
            + " ("
            + why
            + "; the disk may be full, -Djava.io.tmpdir names another folder): nothing was written"
            + " and existing files are unchanged; nothing was posted.");
  }
}
