package cn.ipsubsidy.app.spill;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/** Builds one record of a spill file in a reusable byte buffer. */
final class RecordOut {
  private final Strings shared;
  private byte[] buf = new byte[4096];
  private int len;

  RecordOut(Strings shared) {
    this.shared = shared;
  }

  void reset() {
    len = 0;
  }

  byte[] bytes() {
    return buf;
  }

  int length() {
    return len;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  void writeByte(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  void writeBoolean(boolean b) {
    writeByte(b ? 1 : 0);
  }

  /** An unsigned varint (7 bits a byte). */
  void writeVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[len++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  /** A signed varint (zig-zag). */
  void writeSignedVarLong(long v) {
    writeVarLong((v << 1) ^ (v >> 63));
  }

  void writeInt(int v) {
    writeSignedVarLong(v);
  }

  /** A string written in full: 0 for null, else the UTF-8 length + 1 and the bytes. */
  void writeString(String s) {
    if (s == null) {
      writeVarLong(0);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeVarLong(b.length + 1L);
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  /**
   * A string that often repeats: 0 for null, 1 + the UTF-8 length… as {@link #writeString} shifted
   * by one bit, or the id in the shared dictionary. The lowest bit tells which.
   */
  void writeShared(String s) {
    if (s == null) {
      writeVarLong(0);
      return;
    }
    int id = shared.idOf(s);
    if (id < 0) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      writeVarLong(((b.length + 1L) << 1));
      ensure(b.length);
      System.arraycopy(b, 0, buf, len, b.length);
      len += b.length;
    } else {
      writeVarLong((((long) id) << 1) | 1);
    }
  }

  void writeNullableLong(Long v) {
    writeBoolean(v != null);
    if (v != null) {
      writeSignedVarLong(v);
    }
  }

  void writeDate(LocalDate d) {
    writeBoolean(d != null);
    if (d != null) {
      writeSignedVarLong(d.toEpochDay());
    }
  }

  /** Exact: the scale and the unscaled value (as a long when it fits, else as digits). */
  void writeDecimal(BigDecimal d) {
    if (d == null) {
      writeByte(0);
      return;
    }
    if (d.unscaledValue().bitLength() < 63) {
      writeByte(1);
      writeInt(d.scale());
      writeSignedVarLong(d.unscaledValue().longValue());
    } else {
      writeByte(2);
      writeString(d.toString());
    }
  }

  <E extends Enum<E>> void writeEnum(E e) {
    writeVarLong(e == null ? 0 : e.ordinal() + 1L);
  }
}
