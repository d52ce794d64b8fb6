package cn.ipsubsidy.cli;

import cn.ipsubsidy.claims.PersonalIds;
import java.io.IOException;
import java.io.Writer;

/**
 * What the clerk's terminal shows, with resident ID numbers masked ({@link PersonalIds}). Text is
 * held until the end of its line, so that a number printed in pieces is still masked whole; a flush
 * passes on what is held.
 */
final class MaskingWriter extends Writer {
  private final Writer out;
  private final StringBuilder line = new StringBuilder();

  MaskingWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      char c = buf[i];
      line.append(c);
      if (c == '\n') {
        emit();
      }
    }
  }

  private void emit() throws IOException {
    out.write(PersonalIds.mask(line.toString()));
    line.setLength(0);
  }

  @Override
  public void flush() throws IOException {
    if (line.length() > 0) {
      emit();
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
    out.close();
  }
}
