package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code calc} on the bundled samples as a clerk would and reads the payout workbook back:
 * statuses and amounts worked out by hand (src/test/resources/e2e/*-expected.csv), 汇总 equal to the
 * sum of 明细, and every paid claim traced in 审计 and the audit CSV alike.
 */
class CalcEndToEndTest {
  @TempDir Path dir;

  @Test
  void lianyungangSampleWithLocalRules() throws Exception {
    Path claims = copySample("claims-2025Q1-lianyungang.xlsx");
    Path rules = copySample("local-rules.yaml");
    Cli r = Cli.inDir(dir, "calc", claims.toString(), "--rules", rules.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("2025Q1").contains("claims-2025Q1-lianyungang-payout.xlsx");
    Path book = dir.resolve("claims-2025Q1-lianyungang-payout.xlsx");
    Path audit = dir.resolve("claims-2025Q1-lianyungang-audit.csv");
    checkAgainstHandWorkedTable(book, audit, "/e2e/lianyungang-expected.csv");
    try (XSSFWorkbook wb = new XSSFWorkbook(book.toFile())) {
      // 1a's amount came from the local rules file, and the audit trail says so with its line
      assertThat(auditRows(wb, "LYG-2025Q1-001"))
          .anySatisfy(s -> assertThat(s).contains("local-rules.yaml:"));
      // the capped 2a line names the annual cap in 说明
      assertThat(detailRows(wb).get("LYG-2025Q1-005").get(12)).contains("年度上限");
    }
  }

  @Test
  void wuxiSampleInGb18030() throws Exception {
    Path claims = copySample("claims-2025Q1-wuxi.csv");
    Cli r = Cli.inDir(dir, "calc", claims.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    checkAgainstHandWorkedTable(
        dir.resolve("claims-2025Q1-wuxi-payout.xlsx"),
        dir.resolve("claims-2025Q1-wuxi-audit.csv"),
        "/e2e/wuxi-expected.csv");
  }

  @Test
  void anExistingOutputIsKeptWithoutForce() throws Exception {
    Path claims = copySample("claims-2025Q1-wuxi.csv");
    Path book = dir.resolve("claims-2025Q1-wuxi-payout.xlsx");
    Files.writeString(book, "earlier run");
    Cli r = Cli.inDir(dir, "calc", claims.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--force").doesNotContain("Exception");
    assertThat(Files.readString(book)).isEqualTo("earlier run");
    assertThat(Cli.inDir(dir, "calc", claims.toString(), "--force").exit()).isZero();
    assertThat(Files.size(book)).isGreaterThan(1000);
  }

  @Test
  void outputGoesWhereOutSaysWithTheAuditLogBesideIt() throws Exception {
    Path claims = copySample("claims-2025Q1-wuxi.csv");
    Files.createDirectories(dir.resolve("out"));
    Cli r =
        Cli.inDir(dir, "calc", claims.toString(), "--out", dir.resolve("out/q1.xlsx").toString());
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(dir.resolve("out/q1.xlsx")).exists();
    assertThat(dir.resolve("out/claims-2025Q1-wuxi-audit.csv")).exists();
  }

  private Path copySample(String name) throws Exception {
    Path target = dir.resolve(name);
    Files.copy(Path.of("samples", name), target);
    return target;
  }

  /** 明细 rows by claim id: the 13 contract columns as displayed text (money as plain). */
  static Map<String, List<String>> detailRows(XSSFWorkbook wb) {
    Sheet s = wb.getSheet("明细");
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (int i = 1; i <= s.getLastRowNum(); i++) {
      Row row = s.getRow(i);
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < 13; c++) {
        cells.add(text(row.getCell(c)));
      }
      rows.put(cells.get(0), cells);
    }
    return rows;
  }

  static List<String> auditRows(XSSFWorkbook wb, String claimId) {
    Sheet s = wb.getSheet("审计");
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= s.getLastRowNum(); i++) {
      Row row = s.getRow(i);
      if (claimId.equals(text(row.getCell(0)))) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < 6; c++) {
          sb.append(text(row.getCell(c))).append(" | ");
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.NUMERIC) {
      return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2).toPlainString();
    }
    return cell.getStringCellValue();
  }

  private static void checkAgainstHandWorkedTable(Path book, Path audit, String expectedResource)
      throws Exception {
    List<CSVRecord> expected;
    try (Reader r =
        new InputStreamReader(
            CalcEndToEndTest.class.getResourceAsStream(expectedResource), StandardCharsets.UTF_8)) {
      expected =
          CSVFormat.RFC4180.builder().setHeader().setCommentMarker('#').get().parse(r).getRecords();
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(book.toFile())) {
      assertThat(wb.getSheetName(0)).isEqualTo("汇总");
      assertThat(
              List.of(
                  wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3), wb.getSheetName(4)))
          .containsExactly("明细", "主体", "审计", "问题");
      Map<String, List<String>> detail = detailRows(wb);
      assertThat(detail.keySet())
          .containsExactlyElementsOf(expected.stream().map(e -> e.get("claim_id")).toList());
      BigDecimal sum = BigDecimal.ZERO;
      for (CSVRecord e : expected) {
        List<String> row = detail.get(e.get("claim_id"));
        String why = e.get("claim_id") + " (" + e.get("hand") + "): " + row.get(12);
        assertThat(row.get(6)).as(why).isEqualTo(e.get("status"));
        assertThat(row.get(7)).as(why).isEqualTo(e.get("computed"));
        assertThat(row.get(8)).as(why).isEqualTo(e.get("paid"));
        assertThat(row.get(9)).as(why).isEqualTo(e.get("city"));
        assertThat(row.get(10)).as(why).isEqualTo(e.get("district"));
        sum = sum.add(new BigDecimal(row.get(8)));
        if (e.get("status").equals("核发")) {
          assertThat(row.get(11)).as(why).matches(".+〔20\\d\\d〕\\d+号 第.+条");
          assertThat(auditRows(wb, e.get("claim_id"))).as(why).isNotEmpty();
        }
      }
      assertThat(summaryClauseTotal(wb)).isEqualByComparingTo(sum);
      // 审计 and the audit CSV hold the same steps, row for row
      List<String> sheetSteps = new ArrayList<>();
      Sheet s = wb.getSheet("审计");
      for (int i = 1; i <= s.getLastRowNum(); i++) {
        Row row = s.getRow(i);
        sheetSteps.add(
            text(row.getCell(0)) + "|" + text(row.getCell(1)) + "|" + text(row.getCell(5)));
      }
      List<String> csvSteps = new ArrayList<>();
      String csv = Files.readString(audit, StandardCharsets.UTF_8);
      assertThat(csv).startsWith("\uFEFF");
      for (CSVRecord rec :
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .get()
              .parse(new java.io.StringReader(csv.substring(1)))) {
        csvSteps.add(rec.get("claim_id") + "|" + rec.get("step") + "|" + rec.get("result"));
      }
      assertThat(csvSteps).containsExactlyElementsOf(sheetSteps);
    }
  }

  /** The 合计 row of the per-clause table on 汇总 (columns 条款 … 核发金额). */
  private static BigDecimal summaryClauseTotal(XSSFWorkbook wb) {
    Sheet s = wb.getSheet("汇总");
    boolean inTable = false;
    for (int i = 0; i <= s.getLastRowNum(); i++) {
      Row row = s.getRow(i);
      if (row == null) {
        continue;
      }
      String a = text(row.getCell(0));
      if (a.equals("条款") && text(row.getCell(4)).equals("核发金额")) {
        inTable = true;
      } else if (inTable && a.equals("合计")) {
        return new BigDecimal(text(row.getCell(4)));
      }
    }
    throw new AssertionError("汇总 has no per-clause 合计 row");
  }
}
