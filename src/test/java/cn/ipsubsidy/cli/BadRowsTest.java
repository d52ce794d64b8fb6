package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row with bad data is not paid, is listed with sheet, row, column, cell text and a bilingual
 * reason, and the other rows go on (exit 1); --strict fails the whole run with nothing written.
 */
class BadRowsTest {
  @TempDir Path dir;
  Path claims;

  @BeforeEach
  void claimsWithOneBadMoneyCell() throws Exception {
    // Row 3 is good (lyg-2021/2b: 200,000); row 4 has 计算基数 "1.2.3" for lyg-2021/9a.
    String good =
        "91320706MA1000001" + cn.ipsubsidy.claims.EntityIds.usccCheckChar("91320706MA1000001");
    claims = dir.resolve("claims.csv");
    Files.writeString(
        claims,
        "2025年第一季度申报\n"
            + "申报编号,主体代码,主体名称,主体类型,所属地区,条款,事项日期,计算基数\n"
            + "A1,"
            + good
            + ",海创医药,企业,海州区,lyg-2021/2b,2025-02-01,\n"
            + "A2,"
            + good
            + ",海创医药,企业,海州区,lyg-2021/9a,2025-02-02,1.2.3\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void calcPaysTheGoodRowsListsTheBadOneAndExitsOne() throws Exception {
    Cli r = Cli.inDir(dir, "calc", claims.toString());
    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.out()).contains("第4行").contains("计算基数").contains("1.2.3");
    try (XSSFWorkbook wb = new XSSFWorkbook(dir.resolve("claims-payout.xlsx").toFile())) {
      var detail = CalcEndToEndTest.detailRows(wb);
      assertThat(detail.get("A1").get(6)).isEqualTo("核发");
      assertThat(detail.get("A1").get(8)).isEqualTo("200000.00");
      assertThat(detail.get("A2").get(6)).isEqualTo("不予核发");
      Sheet problems = wb.getSheet("问题");
      Row p = problems.getRow(1);
      // 工作表, 行号, 列, 单元格内容, 申报编号, 状态, 原因
      assertThat(p.getCell(0).getStringCellValue()).isEqualTo("claims.csv");
      assertThat((int) p.getCell(1).getNumericCellValue()).isEqualTo(4);
      assertThat(p.getCell(2).getStringCellValue()).contains("计算基数");
      assertThat(p.getCell(3).getStringCellValue()).isEqualTo("1.2.3");
      assertThat(p.getCell(4).getStringCellValue()).isEqualTo("A2");
      assertThat(p.getCell(6).getStringCellValue()).contains(" / ");
    }
  }

  @Test
  void strictWritesNothing() {
    Cli r = Cli.inDir(dir, "calc", claims.toString(), "--strict");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("--strict");
    assertThat(dir.resolve("claims-payout.xlsx")).doesNotExist();
    assertThat(dir.resolve("claims-audit.csv")).doesNotExist();
  }

  @Test
  void validateListsTheBadRowAndWritesNothing() {
    Cli r = Cli.run("validate", claims.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("第4行，计算基数 (H)「1.2.3」").contains("数据错误 1 行");
    Cli en = Cli.en("validate", claims.toString());
    assertThat(en.exit()).isEqualTo(1);
    assertThat(en.out()).contains("row 4, 计算基数 (H)「1.2.3」").contains("rows with bad data: 1");
    assertThat(dir.resolve("claims-payout.xlsx")).doesNotExist();
  }

  @Test
  void validateOnTheSamplesIsClean() {
    Cli r = Cli.run("validate", "samples/claims-2025Q1-wuxi.csv");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("全部行有效");
    assertThat(Cli.en("validate", "samples/claims-2025Q1-wuxi.csv").out())
        .contains("every row is valid");
  }
}
