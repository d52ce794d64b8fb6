package cn.ipsubsidy.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * UTF-8 onto a stream, buffered, the bytes {@link java.io.OutputStreamWriter} writes, without its
 * lock and its charset encoder: a million claims' audit log is about a gigabyte of mostly Chinese
 * text, and the JDK's encoder takes its slow path, character by character with a result object a
 * call, for every character beyond ASCII; and Commons CSV makes several calls per value (about 35
 * million values), each of which would take {@link java.io.BufferedWriter}'s monitor. As the JDK's:
 * a surrogate pair split between two writes is joined, a lone surrogate becomes {@code ?}, and one
 * left at the end waits for the next write ({@link #flush} keeps it; {@link #close} writes it as
 * {@code ?}). Used by one thread at a time.
 */
final class Utf8Writer extends Writer {
  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int len;
  private char high; // a high surrogate that ended the last write, else 0

  Utf8Writer(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int c) throws IOException {
    put((char) c);
  }

  @Override
  public void write(char[] cbuf, int off, int n) throws IOException {
    for (int i = off, end = off + n; i < end; i++) {
      put(cbuf[i]);
    }
  }

  @Override
  public void write(String s, int off, int n) throws IOException {
    for (int i = off, end = off + n; i < end; i++) {
      put(s.charAt(i));
    }
  }

  @Override
  public Writer append(CharSequence cs, int start, int end) throws IOException {
    if (cs instanceof String s) {
      write(s, start, end - start);
    } else {
      for (int i = start; i < end; i++) {
        put(cs.charAt(i));
      }
    }
    return this;
  }

  @Override
  public Writer append(CharSequence cs) throws IOException {
    return cs == null ? append("null", 0, 4) : append(cs, 0, cs.length());
  }

  @Override
  public Writer append(char c) throws IOException {
    put(c);
    return this;
  }

  private void put(char c) throws IOException {
    if (len > buf.length - 4) {
      drain();
    }
    byte[] b = buf;
    if (high != 0) {
      char h = high;
      high = 0;
      if (Character.isLowSurrogate(c)) {
        int cp = Character.toCodePoint(h, c);
        b[len++] = (byte) (0xf0 | (cp >> 18));
        b[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[len++] = (byte) (0x80 | (cp & 0x3f));
        return;
      }
      b[len++] = '?';
      if (len > buf.length - 4) {
        drain();
      }
    }
    if (c < 0x80) {
      b[len++] = (byte) c;
    } else if (c < 0x800) {
      b[len++] = (byte) (0xc0 | (c >> 6));
      b[len++] = (byte) (0x80 | (c & 0x3f));
    } else if (Character.isHighSurrogate(c)) {
      high = c;
    } else if (Character.isLowSurrogate(c)) {
      b[len++] = '?';
    } else {
      b[len++] = (byte) (0xe0 | (c >> 12));
      b[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
      b[len++] = (byte) (0x80 | (c & 0x3f));
    }
  }

  private void drain() throws IOException {
    out.write(buf, 0, len);
    len = 0;
  }

  /** Passes on what is encoded; a high surrogate at the end waits for its pair. */
  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (high != 0) {
      high = 0;
      buf[len++] = '?';
    }
    flush();
    out.close();
  }
}
