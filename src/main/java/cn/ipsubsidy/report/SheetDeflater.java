package cn.ipsubsidy.report;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Deflates the rows of one table's worksheets on a thread of its own, so that formatting the rows
 * (the writing thread) and compressing them use two cores. The writing thread fills chunks of
 * {@value #CHUNK} bytes taken from a small pool ({@link #buffer}) and hands each back full ({@link
 * #write}); the pool bounds the memory (a few chunks a table) and makes the writer wait when the
 * deflater falls behind.
 *
 * <p>Each sheet's rows become one {@link Body}: a raw deflate stream (no zlib header) in a
 * temporary file that ends in a sync flush, not a final block, so that the worksheet's start and
 * end, deflated later, can be put around it in the zip entry (see {@link StreamedPackage}), with
 * the CRC-32 and length of the uncompressed rows.
 */
final class SheetDeflater implements Closeable {
  static final int CHUNK = 256 * 1024;
  private static final int CHUNKS = 4;

  /** One sheet's deflated rows; its figures are set when the deflater is {@link #finish}ed. */
  static final class Body {
    final Path file;
    long crc;
    long size;
    long compressedSize;

    Body(Path file) {
      this.file = file;
    }
  }

  private final String table;
  private final ExecutorService worker;
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
  private final Deflater deflater = new Deflater(6, true);
  private final CRC32 crc = new CRC32();
  private final byte[] out = new byte[64 * 1024];
  private volatile Throwable failure;

  // the worker thread's
  private OutputStream file;
  private long size;
  private long compressed;

  SheetDeflater(String table) {
    this.table = table;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "deflate " + table);
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < CHUNKS; i++) {
      free.add(new byte[CHUNK]);
    }
  }

  /** An empty chunk to fill, waiting while all are being deflated. */
  byte[] buffer() throws IOException {
    check();
    try {
      byte[] b = free.take();
      check();
      return b;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted writing " + table);
    }
  }

  /** Starts the rows of a sheet, deflated into {@code body}'s file. */
  void begin(Body body) {
    run(
        () -> {
          file = new BufferedOutputStream(Files.newOutputStream(body.file), 64 * 1024);
          size = 0;
          compressed = 0;
        },
        null);
  }

  /** Deflates the first {@code length} bytes of {@code chunk} (from {@link #buffer}), later. */
  void write(byte[] chunk, int length) {
    run(
        () -> {
          crc.update(chunk, 0, length);
          size += length;
          deflater.setInput(chunk, 0, length);
          while (!deflater.needsInput()) {
            drain(deflater.deflate(out, 0, out.length, Deflater.NO_FLUSH));
          }
        },
        chunk);
  }

  /** Ends the sheet begun last: its stream is flushed to a byte boundary, not finished. */
  void end(Body body) {
    run(
        () -> {
          int n;
          do {
            n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
            drain(n);
          } while (n == out.length);
          file.close();
          file = null;
          body.crc = crc.getValue();
          body.size = size;
          body.compressedSize = compressed;
          crc.reset();
          deflater.reset();
        },
        null);
  }

  /** Waits until everything handed over is deflated; throws what failed, if anything did. */
  void finish() throws IOException {
    worker.shutdown();
    try {
      while (!worker.awaitTermination(1, TimeUnit.MINUTES)) {
        // a very large sheet: keep waiting
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted writing " + table);
    }
    check();
  }

  /** Stops the thread (after {@link #finish}, or abandoning the work) and frees the deflater. */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        // the file is deleted anyway
      }
    }
    deflater.end();
  }

  private void drain(int n) throws IOException {
    if (n > 0) {
      file.write(out, 0, n);
      compressed += n;
    }
  }

  private interface Work {
    void run() throws IOException;
  }

  private void run(Work work, byte[] chunk) {
    worker.execute(
        () -> {
          try {
            if (failure == null) {
              work.run();
            }
          } catch (Throwable e) {
            failure = e;
          } finally {
            if (chunk != null) {
              free.add(chunk);
            }
          }
        });
  }

  private void check() throws IOException {
    Throwable e = failure;
    if (e != null) {
      if (e instanceof IOException io) {
        throw new IOException("writing " + table + ": " + io.getMessage(), io);
      }
      if (e instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("writing " + table, e);
    }
  }
}
