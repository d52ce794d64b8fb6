package cn.ipsubsidy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The benchmark's compressing floor (issue 15): zlib at level 6 on one thread over exactly the
 * worksheet XML that a workbook holds, every {@code xl/worksheets/*.xml} part, each part one
 * deflate stream as in the zip. Only the deflating is timed: the parts are inflated from the
 * workbook a slice of {@value #SLICE} bytes at a time, untimed, and each slice is then deflated in
 * full (timed) before the next is read, so that the deflater works on memory alone and the 3 GB of
 * a million claims' sheets need not fit in the heap. The compressed bytes are counted, not kept.
 *
 * <p>Prints one line a part (name, bytes, deflated bytes, seconds) to standard output and, last, a
 * line {@code deflate-floor <wall s> <cpu s> <bytes> <deflated bytes> <parts>}: the wall seconds
 * are the sum of the timed intervals, the CPU seconds this thread's CPU time over them.
 *
 * <p>{@code java -cp <test classpath> cn.ipsubsidy.bench.DeflateFloor PAYOUT.xlsx}
 */
public final class DeflateFloor {
  private DeflateFloor() {}

  static final int SLICE = 32 * 1024 * 1024;

  private static final Pattern WORKSHEET = Pattern.compile("xl/worksheets/[^/]+\\.xml");

  /** What deflating a set of parts took. */
  static final class Totals {
    long bytes;
    long deflated;
    long nanos;
    long cpuNanos;
    int parts;
  }

  /** The names of the workbook's worksheet parts, in the zip's order. */
  static List<String> worksheets(ZipFile zip) {
    List<String> out = new ArrayList<>();
    for (ZipEntry e : Collections.list(zip.entries())) {
      if (WORKSHEET.matcher(e.getName()).matches()) {
        out.add(e.getName());
      }
    }
    return out;
  }

  /**
   * Deflates {@code in} to the end, level 6, as one stream ({@code nowrap}: raw deflate, as in a
   * zip entry), timing only the deflater's calls; adds to {@code totals}.
   */
  static long deflate(InputStream in, byte[] slice, Totals totals) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    byte[] out = new byte[256 * 1024];
    Deflater d = new Deflater(6, true);
    long deflated = 0;
    long bytes = 0;
    long nanos = 0;
    try {
      boolean last = false;
      while (!last) {
        int n = in.readNBytes(slice, 0, slice.length); // untimed: inflating the workbook
        last = n < slice.length;
        bytes += n;
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        d.setInput(slice, 0, n);
        if (last) {
          d.finish();
          while (!d.finished()) {
            deflated += d.deflate(out);
          }
        } else {
          while (!d.needsInput()) {
            deflated += d.deflate(out);
          }
        }
        long t1 = System.nanoTime();
        totals.cpuNanos += threads.getCurrentThreadCpuTime() - cpu0;
        nanos += t1 - t0;
      }
    } finally {
      d.end();
    }
    totals.bytes += bytes;
    totals.deflated += deflated;
    totals.nanos += nanos;
    totals.parts++;
    return nanos;
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Totals totals = new Totals();
    byte[] slice = new byte[SLICE];
    try (ZipFile zip = new ZipFile(args[0])) {
      List<String> names = worksheets(zip);
      if (names.isEmpty()) {
        throw new IllegalArgumentException(args[0] + " holds no xl/worksheets/*.xml");
      }
      for (String name : names) {
        long bytes = totals.bytes;
        long deflated = totals.deflated;
        long nanos;
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
          nanos = deflate(in, slice, totals);
        }
        out.printf(
            "%s\t%d\t%d\t%.3f%n",
            name, totals.bytes - bytes, totals.deflated - deflated, nanos / 1e9);
      }
    }
    out.printf(
        "deflate-floor %.2f %.2f %d %d %d%n",
        totals.nanos / 1e9, totals.cpuNanos / 1e9, totals.bytes, totals.deflated, totals.parts);
  }
}
