package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.report.ComparisonWorkbookWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.XDDFColorRgbBinary;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "What would raising the Madrid cap cost?": compare's totals under A and B equal the totals of two
 * separate {@code calc --dry-run} runs, one per rules file, and nothing is posted.
 */
class CompareCommandTest {
  @TempDir Path dir;

  @Test
  void totalsEqualTwoSeparateDryRuns() throws Exception {
    Path claims = dir.resolve("claims.xlsx");
    Files.copy(Path.of("samples", "claims-2025Q1-lianyungang.xlsx"), claims);
    Path a = dir.resolve("today.yaml");
    Files.copy(Path.of("samples", "local-rules.yaml"), a);
    Path b = dir.resolve("madrid-50k.yaml");
    Files.writeString(
        b,
        Files.readString(a)
            + "  lyg-2021/2a:\n    annual_cap: 50000\n    reason: 测算：马德里年度上限提高到5万\n"
            + "  lyg-2021/9c:\n    amount: 20000\n    reason: 测算：证券化每件2万\n");

    Cli r =
        Cli.inDir(
            dir, "compare", claims.toString(), "--rules", a.toString(), "--rules-b", b.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("lyg-2021/2a").contains("差额 B−A：");

    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    Path bookA = dir.resolve("a/payout.xlsx");
    Path bookB = dir.resolve("b/payout.xlsx");
    assertThat(
            Cli.inDir(
                    dir,
                    "calc",
                    claims.toString(),
                    "--rules",
                    a.toString(),
                    "--dry-run",
                    "-o",
                    bookA.toString())
                .exit())
        .isZero();
    assertThat(
            Cli.inDir(
                    dir,
                    "calc",
                    claims.toString(),
                    "--rules",
                    b.toString(),
                    "--dry-run",
                    "-o",
                    bookB.toString())
                .exit())
        .isZero();
    BigDecimal paidA = paidTotal(bookA);
    BigDecimal paidB = paidTotal(bookB);
    assertThat(paidB).isGreaterThan(paidA);

    try (XSSFWorkbook wb = new XSSFWorkbook(dir.resolve("claims-compare.xlsx").toFile())) {
      Sheet summary = wb.getSheet(ComparisonWorkbookWriter.SUMMARY);
      assertThat(money(summaryRow(summary, "A").getCell(2).getNumericCellValue()))
          .isEqualByComparingTo(paidA);
      assertThat(money(summaryRow(summary, "B").getCell(2).getNumericCellValue()))
          .isEqualByComparingTo(paidB);
      assertThat(money(summaryRow(summary, "差额 B−A").getCell(2).getNumericCellValue()))
          .isEqualByComparingTo(paidB.subtract(paidA));
      for (String name :
          new String[] {
            ComparisonWorkbookWriter.BY_CLAUSE,
            ComparisonWorkbookWriter.BY_DISTRICT,
            ComparisonWorkbookWriter.BY_ENTITY
          }) {
        Row total = wb.getSheet(name).getRow(wb.getSheet(name).getLastRowNum());
        assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
        assertThat(money(total.getCell(3).getNumericCellValue()))
            .as(name)
            .isEqualByComparingTo(paidA);
        assertThat(money(total.getCell(4).getNumericCellValue()))
            .as(name)
            .isEqualByComparingTo(paidB);
      }
      XSSFSheet byClause = wb.getSheet(ComparisonWorkbookWriter.BY_CLAUSE);
      assertThat(byClause.getDrawingPatriarch().getCharts()).hasSize(1);
      XDDFChartData bars =
          byClause.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0);
      // A and B each filled, in two colours (LibreOffice leaves a series without a fill blank)
      assertThat(List.of(fill(bars.getSeries(0)), fill(bars.getSeries(1))))
          .doesNotContainNull()
          .doesNotHaveDuplicates();
      Sheet changed = wb.getSheet(ComparisonWorkbookWriter.CHANGED);
      assertThat(changed.getLastRowNum()).isPositive();
      assertThat(changed.getRow(1).getCell(2).getStringCellValue()).startsWith("lyg-2021/");
    }
    // nothing posted
    Cli runs = Cli.inDir(dir, "ledger", "runs");
    assertThat(runs.all()).doesNotContain("2025Q1-");
  }

  @Test
  void withoutAnyRulesFileItSaysWhatToGive() throws Exception {
    Path claims = dir.resolve("claims.xlsx");
    Files.copy(Path.of("samples", "claims-2025Q1-lianyungang.xlsx"), claims);
    Cli r = Cli.run("compare", claims.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--rules-b");
  }

  /** A series' solid fill as hex RGB, or null when it has none. */
  private static String fill(XDDFChartData.Series series) {
    return series.getShapeProperties() != null
            && series.getShapeProperties().getFillProperties()
                instanceof XDDFSolidFillProperties solid
            && solid.getColor() instanceof XDDFColorRgbBinary rgb
        ? HexFormat.of().formatHex(rgb.getValue())
        : null;
  }

  private static Row summaryRow(Sheet s, String label) {
    for (Row row : s) {
      if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
        return row;
      }
    }
    throw new AssertionError(label);
  }

  private static BigDecimal paidTotal(Path book) throws Exception {
    BigDecimal sum = BigDecimal.ZERO;
    try (XSSFWorkbook wb = new XSSFWorkbook(book.toFile())) {
      Sheet detail = wb.getSheet("明细");
      for (int i = 1; i <= detail.getLastRowNum(); i++) {
        sum = sum.add(money(detail.getRow(i).getCell(8).getNumericCellValue()));
      }
    }
    return sum;
  }

  private static BigDecimal money(double v) {
    return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
