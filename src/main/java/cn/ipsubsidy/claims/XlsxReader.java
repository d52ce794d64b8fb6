package cn.ipsubsidy.claims;

import cn.ipsubsidy.domain.Bilingual;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads .xlsx with POI's streaming API: {@link XSSFReader} and SAX over each sheet part, shared
 * strings from {@link SharedStringsFile} (on disk beyond the first {@value
 * SharedStringsFile#IN_MEMORY}), number formats from {@link CellStyles}. Only the rows up to the
 * header (at most 20) and the header sheet's data rows are ever held. POI's zip-bomb limits stay at
 * their defaults.
 */
final class XlsxReader {
  /** Rows of an Excel 2007+ worksheet; a row number beyond it was not written by Excel. */
  static final int EXCEL_MAX_ROWS = 1_048_576;

  private XlsxReader() {}

  static ReadResult read(Path path, String sheetOrNull, TableScanner scanner) {
    String file = scanner.file();
    OPCPackage pkg;
    try {
      pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
    } catch (ODFNotOfficeXmlFileException e) {
      throw ClaimsFileException.at(
          file,
          "这是 OpenDocument (.ods) 表格，请在 Excel 或 WPS 中另存为 .xlsx",
          "this is an OpenDocument (.ods) spreadsheet; save it as .xlsx in Excel or WPS",
          e);
    } catch (Exception e) {
      throw failure(
          file,
          e,
          "不是有效的 .xlsx 工作簿（可能是其他 ZIP 文件，或文件已损坏）",
          "not a valid .xlsx workbook (another kind of zip file, or damaged)");
    } catch (LinkageError e) {
      throw unknownCompression(file, e);
    }
    SharedStringsFile strings = null;
    try {
      XSSFReader reader = new XSSFReader(pkg);
      WorkbookPart wb = new WorkbookPart();
      try (InputStream in = reader.getWorkbookData()) {
        parse(in, wb);
      }
      scanner.date1904(wb.date1904);
      CellStyles styles = styles(pkg);
      SharedStringsFile shared = sharedStrings(pkg);
      strings = shared;
      List<SheetInfo> candidates = SheetInfo.candidates(file, wb.sheets, sheetOrNull);
      scanner.rows(() -> readSheets(reader, candidates, scanner, shared, styles, wb.date1904));
      return scanner.result("xlsx");
    } catch (ClaimsFileException | SinkFailure e) {
      throw e;
    } catch (Exception e) {
      throw failure(
          file,
          e,
          "无法读取 .xlsx 内容（文件可能已损坏）",
          "cannot read the .xlsx workbook (the file may be damaged)");
    } catch (LinkageError e) {
      throw unknownCompression(file, e);
    } finally {
      if (strings != null) {
        strings.close();
      }
      pkg.revert();
    }
  }

  /** The candidate sheets in order, until one has the header row (and so the data rows). */
  private static void readSheets(
      XSSFReader reader,
      List<SheetInfo> candidates,
      TableScanner scanner,
      SharedStringsFile strings,
      CellStyles styles,
      boolean date1904)
      throws Exception {
    NumberFormats formats = new NumberFormats();
    for (SheetInfo s : candidates) {
      scanner.startSheet(s.name());
      SheetPart handler = new SheetPart(scanner, strings, styles, formats, date1904);
      try (InputStream in = reader.getSheet(s.partId())) {
        parse(in, handler);
      } catch (SAXException e) {
        if (handler.failure != null) {
          throw handler.failure;
        }
        if (!handler.stopped) {
          throw e;
        }
      }
      if (handler.failure != null) {
        throw handler.failure;
      }
      if (scanner.headerFound()) {
        break;
      }
    }
  }

  /** The number formats of the cell styles, or null when the workbook has no styles part. */
  private static CellStyles styles(OPCPackage pkg) throws Exception {
    List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
    if (parts.isEmpty()) {
      return null;
    }
    CellStyles styles = new CellStyles();
    try (InputStream in = parts.get(0).getInputStream()) {
      parse(in, styles);
    }
    return styles;
  }

  private static SharedStringsFile sharedStrings(OPCPackage pkg) throws Exception {
    List<PackagePart> sst = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
    if (sst.isEmpty()) {
      return SharedStringsFile.read(null);
    }
    try (InputStream in = sst.get(0).getInputStream()) {
      return SharedStringsFile.read(in);
    }
  }

  /**
   * The file error for {@code e}: a plain sentence for a zip bomb, an XML declaration or a cut-off
   * archive, else the given one. The library's text stays in the cause, for the log.
   */
  private static ClaimsFileException failure(String file, Exception e, String zh, String en) {
    Bilingual known = ReadFailures.classify(e);
    if (known != null) {
      return ClaimsFileException.at(file, known.zh(), known.en(), e);
    }
    return ClaimsFileException.at(file, zh + "（详情见日志）", en + " (details in the log)", e);
  }

  /**
   * A zip part compressed with a method Excel never writes (zstd, xz): Commons Compress reaches for
   * an optional decoder library that is not there, and the JVM throws a NoClassDefFoundError. Found
   * by ClaimsReadersFuzzTest.
   */
  private static ClaimsFileException unknownCompression(String file, LinkageError e) {
    return ClaimsFileException.at(
        file,
        "工作簿的 ZIP 部件使用了 Excel 不会使用的压缩方式（如 zstd、xz），不予读取；请在 Excel 中另存为 .xlsx 后再试",
        "a zip part of the workbook uses a compression method Excel never writes (such as zstd"
            + " or xz), so it is refused; save it as .xlsx in Excel and retry",
        e);
  }

  private static void parse(InputStream in, DefaultHandler handler) throws Exception {
    XMLReader xml = XMLHelper.newXMLReader();
    xml.setContentHandler(handler);
    xml.parse(new InputSource(in));
  }

  /** workbook.xml: the sheets in workbook order, their visibility, and the 1904 date system. */
  private static final class WorkbookPart extends DefaultHandler {
    final List<SheetInfo> sheets = new ArrayList<>();
    boolean date1904;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      if ("workbookPr".equals(localName)) {
        String v = atts.getValue("date1904");
        date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
      } else if ("sheet".equals(localName)) {
        String id = null;
        for (int i = 0; i < atts.getLength(); i++) {
          if ("id".equals(atts.getLocalName(i)) && atts.getURI(i).contains("relationships")) {
            id = atts.getValue(i);
          }
        }
        String state = atts.getValue("state");
        boolean hidden = "hidden".equals(state) || "veryHidden".equals(state);
        sheets.add(new SheetInfo(atts.getValue("name"), hidden, id));
      }
    }
  }

  /** A worksheet part: collects the cells of each row and hands the row to the scanner. */
  private static final class SheetPart extends DefaultHandler {
    private final TableScanner scanner;
    private final SharedStringsFile strings;
    private final CellStyles styles;
    private final NumberFormats formats;
    private final boolean date1904;

    RuntimeException failure;
    boolean stopped;

    private int[] formatIndexes;
    private String[] formatStrings;
    private int rowNumber;
    private int column;
    private Map<Integer, RawCell> cells;

    /** {@link #cells} went to the scanner, and so perhaps to the parse thread: never to change. */
    private boolean handedOver;

    private String type;
    private int style;
    private boolean inValue;
    private boolean inFormula;
    private boolean inInlineText;
    private boolean inPhonetic;
    private boolean hasValue;
    private boolean hasFormula;
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder formula = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();

    SheetPart(
        TableScanner scanner,
        SharedStringsFile strings,
        CellStyles styles,
        NumberFormats formats,
        boolean date1904) {
      this.scanner = scanner;
      this.strings = strings;
      this.styles = styles;
      this.formats = formats;
      this.date1904 = date1904;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts)
        throws SAXException {
      switch (localName) {
        case "row" -> {
          String r = atts.getValue("r");
          rowNumber = r != null ? Integer.parseInt(r.trim()) : rowNumber + 1;
          if (rowNumber > EXCEL_MAX_ROWS || rowNumber < 1) {
            failure = beyondExcel(rowNumber);
            throw new SAXException("stopped");
          }
          column = -1;
          cells = new HashMap<>();
          handedOver = false;
        }
        case "c" -> {
          String ref = atts.getValue("r");
          column = ref != null ? columnOf(ref, column + 1) : column + 1;
          type = atts.getValue("t");
          String s = atts.getValue("s");
          style = s == null ? 0 : Integer.parseInt(s.trim());
          value.setLength(0);
          formula.setLength(0);
          inline.setLength(0);
          hasValue = false;
          hasFormula = false;
        }
        case "v" -> {
          inValue = true;
          hasValue = true;
        }
        case "f" -> {
          inFormula = true;
          hasFormula = true;
        }
        case "rPh" -> inPhonetic = true;
        case "t" -> inInlineText = !inPhonetic;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        value.append(ch, start, length);
      } else if (inFormula) {
        formula.append(ch, start, length);
      } else if (inInlineText) {
        inline.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      switch (localName) {
        case "v" -> inValue = false;
        case "f" -> inFormula = false;
        case "t" -> inInlineText = false;
        case "rPh" -> inPhonetic = false;
        case "c" -> {
          RawCell cell = cell();
          if (cell != null) {
            unhandedCells().put(column, cell);
          }
        }
        case "row" -> {
          boolean more;
          try {
            handedOver = true;
            more = scanner.row(rowNumber, cells);
          } catch (RuntimeException e) {
            failure = e;
            throw new SAXException("stopped");
          }
          if (!more) {
            stopped = true;
            throw new SAXException("stopped");
          }
        }
        default -> {}
      }
    }

    /**
     * The map to put the current cell in. A cell after its row's end tag, or a row inside a row
     * (XML Excel never writes, but well-formed), went to the map of a row already handed over; it
     * goes to a copy now, as the parse thread may be reading that map. A row handed over again gets
     * the same cells as before.
     */
    private Map<Integer, RawCell> unhandedCells() {
      if (handedOver) {
        cells = new HashMap<>(cells);
        handedOver = false;
      }
      return cells;
    }

    private RawCell cell() {
      String t = type == null ? "n" : type;
      switch (t) {
        case "s":
          if (!hasValue || value.toString().isBlank()) {
            return null;
          }
          return RawCell.text(strings.text(Integer.parseInt(value.toString().trim())));
        case "inlineStr":
          return RawCell.text(hasValue ? value.toString() : inline.toString());
        case "str":
          return hasValue ? RawCell.text(value.toString()) : noValue();
        case "b":
          return hasValue ? RawCell.bool("1".equals(value.toString().trim())) : noValue();
        case "e":
          return hasValue ? RawCell.error(value.toString().trim()) : noValue();
        case "d":
          if (!hasValue) {
            return noValue();
          }
          return isoDate(value.toString().trim());
        default:
          if (!hasValue || value.toString().isBlank()) {
            return noValue();
          }
          return number(Double.parseDouble(value.toString().trim()));
      }
    }

    /** A cell without a value: blank, or a formula that was saved without its result. */
    private RawCell noValue() {
      return hasFormula ? RawCell.noCachedValue(formula.toString()) : null;
    }

    private RawCell number(double v) {
      int index = 0;
      String format = null;
      if (styles != null && style >= 0 && style < styles.size()) {
        if (formatIndexes == null) {
          formatIndexes = new int[styles.size()];
          formatStrings = new String[styles.size()];
          java.util.Arrays.fill(formatIndexes, -1);
        }
        // a style's number format is looked up once
        if (formatIndexes[style] < 0) {
          formatIndexes[style] = styles.formatIndex(style);
          formatStrings[style] = styles.formatString(style);
        }
        index = formatIndexes[style];
        format = formatStrings[style];
      }
      return formats.number(v, index, format, date1904);
    }

    /** t="d": an ISO 8601 date-time value (rare; written by some generators). */
    private RawCell isoDate(String iso) {
      try {
        java.time.LocalDateTime dt =
            iso.length() <= 10
                ? java.time.LocalDate.parse(iso).atStartOfDay()
                : java.time.LocalDateTime.parse(
                    iso.endsWith("Z") ? iso.substring(0, iso.length() - 1) : iso);
        double serial = DateUtil.getExcelDate(dt, date1904);
        return formats.number(serial, 14, "yyyy/m/d", date1904);
      } catch (RuntimeException e) {
        return RawCell.text(iso);
      }
    }

    private ClaimsFileException beyondExcel(int row) {
      return ClaimsFileException.at(
          scanner.file(),
          scanner.sheet(),
          0,
          "行号 " + row + " 超出 Excel 工作表的范围（第 1 至 1,048,576 行）：这不是 Excel 保存的文件；请在 Excel 中打开并另存后再试",
          "row number "
              + row
              + " is outside an Excel worksheet (rows 1 to 1,048,576): the file was not saved by"
              + " Excel; open it in Excel, save it again and retry",
          null);
    }

    private static int columnOf(String ref, int fallback) {
      int i = 0;
      while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
        i++;
      }
      if (i == 0) {
        return fallback;
      }
      return CellReference.convertColStringToIndex(ref.substring(0, i));
    }
  }
}
