package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.claims.ClaimColumn;
import cn.ipsubsidy.claims.EntityIds;
import cn.ipsubsidy.report.ClaimsTemplateWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template a clerk sends out: its headers are the contract's, its drop-downs and validation are
 * in place, and a template filled in as an applicant would (drop-down text for 条款) and read back by
 * calc pays the amounts worked out by hand.
 */
class TemplateCommandTest {
  @TempDir Path dir;

  @Test
  void templateHasTheContractHeadersListsValidationAndClauseSheet() throws Exception {
    Path t = dir.resolve("t.xlsx");
    Cli r = Cli.run("template", "lyg-2021", "-o", t.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    try (XSSFWorkbook wb = new XSSFWorkbook(t.toFile())) {
      XSSFSheet s = wb.getSheet(ClaimsTemplateWriter.SHEET);
      assertThat(wb.getSheetIndex(s)).isZero();
      Row header = s.getRow(1);
      for (ClaimColumn c : ClaimColumn.values()) {
        Cell cell = header.getCell(c.ordinal());
        assertThat(cell.getStringCellValue()).isEqualTo(c.zh());
        assertThat(cell.getCellComment().getString().getString()).startsWith(c.en());
      }
      assertThat(s.getPaneInformation().isFreezePane()).isTrue();
      assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
      Map<Integer, DataValidation> byColumn = new HashMap<>();
      for (DataValidation v : s.getDataValidations()) {
        byColumn.put(v.getRegions().getCellRangeAddress(0).getFirstColumn(), v);
        assertThat(v.getShowPromptBox()).isTrue();
      }
      assertThat(byColumn).hasSize(ClaimColumn.values().length);
      for (ClaimColumn c :
          List.of(
              ClaimColumn.CLAUSE,
              ClaimColumn.ENTITY_TYPE,
              ClaimColumn.DISTRICT,
              ClaimColumn.LEVEL)) {
        var con = byColumn.get(c.ordinal()).getValidationConstraint();
        assertThat(con.getValidationType()).isEqualTo(ValidationType.LIST);
        // from a hidden sheet's range, never an inline list (Excel's 255-character limit)
        assertThat(con.getFormula1()).startsWith("'选项'!");
      }
      assertThat(wb.getSheetVisibility(wb.getSheetIndex("选项"))).isEqualTo(SheetVisibility.HIDDEN);
      assertThat(
              byColumn
                  .get(ClaimColumn.EVENT_DATE.ordinal())
                  .getValidationConstraint()
                  .getValidationType())
          .isEqualTo(ValidationType.DATE);
      assertThat(
              byColumn
                  .get(ClaimColumn.BASIS.ordinal())
                  .getValidationConstraint()
                  .getValidationType())
          .isEqualTo(ValidationType.DECIMAL);
      Sheet lists = wb.getSheet("选项");
      assertThat(lists.getRow(1).getCell(0).getStringCellValue())
          .isEqualTo("lyg-2021/1a 发明专利授权(含PCT及其他途径境外授权)");

      Sheet clauses = wb.getSheet(ClaimsTemplateWriter.CLAUSE_SHEET);
      assertThat(clauses.getLastRowNum())
          .isEqualTo(
              cn.ipsubsidy.policy.PolicyLoader.bundled()
                  .document("lyg-2021")
                  .orElseThrow()
                  .clauses()
                  .size());
      Row madrid = find(clauses, "lyg-2021/2a");
      assertThat(madrid.getCell(4).getStringCellValue()).contains("10,000.00");
      assertThat(madrid.getCell(5).getStringCellValue()).contains("30,000.00");
      assertThat(madrid.getCell(7).getStringCellValue()).contains("指标");
      assertThat(madrid.getCell(8).getStringCellValue()).contains("1万元");

      // printed: landscape, one page wide, the title and header (条款说明: the header) atop each
      // page, the quoted policy text wrapped on a row tall enough for it
      for (Sheet sheet : List.of(s, clauses)) {
        assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
        assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
      }
      assertThat(s.getRepeatingRows().getLastRow()).isEqualTo(1);
      assertThat(clauses.getRepeatingRows().getLastRow()).isZero();
      assertThat(madrid.getCell(8).getCellStyle().getWrapText()).isTrue();
      assertThat(madrid.getHeightInPoints()).isGreaterThan(clauses.getDefaultRowHeightInPoints());
    }
  }

  @Test
  void aFilledTemplateReadBackByCalcPaysTheHandWorkedAmounts() throws Exception {
    Path t = dir.resolve("claims.xlsx");
    assertThat(Cli.run("template", "lyg-2021", "-o", t.toString()).exit()).isZero();
    String e1 = uscc("91320706MA1000001");
    String e2 = uscc("91320706MA1000003");
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(t))) {
      Sheet s = wb.getSheet(ClaimsTemplateWriter.SHEET);
      // 2 marks designated in 12 countries: 10,000 × 2 = 20,000 (under the 30,000 annual cap)
      fill(
          s,
          2,
          "T-1",
          e1,
          "企业",
          "海州区",
          "lyg-2021/2a 马德里商标国际注册(延伸注册国≥10)",
          2,
          null,
          null,
          null,
          12L);
      // national demonstration park: 500,000
      fill(s, 3, "T-2", e2, "园区", "连云区", "lyg-2021/4a 新认定知识产权示范园区", 1, "国家", null, null, null);
      // pledge-loan interest: 50% × 120,000 = 60,000
      fill(
          s,
          4,
          "T-3",
          e1,
          "企业",
          "海州区",
          "lyg-2021/9a 知识产权质押贷款利息及评估等服务费用补助",
          1,
          null,
          120000.0,
          null,
          null);
      // operating platform, approved 250,000 above the 200,000 max → 200,000
      fill(
          s,
          5,
          "T-4",
          e2,
          "服务机构",
          "连云区",
          "lyg-2021/5b 省、市级知识产权运营平台或运营服务机构",
          1,
          null,
          null,
          250000.0,
          null);
      try (OutputStream os = Files.newOutputStream(dir.resolve("filled.xlsx"))) {
        wb.write(os);
      }
    }
    Cli r = Cli.inDir(dir, "calc", dir.resolve("filled.xlsx").toString(), "--dry-run");
    assertThat(r.exit()).as(r.all()).isZero();
    Map<String, Double> paid = new HashMap<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(dir.resolve("filled-payout.xlsx").toFile())) {
      Sheet detail = wb.getSheet("明细");
      for (int i = 1; i <= detail.getLastRowNum(); i++) {
        Row row = detail.getRow(i);
        paid.put(row.getCell(0).getStringCellValue(), row.getCell(8).getNumericCellValue());
      }
    }
    assertThat(paid)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("T-1", 20000.0, "T-2", 500000.0, "T-3", 60000.0, "T-4", 200000.0));
  }

  private static void fill(
      Sheet s,
      int r,
      String id,
      String entity,
      String type,
      String district,
      String clause,
      int qty,
      String level,
      Double basis,
      Double approved,
      Long metric) {
    Row row = s.createRow(r);
    row.createCell(ClaimColumn.CLAIM_ID.ordinal()).setCellValue(id);
    row.createCell(ClaimColumn.ENTITY_ID.ordinal()).setCellValue(entity);
    row.createCell(ClaimColumn.ENTITY_NAME.ordinal()).setCellValue("申报单位" + id);
    row.createCell(ClaimColumn.ENTITY_TYPE.ordinal()).setCellValue(type);
    row.createCell(ClaimColumn.DISTRICT.ordinal()).setCellValue(district);
    row.createCell(ClaimColumn.CLAUSE.ordinal()).setCellValue(clause);
    Cell date = row.createCell(ClaimColumn.EVENT_DATE.ordinal());
    date.setCellValue(LocalDate.of(2025, 2, 10));
    date.setCellStyle(s.getColumnStyle(ClaimColumn.EVENT_DATE.ordinal()));
    row.createCell(ClaimColumn.QUANTITY.ordinal()).setCellValue(qty);
    if (level != null) {
      row.createCell(ClaimColumn.LEVEL.ordinal()).setCellValue(level);
    }
    if (basis != null) {
      row.createCell(ClaimColumn.BASIS.ordinal()).setCellValue(basis);
    }
    if (approved != null) {
      row.createCell(ClaimColumn.APPROVED_AMOUNT.ordinal()).setCellValue(approved);
    }
    if (metric != null) {
      row.createCell(ClaimColumn.METRIC.ordinal()).setCellValue(metric);
    }
  }

  private static Row find(Sheet s, String codePrefix) {
    for (Row row : s) {
      if (row.getCell(0).getStringCellValue().startsWith(codePrefix + " ")) {
        return row;
      }
    }
    throw new AssertionError(codePrefix);
  }

  private static String uscc(String first17) {
    return first17 + EntityIds.usccCheckChar(first17);
  }
}
