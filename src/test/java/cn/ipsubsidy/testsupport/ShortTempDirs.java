package cn.ipsubsidy.testsupport;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Every {@code @TempDir} (junit-platform.properties names this factory) as {@code junit-} and eight
 * hex digits. JUnit's own names end in a random number of up to 19 digits; one of 18 digits reads
 * as a resident ID number, which the terminal masks, so a test that looked for its folder in a
 * message failed about one run in ten.
 */
public final class ShortTempDirs implements TempDirFactory {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context)
      throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    while (true) {
      try {
        return Files.createDirectory(
            tmp.resolve("junit-" + HexFormat.of().toHexDigits(RANDOM.nextInt())));
      } catch (FileAlreadyExistsException taken) {
        // another random name
      }
    }
  }
}
