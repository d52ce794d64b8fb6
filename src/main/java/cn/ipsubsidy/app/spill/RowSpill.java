package cn.ipsubsidy.app.spill;

import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.engine.RowSource;
import cn.ipsubsidy.engine.SubsidyEngine;
import java.io.Closeable;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The claim rows of a run on disk, appended in input order as the claims file is read; in memory
 * only two longs a row (the offset and the processing-order key). After reading, {@link
 * #inProcessingOrder()} hands them to the engine sorted by event date, one row at a time.
 */
public final class RowSpill implements Closeable {
  private final Strings shared = new Strings();
  private final RecordOut out = new RecordOut(shared);
  private final SpillFile file = new SpillFile("ipsubsidy-rows-");
  private final LongArray offsets = new LongArray(1 << 12);
  private final LongArray keys = new LongArray(1 << 12);
  private LocalDate latest;
  private boolean finished;

  /** Appends the next row; rows come in input order (input index 0, 1, 2, …). */
  public void append(ClaimRow row) {
    if (finished) {
      throw new IllegalStateException("rows already sorted");
    }
    if (row.inputIndex() != offsets.size()) {
      throw new IllegalArgumentException(
          "row " + row.inputIndex() + " out of input order (expected " + offsets.size() + ")");
    }
    out.reset();
    Codec.writeRow(out, row);
    offsets.add(file.append(out.bytes(), out.length()));
    LocalDate date = SubsidyEngine.eventDate(row);
    keys.add(SubsidyEngine.processingKey(date, row.inputIndex()));
    if (date != null && (latest == null || date.isAfter(latest))) {
      latest = date;
    }
  }

  public int size() {
    return offsets.size();
  }

  /** The latest event date read, or null when no row had one. */
  public LocalDate latestEventDate() {
    return latest;
  }

  /** Bytes on disk. */
  public long bytes() {
    return file.size();
  }

  /** Ends the appending and gives the rows in processing order; call once. */
  public RowSource inProcessingOrder() {
    if (finished) {
      throw new IllegalStateException("rows already sorted");
    }
    finished = true;
    file.flush();
    long[] order = keys.sorted();
    return new RowSource() {
      private final RecordIn lookup = new RecordIn(shared);
      private byte[] lookupBuf = new byte[4096];

      @Override
      public int size() {
        return order.length;
      }

      @Override
      public ClaimRow row(int inputIndex) {
        lookupBuf = readRecord(inputIndex, lookupBuf);
        lookup.reset(lookupBuf, 0);
        return Codec.readRow(lookup);
      }

      @Override
      public Iterator<ClaimRow> iterator() {
        return new Iterator<>() {
          private final RecordIn in = new RecordIn(shared);
          private byte[] buf = new byte[4096];
          private int next;

          @Override
          public boolean hasNext() {
            return next < order.length;
          }

          @Override
          public ClaimRow next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            buf = readRecord(SubsidyEngine.inputIndexOf(order[next++]), buf);
            in.reset(buf, 0);
            return Codec.readRow(in);
          }
        };
      }
    };
  }

  private byte[] readRecord(int inputIndex, byte[] buf) {
    long from = offsets.get(inputIndex);
    long to = inputIndex + 1 < offsets.size() ? offsets.get(inputIndex + 1) : file.size();
    int length = (int) (to - from);
    if (buf.length < length) {
      buf = new byte[Math.max(length, buf.length * 2)];
    }
    file.read(from, buf, length);
    return buf;
  }

  @Override
  public void close() {
    file.close();
  }
}
