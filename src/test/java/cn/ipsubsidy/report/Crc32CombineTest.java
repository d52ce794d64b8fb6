package cn.ipsubsidy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class Crc32CombineTest {
  @Test
  void combinedEqualsTheCrcOfTheWhole() {
    Random random = new Random(15);
    int[] lengths = {0, 1, 2, 3, 7, 8, 255, 256, 1000, 65_537, 300_001};
    for (int a : lengths) {
      for (int b : lengths) {
        byte[] whole = new byte[a + b];
        random.nextBytes(whole);
        assertThat(Crc32Combine.combine(crc(whole, 0, a), crc(whole, a, b), b))
            .as("%d + %d bytes", a, b)
            .isEqualTo(crc(whole, 0, a + b));
      }
    }
  }

  @Test
  void threePartsInOrder() {
    byte[] whole = new byte[10_000];
    new Random(2).nextBytes(whole);
    long prefix = crc(whole, 0, 123);
    long body = crc(whole, 123, 9_000);
    long suffix = crc(whole, 9_123, 877);
    long combined = Crc32Combine.combine(Crc32Combine.combine(prefix, body, 9_000), suffix, 877);
    assertThat(combined).isEqualTo(crc(whole, 0, whole.length));
  }

  @Test
  void aSecondPartOfSeveralMegabytes() {
    byte[] zeros = new byte[1 << 20];
    CRC32 direct = new CRC32();
    direct.update(new byte[] {1, 2, 3});
    long base = direct.getValue();
    for (int i = 0; i < 5; i++) {
      direct.update(zeros);
    }
    long fiveMib = 5L << 20;
    CRC32 z = new CRC32();
    for (int i = 0; i < 5; i++) {
      z.update(zeros);
    }
    assertThat(Crc32Combine.combine(base, z.getValue(), fiveMib)).isEqualTo(direct.getValue());
  }

  private static long crc(byte[] b, int off, int len) {
    CRC32 c = new CRC32();
    c.update(b, off, len);
    return c.getValue();
  }
}
