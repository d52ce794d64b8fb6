package cn.ipsubsidy.app.spill;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Reads one record of a spill file, written by {@link RecordOut}. */
final class RecordIn {
  private final Strings shared;
  private byte[] buf;
  private int pos;

  RecordIn(Strings shared) {
    this.shared = shared;
  }

  void reset(byte[] buf, int offset) {
    this.buf = buf;
    this.pos = offset;
  }

  int readByte() {
    return buf[pos++];
  }

  boolean readBoolean() {
    return buf[pos++] != 0;
  }

  long readVarLong() {
    long v = 0;
    int shift = 0;
    while (true) {
      byte b = buf[pos++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
      shift += 7;
    }
  }

  long readSignedVarLong() {
    long v = readVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  int readInt() {
    return (int) readSignedVarLong();
  }

  String readString() {
    long n = readVarLong();
    if (n == 0) {
      return null;
    }
    return utf8((int) (n - 1));
  }

  String readShared() {
    long n = readVarLong();
    if (n == 0) {
      return null;
    }
    if ((n & 1) == 1) {
      return shared.value((int) (n >>> 1));
    }
    return utf8((int) ((n >>> 1) - 1));
  }

  private String utf8(int length) {
    String s = new String(buf, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return s;
  }

  Long readNullableLong() {
    return readBoolean() ? readSignedVarLong() : null;
  }

  LocalDate readDate() {
    return readBoolean() ? LocalDate.ofEpochDay(readSignedVarLong()) : null;
  }

  BigDecimal readDecimal() {
    int kind = readByte();
    if (kind == 0) {
      return null;
    }
    if (kind == 1) {
      int scale = readInt();
      return BigDecimal.valueOf(readSignedVarLong(), scale);
    }
    return new BigDecimal(readString());
  }

  <E extends Enum<E>> E readEnum(E[] values) {
    int n = (int) readVarLong();
    return n == 0 ? null : values[n - 1];
  }
}
