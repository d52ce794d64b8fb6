package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClerkFacing;
import java.io.IOException;
import java.nio.file.Path;

/** An output file already exists and {@code --force} was not given: nothing was written. */
public class OutputExistsException extends IOException implements ClerkFacing {
  private final transient Path target;

  public OutputExistsException(Path target) {
    super(message(target).toString());
    this.target = target;
  }

  public Path target() {
    return target;
  }

  @Override
  public Bilingual bilingual() {
    return message(target);
  }

  private static Bilingual message(Path target) {
    return Bilingual.of(
        "输出文件已存在：" + target + "；未作任何改动。如需覆盖，请加 --force",
        "output file already exists: "
            + target
            + "; nothing was changed. Use --force to overwrite it");
  }
}
