package cn.ipsubsidy.claims;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds small claims files for the tests: xlsx and xls with POI, CSV as bytes. */
final class Fixtures {
  private Fixtures() {}

  /** A formula cell; its cached value is computed unless the workbook is written without. */
  record Formula(String formula) {}

  /** A value with a number format: a format string, or a built-in format index. */
  record Styled(Object value, String format, int builtin) {
    static Styled format(Object value, String format) {
      return new Styled(value, format, -1);
    }

    static Styled builtin(Object value, int index) {
      return new Styled(value, null, index);
    }
  }

  static final List<String> ZH_HEADERS =
      List.of(
          "申报编号", "主体代码", "主体名称", "主体类型", "所属地区", "条款", "事项日期", "数量", "级别", "计算基数", "扣除金额", "发生费用",
          "核定金额", "指标", "指标2", "成立日期", "凭证号", "备注");

  static final List<String> EN_HEADERS =
      List.of(
          "claim_id",
          "entity_id",
          "entity_name",
          "entity_type",
          "district",
          "clause",
          "event_date",
          "quantity",
          "level",
          "basis",
          "deduction",
          "fees_incurred",
          "approved_amount",
          "metric",
          "metric2",
          "established_date",
          "reference_no",
          "note");

  /** A valid USCC built from 17 characters. */
  static String uscc(String first17) {
    return first17 + EntityIds.usccCheckChar(first17);
  }

  /** A valid resident ID built from 17 digits. */
  static String residentId(String first17) {
    return first17 + EntityIds.residentIdCheckChar(first17);
  }

  static final String USCC_A = uscc("91320700MA1MA0XK1");
  static final String USCC_B = uscc("12320700466000000");
  static final String PERSON = residentId("32070219800101123");

  @SafeVarargs
  static List<List<Object>> rows(List<Object>... rows) {
    List<List<Object>> out = new ArrayList<>(rows.length);
    for (List<Object> r : rows) {
      out.add(r);
    }
    return out;
  }

  static List<Object> row(Object... cells) {
    return new ArrayList<>(Arrays.asList(cells));
  }

  static List<Object> header(List<String> names) {
    return new ArrayList<>(names);
  }

  /** Sheets in order: name → rows (null rows are left out entirely). */
  static Map<String, List<List<Object>>> sheets(Object... nameThenRows) {
    Map<String, List<List<Object>>> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenRows.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<List<Object>> rows = (List<List<Object>>) nameThenRows[i + 1];
      m.put((String) nameThenRows[i], rows);
    }
    return m;
  }

  static Path xlsx(Path dir, String name, List<List<Object>> rows) throws IOException {
    return write(new XSSFWorkbook(), dir.resolve(name), sheets("Sheet1", rows), Set.of(), true);
  }

  static Path xls(Path dir, String name, List<List<Object>> rows) throws IOException {
    return write(new HSSFWorkbook(), dir.resolve(name), sheets("Sheet1", rows), Set.of(), true);
  }

  static Path write(
      Workbook wb,
      Path file,
      Map<String, List<List<Object>>> sheets,
      Set<String> hidden,
      boolean evaluate)
      throws IOException {
    try (wb) {
      fill(wb, sheets, hidden, evaluate);
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    return file;
  }

  static void fill(
      Workbook wb, Map<String, List<List<Object>>> sheets, Set<String> hidden, boolean evaluate) {
    CellStyle dateStyle = wb.createCellStyle();
    dateStyle.setDataFormat((short) 14);
    Map<String, CellStyle> styles = new LinkedHashMap<>();
    for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
      Sheet sheet = wb.createSheet(e.getKey());
      if (hidden.contains(e.getKey())) {
        wb.setSheetHidden(wb.getSheetIndex(sheet), true);
      }
      int r = 0;
      for (List<Object> values : e.getValue()) {
        if (values == null) {
          r++;
          continue;
        }
        Row row = sheet.createRow(r++);
        for (int c = 0; c < values.size(); c++) {
          Object v = values.get(c);
          if (v == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (v instanceof Styled s) {
            CellStyle st =
                styles.computeIfAbsent(
                    s.format() + "#" + s.builtin(),
                    k -> {
                      CellStyle cs = wb.createCellStyle();
                      cs.setDataFormat(
                          s.format() != null
                              ? wb.createDataFormat().getFormat(s.format())
                              : (short) s.builtin());
                      return cs;
                    });
            cell.setCellStyle(st);
            v = s.value();
          }
          if (v instanceof String str) {
            cell.setCellValue(str);
          } else if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            if (cell.getCellStyle().getDataFormat() == 0) {
              cell.setCellStyle(dateStyle);
            }
          } else if (v instanceof Boolean b) {
            cell.setCellValue(b);
          } else if (v instanceof Formula f) {
            cell.setCellFormula(f.formula());
          } else {
            throw new IllegalArgumentException(v.getClass().toString());
          }
        }
      }
    }
    if (evaluate) {
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }
  }

  /** CSV text of the rows (fields quoted when needed), lines ended by CRLF as Excel writes. */
  static String csv(List<List<Object>> rows, char delimiter) {
    StringBuilder b = new StringBuilder();
    for (List<Object> row : rows) {
      if (row != null) {
        for (int i = 0; i < row.size(); i++) {
          if (i > 0) {
            b.append(delimiter);
          }
          Object v = row.get(i);
          String s = v == null ? "" : v.toString();
          if (s.indexOf(delimiter) >= 0 || s.contains("\"") || s.contains("\n")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
          }
          b.append(s);
        }
      }
      b.append("\r\n");
    }
    return b.toString();
  }

  static Path csvFile(Path dir, String name, String text, Charset cs, boolean bom)
      throws IOException {
    byte[] body = text.getBytes(cs);
    byte[] out = body;
    if (bom) {
      out = new byte[body.length + 3];
      out[0] = (byte) 0xEF;
      out[1] = (byte) 0xBB;
      out[2] = (byte) 0xBF;
      System.arraycopy(body, 0, out, 3, body.length);
    }
    return Files.write(dir.resolve(name), out);
  }

  /** A full, valid data row under {@link #ZH_HEADERS} order. */
  static List<Object> goodRow(String claimId) {
    return row(
        claimId,
        USCC_A,
        "连云港某某科技有限公司",
        "企业",
        "海州区",
        "lyg-2021/2a",
        LocalDate.of(2025, 3, 1),
        2,
        "国家",
        100000,
        20000,
        5000.5,
        12345.6,
        3,
        0,
        LocalDate.of(2010, 5, 20),
        "ZL202310000001.1；ZL202310000002.X",
        "备注");
  }
}
