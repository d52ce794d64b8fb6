package cn.ipsubsidy.app;

import cn.ipsubsidy.report.PayoutWorkbookWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Reads a payout workbook back as a clerk sees it: its sheets' cells as displayed text. */
final class PayoutSheets {
  static final String SUMMARY = "汇总";

  private PayoutSheets() {}

  /**
   * Opens a payout workbook read-only; a file that is not a workbook is a usage error, a missing
   * one a {@link NoSuchFileException}.
   */
  static Workbook open(Path workbook) throws IOException {
    if (!Files.exists(workbook)) {
      throw new NoSuchFileException(workbook.toString());
    }
    try {
      return WorkbookFactory.create(workbook.toFile(), null, true);
    } catch (IOException | RuntimeException e) {
      throw new UsageException(
          "无法读取核发明细表：" + workbook + "（" + e.getMessage() + "）",
          "cannot read the payout workbook " + workbook + " (" + e.getMessage() + ")",
          e);
    }
  }

  /** Whether a sheet holds (part of) a table: 明细, or its continuation 明细-2, 明细-3, …. */
  static boolean isPartOf(Sheet s, String table) {
    String name = s.getSheetName();
    return name.equals(table) || name.startsWith(table + "-");
  }

  /** The rows of every sheet of {@code table} ({@link PayoutWorkbookWriter#DETAIL}, …). */
  static List<Map<String, String>> table(Workbook wb, String table, DataFormatter f) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Sheet s : wb) {
      if (isPartOf(s, table)) {
        out.addAll(rows(s, f));
      }
    }
    return out;
  }

  /** The rows of a table sheet as header → displayed text. */
  static List<Map<String, String>> rows(Sheet s, DataFormatter f) {
    List<Map<String, String>> out = new ArrayList<>();
    Row header = s.getRow(0);
    if (header == null) {
      return out;
    }
    for (int r = 1; r <= s.getLastRowNum(); r++) {
      Row row = s.getRow(r);
      if (row == null) {
        continue;
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (int c = 0; c < header.getLastCellNum(); c++) {
        m.put(f.formatCellValue(header.getCell(c)), f.formatCellValue(row.getCell(c)));
      }
      out.add(m);
    }
    return out;
  }

  /**
   * The run facts atop 汇总: each label (运行编号, 期间, 政策文件, …) with its rows of values; a row without a
   * label continues the one above (a second policy document). Empty when the workbook has no 汇总.
   */
  static Map<String, List<List<String>>> facts(Workbook wb, DataFormatter f) {
    Map<String, List<List<String>>> facts = new LinkedHashMap<>();
    Sheet s = wb.getSheet(SUMMARY);
    if (s == null) {
      return facts;
    }
    String label = null;
    for (int r = 1; r <= s.getLastRowNum(); r++) {
      Row row = s.getRow(r);
      if (row == null) {
        if (label != null) {
          break; // the blank row below the facts
        }
        continue;
      }
      String first = f.formatCellValue(row.getCell(0));
      if (!first.isEmpty()) {
        label = first;
      }
      List<String> values = new ArrayList<>();
      for (int c = 1; c < row.getLastCellNum(); c++) {
        values.add(f.formatCellValue(row.getCell(c)));
      }
      if (label != null) {
        facts.computeIfAbsent(label, k -> new ArrayList<>()).add(values);
      }
    }
    return facts;
  }
}
