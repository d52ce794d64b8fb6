package cn.ipsubsidy.app.spill;

import cn.ipsubsidy.engine.LineSink;
import cn.ipsubsidy.engine.LineTotals;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.StoredLines;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.io.Closeable;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * The payout lines of a run on disk: appended in processing order as the engine computes them, read
 * back in input order through {@link #lines()}, a list whose iterator reads one line at a time. In
 * memory: an offset a line, a block of each bucket being filled, and the {@link LineTotals}. The
 * report writers and the ledger iterate it; nothing copies it into memory.
 *
 * <p>Lines arrive in processing order (by event date) and are read in input order, three times (the
 * workbook, the audit log, posting). So each line goes into the bucket of its input index (a run of
 * consecutive indexes), written to the file in blocks: a reader loads one bucket with a few large
 * reads and decodes its lines from memory, instead of one read a line scattered over the whole file
 * (a million positional reads a reader at a million claims).
 */
public final class LineSpill implements LineSink, Closeable {
  /** The fewest input indexes a bucket covers; a large run gets larger buckets, at most 512. */
  private static final int MIN_BUCKET_LINES = 4096;

  private static final int MAX_BUCKETS = 512;
  private static final int BLOCK = 16 * 1024;

  private final Strings shared = new Strings();
  private final RecordOut out = new RecordOut(shared);
  private final SpillFile file;
  private final Codec codec;
  private final int bucketLines;
  private Bucket[] buckets;

  /** Where each input index's line starts within its bucket. */
  private int[] starts;

  private final LineTotals totals = new LineTotals();
  private int count;
  private int indexes;
  private Stored stored;

  /**
   * @param registry the registry the engine used: clauses are read back from it
   * @param expectedLines the number of lines that will come (the rows read)
   */
  public LineSpill(PolicyRegistry registry, int expectedLines) {
    this(registry, expectedLines, new SpillFile("ipsubsidy-lines-"));
  }

  LineSpill(PolicyRegistry registry, int expectedLines, SpillFile file) {
    this.codec = new Codec(registry);
    this.file = file;
    this.bucketLines =
        Math.max(MIN_BUCKET_LINES, (int) ((expectedLines + MAX_BUCKETS - 1L) / MAX_BUCKETS));
    this.buckets = new Bucket[Math.max(1, (expectedLines + bucketLines - 1) / bucketLines)];
    this.starts = new int[Math.max(16, expectedLines)];
  }

  @Override
  public void accept(PayoutLine line) {
    if (stored != null) {
      throw new IllegalStateException("lines already finished");
    }
    int index = line.row().inputIndex();
    out.reset();
    Codec.writeLine(out, line);
    if (index >= starts.length) {
      starts = Arrays.copyOf(starts, Math.max(index + 1, starts.length * 3 / 2));
    }
    starts[index] = bucket(index / bucketLines).append(out.bytes(), out.length());
    indexes = Math.max(indexes, index + 1);
    totals.add(line);
    count++;
  }

  private Bucket bucket(int b) {
    if (b >= buckets.length) {
      buckets = Arrays.copyOf(buckets, Math.max(b + 1, buckets.length * 3 / 2));
    }
    if (buckets[b] == null) {
      buckets[b] = new Bucket();
    }
    return buckets[b];
  }

  /**
   * Bytes of the lines stored: on disk once {@link #lines()} has written each bucket's last block,
   * in part still in those blocks before.
   */
  public long bytes() {
    long sum = 0;
    for (Bucket b : buckets) {
      sum += b == null ? 0 : b.size;
    }
    return sum;
  }

  /** The lines in input order; ends the appending. Every input index must have its line. */
  public StoredLines lines() {
    if (stored == null) {
      if (count != indexes) {
        throw new IllegalStateException(count + " lines for " + indexes + " input indexes");
      }
      for (Bucket b : buckets) {
        if (b != null) {
          b.finish();
        }
      }
      file.flush();
      stored = new Stored();
    }
    return stored;
  }

  @Override
  public void close() {
    file.close();
  }

  /**
   * The lines of a run of input indexes, as one stream of bytes kept in blocks: the block being
   * filled in memory, the full ones in the file (anywhere, in the order they filled).
   */
  private final class Bucket {
    private byte[] block = new byte[BLOCK];
    private int filled;
    private long[] blocks = new long[4];
    private int blockCount;
    private int size;

    /** Appends a line; returns where it starts in the bucket's stream. */
    int append(byte[] bytes, int length) {
      int at = size;
      int done = 0;
      while (done < length) {
        int n = Math.min(length - done, BLOCK - filled);
        System.arraycopy(bytes, done, block, filled, n);
        filled += n;
        done += n;
        if (filled == BLOCK) {
          spill();
        }
      }
      size += length;
      return at;
    }

    private void spill() {
      if (blockCount == blocks.length) {
        blocks = Arrays.copyOf(blocks, blockCount * 2);
      }
      blocks[blockCount++] = file.append(block, filled);
      filled = 0;
    }

    /** Writes the last, partial block; the bucket is read-only from here. */
    void finish() {
      if (filled > 0) {
        spill();
      }
      block = null;
    }

    /** The whole stream, read into {@code buf} (a larger array when it does not fit). */
    byte[] read(byte[] buf) {
      byte[] into = buf.length >= size ? buf : new byte[Math.max(size, buf.length * 3 / 2)];
      for (int k = 0; k < blockCount; k++) {
        int at = k * BLOCK;
        file.read(blocks[k], into, at, Math.min(BLOCK, size - at));
      }
      return into;
    }
  }

  private final class Stored extends AbstractList<PayoutLine> implements StoredLines, RandomAccess {
    /** For {@link #get}: in order, each thread loads a bucket once. */
    private final ThreadLocal<Reader> getter = ThreadLocal.withInitial(Reader::new);

    @Override
    public LineTotals totals() {
      return totals;
    }

    @Override
    public int size() {
      return count;
    }

    /** Reads one line (a new object each call); indexes in order are read a bucket at a time. */
    @Override
    public PayoutLine get(int index) {
      if (index < 0 || index >= count) {
        throw new IndexOutOfBoundsException(index);
      }
      return getter.get().read(index);
    }

    @Override
    public Iterator<PayoutLine> iterator() {
      return new Iterator<>() {
        private final Reader reader = new Reader();
        private int next;

        @Override
        public boolean hasNext() {
          return next < count;
        }

        @Override
        public PayoutLine next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return reader.read(next++);
        }
      };
    }
  }

  /** One reader's copy of the bucket it is in; readers may run in parallel (positional reads). */
  private final class Reader {
    private final RecordIn in = new RecordIn(shared);
    private byte[] bucket = new byte[0];
    private int loaded = -1;

    PayoutLine read(int index) {
      int b = index / bucketLines;
      if (b != loaded) {
        bucket = buckets[b].read(bucket);
        loaded = b;
      }
      in.reset(bucket, starts[index]);
      return codec.readLine(in);
    }
  }
}
