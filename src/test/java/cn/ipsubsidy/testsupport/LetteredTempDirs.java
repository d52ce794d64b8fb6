package cn.ipsubsidy.testsupport;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Every {@code @TempDir} of the tests (junit-platform.properties): {@code junit-} and twelve
 * letters. JUnit's own are {@code junit-} and a random number, which has 18 digits about one time
 * in twenty: the terminal masks it as a resident ID number, and a test that looks for the path in a
 * message fails.
 */
public final class LetteredTempDirs implements TempDirFactory {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public Path createTempDirectory(
      AnnotatedElementContext elementContext, ExtensionContext extensionContext)
      throws IOException {
    Path root = Path.of(System.getProperty("java.io.tmpdir"));
    while (true) {
      StringBuilder name = new StringBuilder("junit-");
      for (int i = 0; i < 12; i++) {
        name.append((char) ('a' + RANDOM.nextInt(26)));
      }
      try {
        return Files.createDirectory(root.resolve(name.toString()));
      } catch (FileAlreadyExistsException e) {
        // another name
      }
    }
  }
}
