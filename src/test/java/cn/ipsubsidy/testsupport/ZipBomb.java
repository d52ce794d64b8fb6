package cn.ipsubsidy.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A tiny .xlsx whose sheet inflates to gigabytes: a valid workbook whose sheet XML holds a header
 * row and then {@code padding} bytes of blanks. Written in well under a second: one megabyte of
 * blanks is deflated once and its compressed block repeated, since a sync-flushed deflate block
 * that refers only to itself may follow any other.
 */
public final class ZipBomb {
  private static final int CHUNK = 1 << 20;

  private ZipBomb() {}

  /**
   * @param headerRowXml a {@code <row>} element written before the blanks
   * @param megabytes how many MiB of blanks the sheet inflates to (below 4096: no ZIP64)
   */
  public static Path write(Path file, String headerRowXml, int megabytes) throws IOException {
    if (megabytes <= 0 || megabytes >= 4000) {
      throw new IllegalArgumentException("megabytes: " + megabytes);
    }
    byte[] prefix =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>"
                + headerRowXml)
            .getBytes(StandardCharsets.UTF_8);
    byte[] suffix = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
    byte[] blanks = new byte[CHUNK];
    Arrays.fill(blanks, (byte) ' ');
    byte[] prefixZ = deflate(prefix, false);
    byte[] blanksZ = deflate(blanks, false);
    byte[] suffixZ = deflate(suffix, true);

    CRC32 crc = new CRC32();
    crc.update(prefix);
    for (int i = 0; i < megabytes; i++) {
      crc.update(blanks);
    }
    crc.update(suffix);
    long size = prefix.length + (long) CHUNK * megabytes + suffix.length;
    long compressed = prefixZ.length + (long) blanksZ.length * megabytes + suffixZ.length;

    Zip zip = new Zip();
    RawXlsx template = RawXlsx.workbook().sheet("Sheet1", "");
    ByteArrayOutputStream small = new ByteArrayOutputStream();
    template.write(small);
    try (OutputStream out = Files.newOutputStream(file)) {
      // every part of an ordinary one-sheet workbook but the sheet, then the bomb as the sheet
      for (var part : Parts.of(small.toByteArray())) {
        if (!part.name().equals("xl/worksheets/sheet1.xml")) {
          byte[] z = deflate(part.data(), true);
          CRC32 c = new CRC32();
          c.update(part.data());
          zip.entry(out, part.name(), c.getValue(), z.length, part.data().length, List.of(z), 1);
        }
      }
      zip.entry(
          out,
          "xl/worksheets/sheet1.xml",
          crc.getValue(),
          compressed,
          size,
          List.of(prefixZ, blanksZ, suffixZ),
          megabytes);
      zip.finish(out);
    }
    return file;
  }

  /** Raw deflate; sync-flushed (byte aligned, not final) unless {@code last}. */
  private static byte[] deflate(byte[] data, boolean last) {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
    d.setInput(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    if (last) {
      d.finish();
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
    } else {
      int n;
      do {
        n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        out.write(buf, 0, n);
      } while (n == buf.length);
    }
    d.end();
    return out.toByteArray();
  }

  /** The parts of a small zip, read back with the JDK. */
  private record Parts(String name, byte[] data) {
    static List<Parts> of(byte[] zipBytes) throws IOException {
      List<Parts> out = new ArrayList<>();
      try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zipBytes))) {
        for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          out.add(new Parts(e.getName(), in.readAllBytes()));
        }
      }
      return out;
    }
  }

  /** The few bytes of zip structure: local headers, central directory, end record. */
  private static final class Zip {
    private final ByteArrayOutputStream central = new ByteArrayOutputStream();
    private long offset;
    private int count;

    /**
     * Writes an entry whose compressed data is pieces[0], then pieces[1] {@code repeat} times, then
     * the remaining pieces (for a single piece, it is written once).
     */
    void entry(
        OutputStream out,
        String name,
        long crc,
        long compressed,
        long size,
        List<byte[]> pieces,
        int repeat)
        throws IOException {
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      ByteBuffer h = le(30 + n.length);
      h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) 8);
      h.putInt(0x5A210000); // 2025-01-01 00:00 in DOS time and date
      h.putInt((int) crc).putInt((int) compressed).putInt((int) size);
      h.putShort((short) n.length).putShort((short) 0).put(n);
      out.write(h.array());
      if (pieces.size() == 1) {
        out.write(pieces.get(0));
      } else {
        out.write(pieces.get(0));
        for (int i = 0; i < repeat; i++) {
          out.write(pieces.get(1));
        }
        for (int i = 2; i < pieces.size(); i++) {
          out.write(pieces.get(i));
        }
      }
      ByteBuffer c = le(46 + n.length);
      c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800);
      c.putShort((short) 8).putInt(0x5A210000);
      c.putInt((int) crc).putInt((int) compressed).putInt((int) size);
      c.putShort((short) n.length).putShort((short) 0).putShort((short) 0);
      c.putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset).put(n);
      central.write(c.array());
      offset += 30 + n.length + compressed;
      count++;
    }

    void finish(OutputStream out) throws IOException {
      byte[] cd = central.toByteArray();
      out.write(cd);
      ByteBuffer e = le(22);
      e.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
      e.putShort((short) count).putShort((short) count);
      e.putInt(cd.length).putInt((int) offset).putShort((short) 0);
      out.write(e.array());
    }

    private static ByteBuffer le(int n) {
      return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
  }
}
