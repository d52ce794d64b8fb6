package cn.ipsubsidy.app.spill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A record reads back as it was appended, whether the finished file is read through its mapping or
 * by positional reads (a file larger than the mapping limit), and by two readers at once.
 */
class SpillFileTest {
  private static final int RECORDS = 5_000;

  @ParameterizedTest(name = "mapping limit {0} bytes")
  @ValueSource(longs = {0, 1_000, 256L << 20})
  void recordsReadBackAtTheirOffsetsInAnyOrder(long mapAtMost) throws Exception {
    Random random = new Random(15);
    byte[][] records = new byte[RECORDS][];
    long[] offsets = new long[RECORDS];
    try (SpillFile file = new SpillFile("ipsubsidy-test-", mapAtMost)) {
      for (int i = 0; i < RECORDS; i++) {
        // some longer than the 64 KB write buffer, so that appends cross its drains
        records[i] = new byte[i % 997 == 0 ? 70_000 + i : random.nextInt(600)];
        random.nextBytes(records[i]);
        offsets[i] = file.append(records[i], records[i].length);
      }
      file.flush();

      ExecutorService two = Executors.newFixedThreadPool(2);
      try {
        Future<Integer> backwards = two.submit(() -> readAll(file, records, offsets, -1));
        Future<Integer> forwards = two.submit(() -> readAll(file, records, offsets, 1));
        assertThat(forwards.get()).isEqualTo(RECORDS);
        assertThat(backwards.get()).isEqualTo(RECORDS);
      } finally {
        two.shutdownNow();
      }
    }
  }

  /** Reads every record (in order, or from the last), returns how many matched. */
  private static int readAll(SpillFile file, byte[][] records, long[] offsets, int step) {
    int matched = 0;
    byte[] buf = new byte[200_000];
    for (int k = 0; k < RECORDS; k++) {
      int i = step > 0 ? k : RECORDS - 1 - k;
      file.read(offsets[i], buf, records[i].length);
      if (Arrays.equals(buf, 0, records[i].length, records[i], 0, records[i].length)) {
        matched++;
      }
    }
    return matched;
  }
}
