package cn.ipsubsidy.outputs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output could not be moved to its name after its old file was moved aside ({@link
 * StagedOutputs#place}); the cause says why. The output is still in its temporary file.
 */
public final class OutputPlacingException extends IOException {
  private final Path target;

  OutputPlacingException(Path target, Throwable cause) {
    super("cannot place " + target, cause);
    this.target = target;
  }

  public Path target() {
    return target;
  }
}
