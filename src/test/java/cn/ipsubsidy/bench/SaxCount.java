package cn.ipsubsidy.bench;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The benchmark's reading floor: a bare SAX pass over every worksheet of an .xlsx counting rows and
 * cells, nothing parsed or kept (shared strings are not loaded). Prints one line a sheet: name,
 * rows, cells, text cells, characters of inline text, number cells; the benchmark also uses it to
 * measure the payout workbook that the writing floor then imitates.
 *
 * <p>{@code java -cp <test classpath> cn.ipsubsidy.bench.SaxCount FILE.xlsx}
 */
public final class SaxCount {
  private SaxCount() {}

  /** Counts of one sheet. */
  static final class Counts extends DefaultHandler {
    long rows;
    long cells;
    long textCells;
    long textChars;
    long numberCells;
    private boolean inText;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      switch (localName) {
        case "row" -> rows++;
        case "c" -> {
          cells++;
          String t = atts.getValue("t");
          if (t == null || "n".equals(t)) {
            numberCells++;
          } else {
            textCells++;
          }
        }
        case "t" -> inText = true;
        default -> {}
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if ("t".equals(localName)) {
        inText = false;
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inText) {
        textChars += length;
      }
    }
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    long rows = 0;
    long cells = 0;
    try (OPCPackage pkg = OPCPackage.open(args[0], PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (it.hasNext()) {
        Counts c = new Counts();
        try (InputStream in = it.next()) {
          XMLReader xml = XMLHelper.newXMLReader();
          xml.setContentHandler(c);
          xml.parse(new InputSource(in));
        }
        out.printf(
            "%s\t%d\t%d\t%d\t%d\t%d%n",
            it.getSheetName(), c.rows, c.cells, c.textCells, c.textChars, c.numberCells);
        rows += c.rows;
        cells += c.cells;
      }
      pkg.revert();
    }
    System.err.printf("SaxCount %s: %d rows, %d cells%n", args[0], rows, cells);
  }
}
