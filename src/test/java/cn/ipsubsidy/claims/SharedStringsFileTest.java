package cn.ipsubsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Shared strings read to a temporary file beyond the first few read back as POI's in-memory table
 * reads them: plain, rich-text runs, phonetic runs left out, escapes decoded, CJK and emoji.
 */
class SharedStringsFileTest {
  @Test
  void spilledStringsReadBackAsPoiReadsThem() throws Exception {
    byte[] book = workbook();
    List<String> poi = new ArrayList<>();
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(book))) {
      ReadOnlySharedStringsTable t = new ReadOnlySharedStringsTable(pkg, false);
      for (int i = 0; i < t.getUniqueCount(); i++) {
        poi.add(t.getItemAt(i).getString());
      }
    }
    assertThat(poi).hasSizeGreaterThan(1000);
    for (int keep : new int[] {0, 3, 100_000}) {
      try (SharedStringsFile s = SharedStringsFile.read(sst(book), keep)) {
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
          ours.add(s.text(i));
        }
        assertThat(ours).as("keep %d in memory", keep).isEqualTo(poi);
      }
    }
  }

  @Test
  void escapesAreDecoded() {
    assertThat(SharedStringsFile.decode("a_x000D_b_x005F_x0041_")).isEqualTo("a\rb_x0041_");
    assertThat(SharedStringsFile.decode("no escape")).isEqualTo("no escape");
  }

  private static InputStream sst(byte[] book) throws Exception {
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(book))) {
      byte[] xml =
          pkg.getPartsByContentType(
                  org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS.getContentType())
              .get(0)
              .getInputStream()
              .readAllBytes();
      return new ByteArrayInputStream(xml);
    }
  }

  private static byte[] workbook() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XSSFSheet sheet = wb.createSheet("s");
      XSSFFont bold = wb.createFont();
      bold.setBold(true);
      int r = 0;
      XSSFRow row = sheet.createRow(r++);
      XSSFRichTextString rich = new XSSFRichTextString("连云港 bold 海州区");
      rich.applyFont(4, 8, bold);
      row.createCell(0).setCellValue(rich);
      row.createCell(1).setCellValue("line\r\nbreak _x0041_ literal");
      row.createCell(2).setCellValue("  spaces kept  ");
      row.createCell(3).setCellValue("😀 emoji 申报编号");
      for (int i = 0; i < 2000; i++) {
        sheet.createRow(r++).createCell(0).setCellValue("LYG-2025-" + i + " 凭证号 ZL" + i * 7);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      // a phonetic run, as Japanese Excel writes it, is not part of the text
      return withPhonetic(out.toByteArray());
    }
  }

  /** Adds a {@code <rPh>} run to the first shared string. */
  private static byte[] withPhonetic(byte[] book) throws Exception {
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(book))) {
      var part =
          pkg.getPartsByContentType(
                  org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS.getContentType())
              .get(0);
      String xml = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      xml = xml.replaceFirst("</si>", "<rPh sb=\"0\" eb=\"1\"><t>レン</t></rPh></si>");
      try (var os = part.getOutputStream()) {
        os.write(xml.getBytes(StandardCharsets.UTF_8));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pkg.save(out);
      return out.toByteArray();
    }
  }
}
