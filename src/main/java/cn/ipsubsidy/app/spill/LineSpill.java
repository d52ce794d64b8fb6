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
 * memory: an offset and a length a line, and the {@link LineTotals}. The report writers and the
 * ledger iterate it; nothing copies it into memory.
 */
public final class LineSpill implements LineSink, Closeable {
  private final Strings shared = new Strings();
  private final RecordOut out = new RecordOut(shared);
  private final SpillFile file = new SpillFile("ipsubsidy-lines-");
  private final Codec codec;
  private final LongArray offsets;
  private int[] lengths;
  private final LineTotals totals = new LineTotals();
  private int count;
  private Stored stored;

  /**
   * @param registry the registry the engine used: clauses are read back from it
   * @param expectedLines the number of lines that will come (the rows read)
   */
  public LineSpill(PolicyRegistry registry, int expectedLines) {
    this.codec = new Codec(registry);
    this.offsets = new LongArray(expectedLines);
    this.lengths = new int[Math.max(16, expectedLines)];
  }

  @Override
  public void accept(PayoutLine line) {
    if (stored != null) {
      throw new IllegalStateException("lines already finished");
    }
    int index = line.row().inputIndex();
    out.reset();
    Codec.writeLine(out, line);
    offsets.set(index, file.append(out.bytes(), out.length()));
    if (index >= lengths.length) {
      lengths = Arrays.copyOf(lengths, Math.max(index + 1, lengths.length * 3 / 2));
    }
    lengths[index] = out.length();
    totals.add(line);
    count++;
  }

  /** Bytes on disk. */
  public long bytes() {
    return file.size();
  }

  /** The lines in input order; ends the appending. Every input index must have its line. */
  public StoredLines lines() {
    if (stored == null) {
      if (count != offsets.size()) {
        throw new IllegalStateException(count + " lines for " + offsets.size() + " input indexes");
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

  private final class Stored extends AbstractList<PayoutLine> implements StoredLines, RandomAccess {
    @Override
    public LineTotals totals() {
      return totals;
    }

    @Override
    public int size() {
      return count;
    }

    /** Reads one line from disk (a new object each call). Iterate rather than index. */
    @Override
    public PayoutLine get(int index) {
      if (index < 0 || index >= count) {
        throw new IndexOutOfBoundsException(index);
      }
      return new Reader().read(index);
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

  /** One reader's buffer; readers may run in parallel (positional reads). */
  private final class Reader {
    private final RecordIn in = new RecordIn(shared);
    private byte[] buf = new byte[8192];

    PayoutLine read(int index) {
      int length = lengths[index];
      if (buf.length < length) {
        buf = new byte[Math.max(length, buf.length * 2)];
      }
      file.read(offsets.get(index), buf, length);
      in.reset(buf, 0);
      return codec.readLine(in);
    }
  }
}
