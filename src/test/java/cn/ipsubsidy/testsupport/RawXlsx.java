package cn.ipsubsidy.testsupport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellReference;

/**
 * Writes .xlsx files part by part, as raw XML, for inputs POI's writer will not make: a DOCTYPE, an
 * error cell with a given formula, a sheet of a million rows streamed, a zip bomb. The output is
 * the same bytes every time (fixed entry times), so a file made by it can be checked in.
 */
public final class RawXlsx {
  /** Writes a sheet's {@code <row>} elements; it may be called on a huge sheet, so it streams. */
  @FunctionalInterface
  public interface Rows {
    void write(Writer w) throws IOException;
  }

  private record Sheet(String name, String state, String prolog, Rows rows, String after) {}

  private final List<Sheet> sheets = new ArrayList<>();
  private final Map<String, String> replacedParts = new LinkedHashMap<>();
  private List<String> sharedStrings;
  private String sharedStringsProlog = "";
  private String workbookProlog = "";
  private int level = Deflater.DEFAULT_COMPRESSION;

  public static RawXlsx workbook() {
    return new RawXlsx();
  }

  /** A visible sheet whose rows are given as XML. */
  public RawXlsx sheet(String name, String rowsXml) {
    return sheet(name, w -> w.write(rowsXml));
  }

  public RawXlsx sheet(String name, Rows rows) {
    sheets.add(new Sheet(name, null, "", rows, ""));
    return this;
  }

  /** A sheet with state "hidden" or "veryHidden". */
  public RawXlsx hiddenSheet(String name, String state, String rowsXml) {
    sheets.add(new Sheet(name, state, "", w -> w.write(rowsXml), ""));
    return this;
  }

  /** A sheet whose XML starts with {@code prolog} (a DOCTYPE) before the root element. */
  public RawXlsx sheetWithProlog(String name, String prolog, String rowsXml) {
    sheets.add(new Sheet(name, null, prolog, w -> w.write(rowsXml), ""));
    return this;
  }

  /** A sheet with XML after {@code </sheetData>}, e.g. {@code <mergeCells>}. */
  public RawXlsx sheetWithTail(String name, String rowsXml, String afterSheetData) {
    sheets.add(new Sheet(name, null, "", w -> w.write(rowsXml), afterSheetData));
    return this;
  }

  /** A shared strings part, optionally with a prolog (a DOCTYPE). */
  public RawXlsx sharedStrings(String prolog, List<String> strings) {
    this.sharedStringsProlog = prolog;
    this.sharedStrings = List.copyOf(strings);
    return this;
  }

  /** workbook.xml starts with {@code prolog} before its root element. */
  public RawXlsx workbookProlog(String prolog) {
    this.workbookProlog = prolog;
    return this;
  }

  /** Replaces a part that would be generated, e.g. "[Content_Types].xml". */
  public RawXlsx replacePart(String name, String xml) {
    replacedParts.put(name, xml);
    return this;
  }

  public RawXlsx compression(int level) {
    this.level = level;
    return this;
  }

  public Path write(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(out);
    }
    return file;
  }

  public void write(OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.setLevel(level);
    part(zip, "[Content_Types].xml", contentTypes());
    part(zip, "_rels/.rels", ROOT_RELS);
    part(zip, "xl/workbook.xml", workbookXml());
    part(zip, "xl/_rels/workbook.xml.rels", workbookRels());
    part(zip, "xl/styles.xml", STYLES);
    if (sharedStrings != null) {
      StringBuilder b = new StringBuilder(XML_DECL).append(sharedStringsProlog);
      b.append("<sst xmlns=\"").append(MAIN).append("\" count=\"").append(sharedStrings.size());
      b.append("\" uniqueCount=\"").append(sharedStrings.size()).append("\">");
      for (String s : sharedStrings) {
        b.append("<si><t xml:space=\"preserve\">").append(s).append("</t></si>");
      }
      part(zip, "xl/sharedStrings.xml", b.append("</sst>").toString());
    }
    for (int i = 0; i < sheets.size(); i++) {
      Sheet s = sheets.get(i);
      String name = "xl/worksheets/sheet" + (i + 1) + ".xml";
      if (replacedParts.containsKey(name)) {
        part(zip, name, replacedParts.get(name));
        continue;
      }
      zip.putNextEntry(entry(name));
      Writer w =
          new BufferedWriter(new OutputStreamWriter(new Unclosable(zip), StandardCharsets.UTF_8));
      w.write(XML_DECL);
      w.write(s.prolog());
      w.write("<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><sheetData>");
      s.rows().write(w);
      w.write("</sheetData>");
      w.write(s.after());
      w.write("</worksheet>");
      w.flush();
      zip.closeEntry();
    }
    zip.finish();
  }

  // ---- cells and rows

  /** A row of inline-string cells from column A; null leaves a cell out. */
  public static String textRow(int row, String... texts) {
    List<String> cells = new ArrayList<>();
    for (int c = 0; c < texts.length; c++) {
      cells.add(texts[c] == null ? null : text(ref(row, c), texts[c]));
    }
    return row(row, cells.toArray(new String[0]));
  }

  /** A row of the given cell XML fragments (null leaves a cell out). */
  public static String row(int row, String... cellsXml) {
    StringBuilder b = new StringBuilder("<row r=\"").append(row).append("\">");
    for (String c : cellsXml) {
      if (c != null) {
        b.append(c);
      }
    }
    return b.append("</row>").toString();
  }

  /** An inline string cell; the text is escaped. */
  public static String text(String ref, String text) {
    return "<c r=\""
        + ref
        + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
        + escape(text)
        + "</t></is></c>";
  }

  /** An inline string cell whose content is raw XML (an entity reference, say). */
  public static String rawText(String ref, String xml) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + xml + "</t></is></c>";
  }

  /** A shared string cell. */
  public static String shared(String ref, int index) {
    return "<c r=\"" + ref + "\" t=\"s\"><v>" + index + "</v></c>";
  }

  /** A number cell with General format. */
  public static String number(String ref, String value) {
    return "<c r=\"" + ref + "\"><v>" + value + "</v></c>";
  }

  /** A number cell with the built-in date format (style 1 of {@link #STYLES}: numFmt 14). */
  public static String date(String ref, int excelSerial) {
    return "<c r=\"" + ref + "\" s=\"1\"><v>" + excelSerial + "</v></c>";
  }

  /** A formula cell whose cached result is an error such as #DIV/0! or #REF!. */
  public static String error(String ref, String formula, String code) {
    return "<c r=\"" + ref + "\" t=\"e\"><f>" + escape(formula) + "</f><v>" + code + "</v></c>";
  }

  /** "B7" for 0-based column 1 of 1-based row 7. */
  public static String ref(int row, int column) {
    return CellReference.convertNumToColString(column) + row;
  }

  public static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  // ---- parts

  private static final String XML_DECL =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String ROOT_RELS =
      XML_DECL
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\""
          + REL
          + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

  /** Style 0: General; style 1: built-in number format 14 (a date). */
  public static final String STYLES =
      XML_DECL
          + "<styleSheet xmlns=\""
          + MAIN
          + "\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
          + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
          + "<borders count=\"1\"><border/></borders>"
          + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
          + "</cellStyleXfs><cellXfs count=\"2\">"
          + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
          + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
          + " applyNumberFormat=\"1\"/></cellXfs></styleSheet>";

  private String contentTypes() {
    if (replacedParts.containsKey("[Content_Types].xml")) {
      return replacedParts.get("[Content_Types].xml");
    }
    StringBuilder b = new StringBuilder(XML_DECL);
    b.append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
    b.append("<Default Extension=\"rels\" ContentType=\"application/")
        .append("vnd.openxmlformats-package.relationships+xml\"/>");
    b.append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
    b.append(override("/xl/workbook.xml", "spreadsheetml.sheet.main+xml"));
    b.append(override("/xl/styles.xml", "spreadsheetml.styles+xml"));
    if (sharedStrings != null) {
      b.append(override("/xl/sharedStrings.xml", "spreadsheetml.sharedStrings+xml"));
    }
    for (int i = 0; i < sheets.size(); i++) {
      b.append(override("/xl/worksheets/sheet" + (i + 1) + ".xml", "spreadsheetml.worksheet+xml"));
    }
    return b.append("</Types>").toString();
  }

  private static String override(String part, String type) {
    return "<Override PartName=\""
        + part
        + "\" ContentType=\"application/vnd.openxmlformats-officedocument."
        + type
        + "\"/>";
  }

  private String workbookXml() {
    if (replacedParts.containsKey("xl/workbook.xml")) {
      return replacedParts.get("xl/workbook.xml");
    }
    StringBuilder b = new StringBuilder(XML_DECL).append(workbookProlog);
    b.append("<workbook xmlns=\"").append(MAIN).append("\" xmlns:r=\"").append(REL);
    b.append("\"><sheets>");
    for (int i = 0; i < sheets.size(); i++) {
      Sheet s = sheets.get(i);
      b.append("<sheet name=\"").append(escape(s.name())).append("\" sheetId=\"").append(i + 1);
      if (s.state() != null) {
        b.append("\" state=\"").append(s.state());
      }
      b.append("\" r:id=\"rId").append(i + 1).append("\"/>");
    }
    return b.append("</sheets></workbook>").toString();
  }

  private String workbookRels() {
    StringBuilder b = new StringBuilder(XML_DECL);
    b.append(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    int id = 1;
    for (; id <= sheets.size(); id++) {
      b.append("<Relationship Id=\"rId").append(id).append("\" Type=\"").append(REL);
      b.append("/worksheet\" Target=\"worksheets/sheet").append(id).append(".xml\"/>");
    }
    b.append("<Relationship Id=\"rId").append(id++).append("\" Type=\"").append(REL);
    b.append("/styles\" Target=\"styles.xml\"/>");
    if (sharedStrings != null) {
      b.append("<Relationship Id=\"rId").append(id).append("\" Type=\"").append(REL);
      b.append("/sharedStrings\" Target=\"sharedStrings.xml\"/>");
    }
    return b.append("</Relationships>").toString();
  }

  private static ZipEntry entry(String name) {
    ZipEntry e = new ZipEntry(name);
    e.setTime(FIXED_TIME);
    return e;
  }

  /** 2025-01-01 00:00 local: any fixed time keeps the bytes stable. */
  private static final long FIXED_TIME = 1_735_660_800_000L;

  private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
    zip.putNextEntry(entry(name));
    zip.write(xml.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** Lets a Writer be flushed over the zip stream without closing the zip. */
  private static final class Unclosable extends java.io.FilterOutputStream {
    Unclosable(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
