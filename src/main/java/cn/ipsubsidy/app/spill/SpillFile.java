package cn.ipsubsidy.app.spill;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A temporary file of records, appended once and then read at any offset. It is unlinked as soon as
 * it is open where the platform allows (so the operating system frees it when the process ends,
 * however it ends), and otherwise deleted on close or at exit (on Windows a mapped file goes when
 * its mapping is released, by the collector or when the process ends).
 */
final class SpillFile implements Closeable {
  private static final int WRITE_BUFFER = 1 << 16;

  /**
   * A finished file up to this size is read through a read-only mapping: a record is then copied
   * out without a system call, where a positional read costs one per record. The row spill needs it
   * most: its rows lie in input order and are read in processing order, one record at a time
   * (LineSpill reads its lines a bucket of blocks at a time instead). Mapping alone took a run of
   * 100,000 claims from 2.5 to 1.5 s of system time. The mapped pages count in the process's
   * resident set once read, so a larger file is read as before: at a million claims the lines' 361
   * MB would take peak RSS to 981 MB.
   */
  private static final long MAP_AT_MOST = 256L << 20;

  private final FileChannel channel;
  private final ByteBuffer pending = ByteBuffer.allocate(WRITE_BUFFER);
  private final Path dir;
  private long size;
  private final long mapAtMost;
  private volatile MappedByteBuffer mapped;

  SpillFile(String prefix) {
    this(prefix, MAP_AT_MOST);
  }

  /** A spill file mapped for reading when it ends no larger than {@code mapAtMost} bytes. */
  SpillFile(String prefix, long mapAtMost) {
    this.mapAtMost = mapAtMost;
    dir = Path.of(System.getProperty("java.io.tmpdir"));
    try {
      Path file = Files.createTempFile(dir, prefix, ".spill");
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE);
      try {
        Files.delete(file);
      } catch (IOException e) {
        // Windows keeps an open file; DELETE_ON_CLOSE removes it on close or at exit
      }
    } catch (IOException e) {
      throw new SpillException(dir, e);
    }
  }

  /** Appends {@code length} bytes; returns the offset they start at. */
  long append(byte[] bytes, int length) {
    long at = size;
    try {
      int off = 0;
      while (off < length) {
        if (!pending.hasRemaining()) {
          drain();
        }
        int n = Math.min(length - off, pending.remaining());
        pending.put(bytes, off, n);
        off += n;
      }
    } catch (IOException e) {
      throw new SpillException(dir, e);
    }
    size += length;
    return at;
  }

  /**
   * Writes what is buffered and, up to its mapping limit, maps the file for reading; call once
   * after the last append, before reading.
   */
  void flush() {
    try {
      drain();
      if (size > 0 && size <= mapAtMost) {
        mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      }
    } catch (IOException e) {
      throw new SpillException(dir, e);
    }
  }

  private void drain() throws IOException {
    pending.flip();
    while (pending.hasRemaining()) {
      channel.write(pending);
    }
    pending.clear();
  }

  long size() {
    return size;
  }

  /** Reads {@code length} bytes at {@code offset} into {@code into} (from index 0). */
  void read(long offset, byte[] into, int length) {
    read(offset, into, 0, length);
  }

  /** Reads {@code length} bytes at {@code offset} into {@code into} from index {@code at}. */
  void read(long offset, byte[] into, int at, int length) {
    MappedByteBuffer m = mapped;
    if (m != null && offset + length <= m.capacity()) {
      m.get((int) offset, into, at, length); // absolute: readers share the buffer
      return;
    }
    ByteBuffer b = ByteBuffer.wrap(into, at, length);
    try {
      while (b.hasRemaining()) {
        int n = channel.read(b, offset + b.position() - at);
        if (n < 0) {
          throw new IOException("spill file ends early at " + (offset + b.position() - at));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the spill file", e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // deleted already or at exit; nothing to keep
    }
  }
}
