package cn.ipsubsidy.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's fingerprint of a file, and the SHA-256 that journals of earlier versions hold. */
class FileFingerprintTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void theFingerprintIsTheSizeAndBothCrcsOfTheContent() throws IOException {
    // the check values of "abc": CRC-32C 364b3fb7 (RFC 3720's polynomial), CRC-32 352441c2
    assertThat(FileFingerprint.of(file("a", "abc"))).isEqualTo("crc:3:364b3fb7:352441c2");
    // the same across buffer refills (64 KB each)
    Path big = Files.write(dir.resolve("big"), new byte[200_000]);
    assertThat(FileFingerprint.of(big)).startsWith("crc:200000:");
    assertThat(FileFingerprint.ofIfFile(dir.resolve("none"))).isEqualTo(FileFingerprint.NONE);
  }

  @Test
  void aFileMatchesItsOwnFingerprintAndNoOther() throws IOException {
    Path a = file("a", "new wb");
    String print = FileFingerprint.of(a);
    assertThat(FileFingerprint.matches(print, a)).isTrue();
    // one byte changed, same size: the CRCs tell
    assertThat(FileFingerprint.matches(print, file("b", "new wc"))).isFalse();
    assertThat(FileFingerprint.matches(print, file("c", "new wb!"))).isFalse();
    assertThat(FileFingerprint.matches(print, dir.resolve("gone"))).isFalse();
    assertThat(FileFingerprint.matches(print, dir)).as("a folder").isFalse();
    assertThat(FileFingerprint.matches(FileFingerprint.NONE, a)).isFalse();
    assertThat(FileFingerprint.matches("md5:whatever", a)).isFalse();
  }

  @Test
  void aSha256AsEarlierJournalsRecordedItStillMatches() throws IOException {
    // SHA-256("abc"), FIPS 180-2's example
    String sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assertThat(FileFingerprint.matches(sha, file("a", "abc"))).isTrue();
    assertThat(FileFingerprint.matches(sha, file("b", "abd"))).isFalse();
  }
}
