package cn.ipsubsidy.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The benchmark's writing floor: a bare {@link SXSSFWorkbook} write of as many sheets, rows and
 * cells as a profile (from {@link SaxCount} over the payout workbook) lists, text cells of the same
 * average length, number cells with a number format, and the payout writer's settings (a window of
 * 100 rows, compressed temporary files). No computing, no reading: only what writing costs.
 *
 * <p>{@code java -cp <test classpath> cn.ipsubsidy.bench.SxssfFloor OUT.xlsx PROFILE.tsv}
 */
public final class SxssfFloor {
  private SxssfFloor() {}

  /** Repetitive mixed text, like the trace and the explanations (so it compresses like them). */
  private static final String TEXT =
      "2 资格 eligibility 一次性 one-time 未曾核发 not paid before 3 金额 amount fixed 10,000.00/件 "
          + "连政发〔2021〕79号 第二条 年度上限 annual cap 核发 paid ";

  public static void main(String[] args) throws Exception {
    List<String> profile = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    long total = 0;
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[0])))) {
      wb.setCompressTempFiles(true);
      CellStyle money = wb.createCellStyle();
      money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
      for (String line : profile) {
        String[] f = line.split("\t");
        long rows = Long.parseLong(f[1]);
        long cells = Long.parseLong(f[2]);
        long textCells = Long.parseLong(f[3]);
        long textChars = Long.parseLong(f[4]);
        int avg = textCells == 0 ? 0 : (int) Math.max(1, textChars / textCells);
        Sheet sheet = wb.createSheet(f[0]);
        long j = 0;
        for (long r = 0; r < rows; r++) {
          long upTo = (r + 1) * cells / rows;
          Row row = sheet.createRow((int) r);
          int col = 0;
          for (; j < upTo; j++) {
            Cell cell = row.createCell(col++);
            // text for textCells of the cells, spread evenly
            if ((j + 1) * textCells / cells > j * textCells / cells) {
              cell.setCellValue(text(r, col, avg));
            } else {
              cell.setCellValue(r * 0.01 + col);
              cell.setCellStyle(money);
            }
          }
          total++;
        }
      }
      wb.write(out);
    }
    System.err.printf("SxssfFloor %s: %d rows%n", args[0], total);
  }

  private static String text(long row, int col, int length) {
    String head = row + "-" + col + " ";
    StringBuilder sb = new StringBuilder(length).append(head);
    int from = (int) ((row * 7 + col * 13) % TEXT.length());
    while (sb.length() < length) {
      int n = Math.min(length - sb.length(), TEXT.length() - from);
      sb.append(TEXT, from, from + n);
      from = 0;
    }
    sb.setLength(Math.min(sb.length(), length));
    return sb.toString();
  }
}
