package cn.ipsubsidy.app.spill;

import java.util.Arrays;

/** A growable array of primitive longs: 8 bytes an entry, no boxing. */
final class LongArray {
  private long[] values;
  private int size;

  LongArray(int capacity) {
    values = new long[Math.max(16, capacity)];
  }

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length + (values.length >> 1));
    }
    values[size++] = v;
  }

  void set(int index, long v) {
    if (index >= values.length) {
      values = Arrays.copyOf(values, Math.max(index + 1, values.length + (values.length >> 1)));
    }
    values[index] = v;
    size = Math.max(size, index + 1);
  }

  long get(int index) {
    return values[index];
  }

  int size() {
    return size;
  }

  /** The values, sorted ascending (the array is trimmed to its size first). */
  long[] sorted() {
    long[] out = Arrays.copyOf(values, size);
    values = null;
    Arrays.sort(out);
    return out;
  }
}
