package cn.ipsubsidy.claims;

import static cn.ipsubsidy.claims.Fixtures.USCC_A;
import static cn.ipsubsidy.claims.Fixtures.ZH_HEADERS;
import static cn.ipsubsidy.testsupport.RawXlsx.textRow;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.testsupport.Crafted;
import cn.ipsubsidy.testsupport.RawXlsx;
import cn.ipsubsidy.testsupport.ZipBomb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files made to hurt the reader, or damaged on the way: each gets one plain bilingual sentence
 * naming the file, never the library's own text, and POI's safety limits stay on.
 */
class HostileFilesTest {
  @TempDir Path dir;

  static final String[] HEADER = ZH_HEADERS.subList(0, 7).toArray(new String[0]);

  /** The seven required cells of a claim that is paid 200,000 (lyg-2021/2b). */
  static String[] good7(String claimId) {
    return new String[] {claimId, USCC_A, "海创医药", "企业", "海州区", "lyg-2021/2b", "2025-02-01"};
  }

  static String[] withCell(String[] cells, int index, String value) {
    String[] copy = cells.clone();
    copy[index] = value;
    return copy;
  }

  static String good(int row, String claimId) {
    return textRow(row, good7(claimId));
  }

  private static ClaimsFileException fails(Path file) {
    try {
      ClaimsFiles.read(file, null, r -> {});
    } catch (ClaimsFileException e) {
      assertThat(e.message().zh()).contains(file.toString()).doesNotContain("\n");
      assertThat(e.message().en()).contains(file.toString()).doesNotContain("\n");
      return e;
    }
    throw new AssertionError("no ClaimsFileException for " + file);
  }

  @Test
  void aZipBombIsRefusedAtOnceWithAPlainSentence() throws IOException {
    Path bomb = ZipBomb.write(dir.resolve("bomb.xlsx"), textRow(1, HEADER), 2048);
    assertThat(Files.size(bomb)).isLessThan(4 << 20); // a few MB that inflate to 2 GB
    long start = System.nanoTime();
    ClaimsFileException e = fails(bomb);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    assertThat(e.message().zh()).contains("ZIP 炸弹").contains("拒绝读取");
    assertThat(e.message().en()).contains("zip bomb").doesNotContain("setMinInflateRatio");
  }

  /** The zip-bomb limits are POI's defaults, and nothing in the reader loosens them. */
  @Test
  void poisSafetyLimitsStayAtTheirDefaults() throws IOException {
    ClaimsFiles.readAll(
        RawXlsx.workbook()
            .sheet("Sheet1", textRow(1, HEADER) + good(2, "A1"))
            .write(dir.resolve("ok.xlsx")),
        null);
    assertThat(org.apache.poi.openxml4j.util.ZipSecureFile.getMinInflateRatio()).isEqualTo(0.01);
    assertThat(org.apache.poi.openxml4j.util.ZipSecureFile.getMaxEntrySize())
        .isEqualTo(0xFFFFFFFFL);
    assertThat(org.apache.poi.openxml4j.util.ZipSecureFile.getMaxTextSize())
        .isEqualTo(10 * 1024 * 1024L);
  }

  /** The parts an xlsx reader parses; a DOCTYPE in any of them is refused. */
  @ParameterizedTest
  @ValueSource(strings = {"sheet", "sharedStrings", "workbook", "contentTypes"})
  void aDoctypeWithAnExternalEntityIsRefusedAndNeverResolved(String part) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-PAYROLL-42");
    Path f =
        Crafted.doctypeWorkbook(
            dir.resolve("xxe-" + part + ".xlsx"), part, secret, textRow(1, HEADER), good(2, "A1"));
    ClaimsFileException e = fails(f);
    assertThat(e.message().zh()).contains("DOCTYPE").contains("拒绝读取");
    assertThat(e.message().en()).contains("DOCTYPE").contains("refused");
    assertThat(e.message().toString()).doesNotContain("TOP-SECRET");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 5})
  void aWorkbookCutShortSaysSo(int fraction) throws IOException {
    Path whole =
        RawXlsx.workbook()
            .sheet("Sheet1", textRow(1, HEADER) + good(2, "A1"))
            .write(dir.resolve("whole.xlsx"));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(bytes, bytes.length / fraction));
    ClaimsFileException e = fails(cut);
    assertThat(e.message().zh()).contains("文件不完整或已损坏");
    assertThat(e.message().en()).contains("the file is incomplete or damaged");
  }

  @Test
  void aRowNumberBeyondExcelsLastRowStopsTheRead() throws IOException {
    Path f =
        RawXlsx.workbook()
            .sheet("Sheet1", textRow(1, HEADER) + good(2, "A1") + good(1_048_577, "A2"))
            .write(dir.resolve("beyond.xlsx"));
    ClaimsFileException e = fails(f);
    assertThat(e.sheet()).isEqualTo("Sheet1");
    assertThat(e.message().en())
        .contains("sheet \"Sheet1\"")
        .contains("row number 1048577 is outside an Excel worksheet (rows 1 to 1,048,576)");
  }

  @Test
  void aCellLongerThanExcelAllowsIsACellProblemShownShortened() throws IOException {
    String huge = "x".repeat(40_000);
    Path f =
        RawXlsx.workbook()
            .sheet("Sheet1", textRow(1, HEADER) + textRow(2, withCell(good7("A1"), 2, huge)))
            .write(dir.resolve("long.xlsx"));
    ClaimRow row = ClaimsFiles.readAll(f, null).get(0);
    assertThat(row.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.column()).isEqualTo("主体名称 (C)");
              assertThat(p.reason().en()).contains("40000 characters, more than an Excel cell");
              assertThat(p.cellText()).hasSizeLessThan(1_100).endsWith("（共 40000 个字符 chars）");
            });
    assertThat(row.claim().entityName()).isNull();
  }

  @Test
  void aCellOfExactlyExcelsLimitIsRead() throws IOException {
    String[] cells = new String[ZH_HEADERS.size()];
    System.arraycopy(good7("A1"), 0, cells, 0, 7);
    cells[ZH_HEADERS.indexOf("备注")] = "x".repeat(RowParser.EXCEL_MAX_CELL_CHARS);
    Path f =
        RawXlsx.workbook()
            .sheet("Sheet1", textRow(1, ZH_HEADERS.toArray(new String[0])) + textRow(2, cells))
            .write(dir.resolve("most.xlsx"));
    ClaimRow row = ClaimsFiles.readAll(f, null).get(0);
    assertThat(row.problems()).isEmpty();
    assertThat(row.claim().note()).hasSize(RowParser.EXCEL_MAX_CELL_CHARS);
  }

  /** 申报编号 and 所属地区 span two rows; 主体 is a merged group label over three columns. */
  @Test
  void aHeaderOverTwoRowsIsNamedAsSuch() throws IOException {
    Path f = Crafted.twoRowHeader(dir.resolve("two-row-header.xlsx"), good(3, "A1"));
    ClaimsFileException e = fails(f);
    assertThat(e.row()).isEqualTo(1);
    assertThat(e.message().zh())
        .contains("表头缺少必填列：主体代码、主体名称、主体类型")
        .contains("下一行（第 2 行）写有 主体代码、主体名称、主体类型")
        .contains("表头只能占一行");
    assertThat(e.message().en())
        .contains("the next row (row 2) names 主体代码 (entity_id)")
        .contains("the header must be a single row");
  }

  @Test
  void aHeaderLackingColumnsWithPlainDataBelowKeepsThePlainMessage() throws IOException {
    Path f =
        RawXlsx.workbook()
            .sheet("Sheet1", textRow(1, "申报编号", "主体代码", "主体名称") + textRow(2, "A1", USCC_A, "海创"))
            .write(dir.resolve("lacking.xlsx"));
    assertThat(fails(f).message().en())
        .contains("row 1: the header row lacks required columns: 主体类型 (entity_type)")
        .doesNotContain("next row");
    Path last =
        RawXlsx.workbook()
            .sheet("Sheet1", textRow(1, "申报编号", "主体代码", "主体名称"))
            .write(dir.resolve("lacking-last.xlsx"));
    assertThat(fails(last).message().en()).contains("the header row lacks required columns");
  }

  /** Bilingual templates put the English names under the Chinese ones. */
  @Test
  void aSecondHeaderRowInEnglishIsSkippedNotReadAsAClaim() throws IOException {
    Function<Integer, String> english =
        r -> textRow(r, Fixtures.EN_HEADERS.subList(0, 7).toArray(new String[0]));
    Path f =
        RawXlsx.workbook()
            .sheet(
                "Sheet1",
                textRow(1, HEADER)
                    + english.apply(2)
                    + good(3, "A1")
                    + english.apply(4)
                    + good(5, "A2"))
            .write(dir.resolve("bilingual.xlsx"));
    List<ClaimRow> rows = new java.util.ArrayList<>();
    ReadResult r = ClaimsFiles.read(f, null, rows::add);
    assertThat(rows).extracting(x -> x.claim().claimId()).containsExactly("A1", "A2");
    assertThat(rows).allSatisfy(x -> assertThat(x.problems()).isEmpty());
    assertThat(r.skippedRows()).isEqualTo(2);
  }
}
