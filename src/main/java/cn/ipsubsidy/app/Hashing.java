package cn.ipsubsidy.app;

import cn.ipsubsidy.domain.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/** SHA-256 of input files, recorded with every run so an auditor can prove which file was read. */
public final class Hashing {
  private Hashing() {}

  public static String sha256(Path file) throws IOException {
    MessageDigest md = Sha256.digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return Sha256.hex(md.digest());
  }

  public static String sha256(byte[] bytes) {
    return Sha256.of(bytes);
  }
}
