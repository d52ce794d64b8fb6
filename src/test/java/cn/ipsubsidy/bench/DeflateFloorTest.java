package cn.ipsubsidy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compressing floor deflates every worksheet part, nothing else, each as a whole stream. */
class DeflateFloorTest {
  @TempDir Path dir;

  @Test
  void deflatesExactlyTheWorksheetPartsEachAsOneLevel6Stream() throws IOException {
    byte[] sheet1 = xml(1, 3 * 4096);
    byte[] sheet2 = xml(2, 123_457);
    Path xlsx = dir.resolve("w.xlsx");
    try (OutputStream f = Files.newOutputStream(xlsx);
        ZipOutputStream zip = new ZipOutputStream(f)) {
      put(zip, "[Content_Types].xml", xml(0, 300));
      put(zip, "xl/worksheets/sheet1.xml", sheet1);
      put(zip, "xl/worksheets/_rels/sheet1.xml.rels", xml(3, 200));
      put(zip, "xl/styles.xml", xml(4, 5_000));
      put(zip, "xl/worksheets/sheet2.xml", sheet2);
      put(zip, "xl/drawings/drawing1.xml", xml(5, 700));
    }

    DeflateFloor.Totals totals = new DeflateFloor.Totals();
    try (ZipFile zip = new ZipFile(xlsx.toFile())) {
      assertThat(DeflateFloor.worksheets(zip))
          .containsExactly("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml");
      byte[] slice = new byte[4096]; // many slices a part, and a part that ends on a slice's end
      DeflateFloor.deflate(
          zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")), slice, totals);
      DeflateFloor.deflate(
          zip.getInputStream(zip.getEntry("xl/worksheets/sheet2.xml")), slice, totals);
    }

    assertThat(totals.parts).isEqualTo(2);
    assertThat(totals.bytes).isEqualTo(sheet1.length + sheet2.length);
    assertThat(totals.deflated).isEqualTo(deflated(sheet1) + deflated(sheet2));
    assertThat(totals.nanos).isPositive();
  }

  @Test
  void anEmptyPartIsOneEmptyStream() throws IOException {
    DeflateFloor.Totals totals = new DeflateFloor.Totals();
    DeflateFloor.deflate(new ByteArrayInputStream(new byte[0]), new byte[16], totals);
    assertThat(totals.parts).isEqualTo(1);
    assertThat(totals.bytes).isZero();
    assertThat(totals.deflated).isEqualTo(deflated(new byte[0]));
  }

  /** {@code length} bytes of XML-like text, the same for the same seed. */
  private static byte[] xml(long seed, int length) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(length + 64);
    for (int row = 1; sb.length() < length; row++) {
      sb.append("<row r=\"").append(row).append("\"><c r=\"A").append(row);
      sb.append("\" t=\"inlineStr\"><is><t>核发 ").append(r.nextInt(100_000)).append("</t></is></c>");
      sb.append("</row>\n");
    }
    return Arrays.copyOf(sb.toString().getBytes(StandardCharsets.UTF_8), length);
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }

  /** The length of {@code data} deflated in one call, level 6, raw. */
  private static long deflated(byte[] data) {
    Deflater d = new Deflater(6, true);
    try {
      d.setInput(data);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1024];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      return out.size();
    } finally {
      d.end();
    }
  }
}
