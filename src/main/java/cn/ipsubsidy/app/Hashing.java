package cn.ipsubsidy.app;

import cn.ipsubsidy.domain.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** SHA-256 of input files, recorded with every run so an auditor can prove which file was read. */
public final class Hashing {
  private Hashing() {}

  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Sha256.of(in);
    }
  }

  public static String sha256(byte[] bytes) {
    return Sha256.of(bytes);
  }
}
