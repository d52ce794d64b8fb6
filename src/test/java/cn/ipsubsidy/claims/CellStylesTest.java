package cn.ipsubsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/** The number format of each cell style, read with SAX, is what POI's StylesTable says. */
class CellStylesTest {
  static final String STYLES =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
          + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
          + "<numFmt numFmtId=\"165\" formatCode=\"#,##0.00_ \"/></numFmts>"
          + "<fonts count=\"1\"><font><sz val=\"11\"/></font></fonts>"
          + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
          + "<borders count=\"1\"><border/></borders>"
          + "<cellStyleXfs count=\"1\"><xf numFmtId=\"49\" fontId=\"0\"/></cellStyleXfs>"
          + "<cellXfs count=\"5\"><xf numFmtId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" xfId=\"0\"/>"
          + "<xf numFmtId=\"164\" xfId=\"0\" applyNumberFormat=\"1\"/><xf xfId=\"0\"/>"
          + "<xf numFmtId=\"165\" xfId=\"0\"/></cellXfs>"
          + "</styleSheet>";

  private static CellStyles sax(InputStream in) throws Exception {
    CellStyles styles = new CellStyles();
    XMLReader xml = XMLHelper.newXMLReader();
    xml.setContentHandler(styles);
    xml.parse(new InputSource(in));
    return styles;
  }

  private static void sameAsPoi(CellStyles sax, StylesTable poi) {
    assertThat(sax.size()).isEqualTo(poi.getNumCellStyles());
    for (int i = 0; i < sax.size(); i++) {
      XSSFCellStyle cs = poi.getStyleAt(i);
      assertThat(sax.formatIndex(i)).as("style %d", i).isEqualTo((int) cs.getDataFormat());
      assertThat(sax.formatString(i)).as("style %d", i).isEqualTo(cs.getDataFormatString());
    }
  }

  @Test
  void customBuiltInAndMissingFormatsAsPoiReadsThem() throws Exception {
    byte[] bytes = STYLES.getBytes(StandardCharsets.UTF_8);
    CellStyles sax = sax(new ByteArrayInputStream(bytes));
    StylesTable poi = new StylesTable(new ByteArrayInputStream(bytes));
    sameAsPoi(sax, poi);
    // the cellStyleXfs xf (numFmtId 49) is no cell style
    assertThat(sax.size()).isEqualTo(5);
    assertThat(sax.formatString(2)).isEqualTo("yyyy\"年\"m\"月\"d\"日\"");
    assertThat(sax.formatIndex(3)).isZero();
    assertThat(sax.formatString(1)).isEqualTo("m/d/yy");
  }

  @Test
  void theSamplesStylesAsPoiReadsThem() throws Exception {
    for (String sample : List.of("claims-2025Q1-lianyungang.xlsx", "claims-2025Q1-wuxi.xlsx")) {
      Path file = Path.of("samples", sample);
      if (!file.toFile().exists()) {
        continue;
      }
      try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
        PackagePart part = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType()).get(0);
        CellStyles sax;
        try (InputStream in = part.getInputStream()) {
          sax = sax(in);
        }
        StylesTable poi = new StylesTable(part);
        sameAsPoi(sax, poi);
      }
    }
  }
}
