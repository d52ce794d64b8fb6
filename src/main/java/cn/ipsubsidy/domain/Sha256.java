package cn.ipsubsidy.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as every record of the tool writes it: lower-case hex. Policy and rules texts, stored
 * documents, the ledger's hash chain and the input files all go through here, so one text has one
 * hash wherever it is recorded.
 */
public final class Sha256 {
  private Sha256() {}

  /** Of the text's UTF-8 bytes. */
  public static String of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String of(byte[] bytes) {
    return hex(digest().digest(bytes));
  }

  /** Of everything {@code in} holds, read to its end (a file's content, say); not closed. */
  public static String of(InputStream in) throws IOException {
    MessageDigest md = digest();
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      md.update(buf, 0, n);
    }
    return hex(md.digest());
  }

  /** A fresh digest, for input read in pieces; {@link #hex} its result. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
