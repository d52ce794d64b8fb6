package cn.ipsubsidy.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the workbook's package: POI writes the {@link XSSFWorkbook} (汇总 and its chart, the styles,
 * the workbook's names, and each streamed sheet without rows) to memory; its zip entries are then
 * copied to the output as they are, compressed, except each streamed sheet's, whose {@code
 * <sheetData/>} is replaced by the rows {@link StreamedTable} deflated, as SXSSF injects them. The
 * rows are not inflated again: the sheet's start (up to its rows) is deflated ending in a sync
 * flush, the rows were, and its end is deflated last, so the three make one deflate stream; the
 * entry's CRC-32 is combined from theirs ({@link Crc32Combine}).
 */
final class StreamedPackage {
  private static final String EMPTY = "<sheetData/>";

  private StreamedPackage() {}

  static void write(XSSFWorkbook workbook, List<StreamedTable.Part> parts, OutputStream out)
      throws IOException {
    ByteArrayOutputStream skeleton = new ByteArrayOutputStream(64 * 1024);
    workbook.write(skeleton);
    Map<String, StreamedTable.Part> byEntry = new HashMap<>();
    for (StreamedTable.Part p : parts) {
      byEntry.put(p.sheet.getPackagePart().getPartName().getName().substring(1), p);
    }
    try (ZipFile zip =
            ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(skeleton.toByteArray()))
                .get();
        ZipArchiveOutputStream zos =
            new ZipArchiveOutputStream(CloseShieldOutputStream.wrap(out))) {
      // sizes are known before each entry, so only an entry or offset past 4 GB takes Zip64
      zos.setUseZip64(Zip64Mode.AsNeeded);
      int copied = 0;
      Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry e = entries.nextElement();
        StreamedTable.Part part = byEntry.get(e.getName());
        if (part == null) {
          try (InputStream raw = zip.getRawInputStream(e)) {
            zos.addRawArchiveEntry(e, raw);
          }
        } else {
          String xml;
          try (InputStream in = zip.getInputStream(e)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          int at = xml.indexOf(EMPTY);
          if (at < 0) {
            throw new IllegalStateException(e.getName() + " has rows of POI's own");
          }
          byte[] prefix = (xml.substring(0, at) + "<sheetData>\n").getBytes(StandardCharsets.UTF_8);
          byte[] suffix =
              ("</sheetData>" + xml.substring(at + EMPTY.length()))
                  .getBytes(StandardCharsets.UTF_8);
          byte[] start = deflate(prefix, false);
          byte[] end = deflate(suffix, true);
          SheetDeflater.Body body = part.body;
          ZipArchiveEntry entry = new ZipArchiveEntry(e.getName());
          entry.setMethod(ZipEntry.DEFLATED);
          if (e.getTime() != -1) {
            entry.setTime(e.getTime());
          }
          entry.setSize(prefix.length + body.size + suffix.length);
          entry.setCompressedSize(start.length + body.compressedSize + end.length);
          long crc = Crc32Combine.combine(crc(prefix), body.crc, body.size);
          entry.setCrc(Crc32Combine.combine(crc, crc(suffix), suffix.length));
          try (InputStream raw =
              new SequenceInputStream(
                  Collections.enumeration(
                      List.of(
                          new ByteArrayInputStream(start),
                          Files.newInputStream(body.file),
                          new ByteArrayInputStream(end))))) {
            zos.addRawArchiveEntry(entry, raw);
          }
          copied++;
        }
      }
      if (copied != byEntry.size()) {
        throw new IllegalStateException(
            copied + " of " + byEntry.size() + " streamed sheets found in the package");
      }
      zos.finish();
    }
  }

  /** Raw deflate of {@code data}: finished (a final block), or else ending in a sync flush. */
  private static byte[] deflate(byte[] data, boolean last) {
    Deflater d = new Deflater(6, true);
    try {
      d.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
      byte[] buf = new byte[16 * 1024];
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
      return out.toByteArray();
    } finally {
      d.end();
    }
  }

  private static long crc(byte[] data) {
    CRC32 c = new CRC32();
    c.update(data);
    return c.getValue();
  }
}
