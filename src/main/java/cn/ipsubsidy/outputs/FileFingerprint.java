package cn.ipsubsidy.outputs;

import cn.ipsubsidy.domain.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What the pending-outputs journal records of a file, so that settling can tell it again: the run's
 * complete temporary output, and the old file a {@code --force} run replaces.
 *
 * <p>Written as {@code crc:SIZE:CRC32C:CRC32} (decimal size, eight hex digits each). The journal
 * guards against accidents, a process killed or a file changed by hand between the run and its
 * settling, not against forgery: whoever can change the temporary file in the owner-only pending
 * folder can change the journal beside it as well. The file's size and two 32-bit CRCs of different
 * polynomials tell two files apart by accident about once in 2^64 pairs of the same size, and the
 * JVM computes both with the processor's CRC instructions: a 100 MB audit log in a few
 * milliseconds, where SHA-256 took more than a second of CPU on the first JIT tier, which the
 * launchers use for an everyday run (issue 15).
 *
 * <p>Journals written before 2026-12-07 hold the file's SHA-256 (64 hex digits) instead; they are
 * still matched by it, so a run killed under an earlier version settles under this one. The
 * ledger's hash chain, the input file's hash and every other record keep SHA-256.
 */
final class FileFingerprint {
  /** The journal's text for "no file". */
  static final String NONE = "-";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern CRC = Pattern.compile("crc:(\\d{1,19}):[0-9a-f]{8}:[0-9a-f]{8}");

  private FileFingerprint() {}

  /** The fingerprint of the regular file {@code file}, in the form this version writes. */
  static String of(Path file) throws IOException {
    CRC32C castagnoli = new CRC32C();
    CRC32 ieee = new CRC32();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        castagnoli.update(buf, 0, n);
        ieee.update(buf, 0, n);
        size += n;
      }
    }
    return String.format("crc:%d:%08x:%08x", size, castagnoli.getValue(), ieee.getValue());
  }

  /** The fingerprint of a regular file at {@code p}, or {@link #NONE} when there is none. */
  static String ofIfFile(Path p) throws IOException {
    return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? of(p) : NONE;
  }

  /**
   * True when {@code fingerprint}, as a journal of this or an earlier version recorded it, is that
   * of the regular file at {@code p}; false when there is no such file or {@code fingerprint} is
   * {@link #NONE} or of a form this version does not know.
   */
  static boolean matches(String fingerprint, Path p) throws IOException {
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Matcher crc = CRC.matcher(fingerprint);
    if (crc.matches()) {
      // a file of another size is another file: no need to read it
      return Files.size(p) == Long.parseLong(crc.group(1)) && fingerprint.equals(of(p));
    }
    if (SHA256.matcher(fingerprint).matches()) {
      try (InputStream in = Files.newInputStream(p)) {
        return fingerprint.equals(Sha256.of(in));
      }
    }
    return false;
  }
}
