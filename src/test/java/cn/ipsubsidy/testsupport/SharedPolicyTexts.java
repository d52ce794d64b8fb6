package cn.ipsubsidy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The original policy texts under ../shared/policies (CI checks the repository out with shared/
 * beside it). Test support only: kept out of cn.ipsubsidy.policy, whose classes must not touch the
 * file system.
 */
public final class SharedPolicyTexts {
  public static final Path DIR = Path.of("..", "shared", "policies");

  private SharedPolicyTexts() {}

  /** The text of {@code fileName}, or empty when shared/policies is not beside the project. */
  public static Optional<String> read(String fileName) {
    Path p = DIR.resolve(fileName);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text with every whitespace character removed, as quotes are compared. */
  public static String withoutWhitespace(String text) {
    return text.replaceAll("\\s+", "");
  }
}
