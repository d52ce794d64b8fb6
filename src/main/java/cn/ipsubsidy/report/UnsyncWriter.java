package cn.ipsubsidy.report;

import java.io.IOException;
import java.io.Writer;

/**
 * A buffered writer without a lock: {@link java.io.BufferedWriter} takes its monitor on every call,
 * and Commons CSV makes several calls per value (a million claims' audit log is about 35 million
 * values). Used by one thread at a time; {@link #flush()} passes the buffer on.
 */
final class UnsyncWriter extends Writer {
  private final Writer out;
  private final char[] buf = new char[1 << 16];
  private int len;

  UnsyncWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(int c) throws IOException {
    if (len == buf.length) {
      drain();
    }
    buf[len++] = (char) c;
  }

  @Override
  public void write(char[] cbuf, int off, int n) throws IOException {
    if (n >= buf.length) {
      drain();
      out.write(cbuf, off, n);
      return;
    }
    if (len + n > buf.length) {
      drain();
    }
    System.arraycopy(cbuf, off, buf, len, n);
    len += n;
  }

  @Override
  public void write(String s, int off, int n) throws IOException {
    if (n >= buf.length) {
      drain();
      out.write(s, off, n);
      return;
    }
    if (len + n > buf.length) {
      drain();
    }
    s.getChars(off, off + n, buf, len);
    len += n;
  }

  @Override
  public Writer append(CharSequence cs, int start, int end) throws IOException {
    if (cs instanceof String s) {
      write(s, start, end - start);
    } else {
      for (int i = start; i < end; i++) {
        write(cs.charAt(i));
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
    write(c);
    return this;
  }

  private void drain() throws IOException {
    out.write(buf, 0, len);
    len = 0;
  }

  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
    out.close();
  }
}
