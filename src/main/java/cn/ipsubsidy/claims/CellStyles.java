package cn.ipsubsidy.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The number format of each cell style of an .xlsx ({@code xl/styles.xml}): all a claims reader
 * needs of the styles, to tell a date from a number. Read with SAX: POI's {@code StylesTable}
 * builds XML beans for the whole style sheet, and loading POI's schema types for it was the largest
 * part of reading a quarter's claims. Gives what {@code StylesTable.getStyleAt(i).getDataFormat()}
 * and {@code getDataFormatString()} give: the style's numFmtId, and its format code from the file's
 * own {@code numFmts}, else the built-in format of that id.
 */
final class CellStyles extends DefaultHandler {
  private final List<Integer> formatIds = new ArrayList<>();
  private final Map<Integer, String> customFormats = new HashMap<>();
  private boolean inCellXfs;

  /** The cell styles ({@code cellXfs}), as many as the file has. */
  int size() {
    return formatIds.size();
  }

  /** The numFmtId of style {@code index} (0, General, when it names none). */
  int formatIndex(int index) {
    return formatIds.get(index);
  }

  /** The format code of style {@code index}: the file's own, else the built-in one, else null. */
  String formatString(int index) {
    int id = formatIds.get(index);
    String custom = customFormats.get(id);
    return custom != null ? custom : BuiltinFormats.getBuiltinFormat(id);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) {
    switch (localName) {
      case "numFmt" -> {
        Integer id = integer(atts.getValue("numFmtId"));
        String code = atts.getValue("formatCode");
        if (id != null && code != null) {
          customFormats.put(id, code);
        }
      }
      case "cellXfs" -> inCellXfs = true;
      case "xf" -> {
        if (inCellXfs) {
          Integer id = integer(atts.getValue("numFmtId"));
          // as XSSFCellStyle.getDataFormat: the id as a short
          formatIds.add(id == null ? 0 : (int) (short) id.intValue());
        }
      }
      default -> {
        // fonts, fills, borders, cellStyleXfs (whose xf are not cell styles), dxfs …: not needed
      }
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    if (localName.equals("cellXfs")) {
      inCellXfs = false;
    }
  }

  private static Integer integer(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
