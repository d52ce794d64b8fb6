package cn.ipsubsidy.claims;

import static cn.ipsubsidy.claims.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipsubsidy.domain.ClaimRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadTest {
  @TempDir Path dir;

  /** goodRow with text values as a CSV writer from Excel would have them. */
  private static List<Object> textRow(String id) {
    List<Object> r = goodRow(id);
    r.set(6, "2025/3/1");
    r.set(15, "2010年5月20日");
    r.set(9, "100,000.00");
    return r;
  }

  private List<List<Object>> sample() {
    return rows(
        row("2025年第一季度知识产权资助申报汇总表"),
        row(),
        header(ZH_HEADERS),
        textRow("C-1"),
        row(),
        textRow("C-2"),
        row("合计", "", "", "", "", "", "", "", "", "200000"));
  }

  private void assertSample(Path file, String format) {
    List<ClaimRow> got = new ArrayList<>();
    ReadResult r = ClaimsFiles.read(file, null, got::add);
    assertThat(r.format()).isEqualTo(format);
    assertThat(r.sheet()).isEqualTo(file.getFileName().toString());
    assertThat(r.headerRow()).isEqualTo(3);
    assertThat(r.dataRows()).isEqualTo(2);
    assertThat(r.skippedRows()).isEqualTo(1);
    assertThat(got).extracting(x -> x.location().row()).containsExactly(4, 6);
    ClaimRow first = got.get(0);
    assertThat(first.problems()).isEmpty();
    assertThat(first.location().sheet()).isEqualTo(file.getFileName().toString());
    assertThat(first.claim().entityName()).isEqualTo("连云港某某科技有限公司");
    assertThat(first.claim().district()).isEqualTo("海州区");
    assertThat(first.claim().eventDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(first.claim().establishedDate()).isEqualTo(LocalDate.of(2010, 5, 20));
    assertThat(first.claim().basis()).isEqualTo(new BigDecimal("100000.00"));
    assertThat(first.claim().feesIncurred()).isEqualTo(new BigDecimal("5000.50"));
    assertThat(first.claim().references()).hasSize(2);
  }

  @Test
  void utf8() throws IOException {
    Path f = csvFile(dir, "u8.csv", csv(sample(), ','), StandardCharsets.UTF_8, false);
    assertSample(f, "csv UTF-8");
  }

  @Test
  void utf8WithBom() throws IOException {
    Path f = csvFile(dir, "bom.CSV", csv(sample(), ','), StandardCharsets.UTF_8, true);
    assertSample(f, "csv UTF-8 BOM");
  }

  @Test
  void gb18030AsChineseExcelWritesIt() throws IOException {
    Path f = csvFile(dir, "gbk.csv", csv(sample(), ','), CsvReader.GB18030, false);
    assertSample(f, "csv GB18030");
  }

  @Test
  void utf16WithBomAsExcelUnicodeText() throws IOException {
    byte[] body = csv(sample(), '\t').getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);
    assertSample(Files.write(dir.resolve("u16.csv"), bytes), "csv UTF-16LE BOM");
  }

  @Test
  void semicolonAndTabDelimiters() throws IOException {
    Path semi = csvFile(dir, "semi.csv", csv(sample(), ';'), StandardCharsets.UTF_8, false);
    assertSample(semi, "csv UTF-8");
    Path tab = csvFile(dir, "tab.csv", csv(sample(), '\t'), StandardCharsets.UTF_8, false);
    assertSample(tab, "csv UTF-8");
  }

  @Test
  void quotedLineBreaksExcelTextFormulasAndRecordNumbers() throws IOException {
    List<Object> a = textRow("Q-1");
    a.set(16, "ZL1\nZL2");
    a.set(1, "=\"" + USCC_A + "\"");
    List<Object> b = textRow("Q-2");
    b.set(7, "0");
    Path f =
        csvFile(
            dir, "q.csv", csv(rows(header(ZH_HEADERS), a, b), ','), StandardCharsets.UTF_8, false);
    List<ClaimRow> got = ClaimsFiles.readAll(f, null);
    assertThat(got.get(0).problems()).isEmpty();
    assertThat(got.get(0).claim().references()).containsExactly("ZL1", "ZL2");
    assertThat(got.get(0).claim().entityId()).isEqualTo(USCC_A);
    assertThat(got.get(1).location().row()).isEqualTo(3);
    assertThat(got.get(1).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.column()).isEqualTo("数量 (H)");
              assertThat(p.cellText()).isEqualTo("0");
              assertThat(p.row()).isEqualTo(3);
              assertThat(p.sheet()).isEqualTo("q.csv");
            });
  }

  @Test
  void englishHeadersUnknownColumnAndMixedOrder() throws IOException {
    String text =
        "note,Claim ID,序号,entity_type,entity_id,entity_name,district,clause,event_date,basis (yuan)\n"
            + "n,E-1,1,enterprise,"
            + USCC_B.toLowerCase()
            + ",某大学,海州区,2a,20250301,1.5万\n";
    Path f = csvFile(dir, "en.csv", text, StandardCharsets.UTF_8, false);
    List<ClaimRow> got = new ArrayList<>();
    ReadResult r = ClaimsFiles.read(f, null, got::add);
    assertThat(r.unknownColumns()).containsExactly("序号");
    assertThat(r.columns())
        .containsEntry("claim_id", "Claim ID")
        .containsEntry("basis", "basis (yuan)");
    assertThat(got.get(0).problems()).isEmpty();
    assertThat(got.get(0).claim().entityId()).isEqualTo(USCC_B);
    assertThat(got.get(0).claim().basis()).isEqualTo(new BigDecimal("15000.00"));
    assertThat(got.get(0).claim().clause()).isEqualTo("2a");
    assertThat(got.get(0).claim().quantity()).isEqualTo(1);
  }

  @Test
  void sheetOptionMayOnlyNameTheFile() throws IOException {
    Path f = csvFile(dir, "s.csv", csv(sample(), ','), StandardCharsets.UTF_8, false);
    assertThat(ClaimsFiles.readAll(f, "s")).hasSize(2);
    assertThat(ClaimsFiles.readAll(f, "s.csv")).hasSize(2);
    assertThatThrownBy(() -> ClaimsFiles.readAll(f, "Sheet1"))
        .isInstanceOf(ClaimsFileException.class)
        .hasMessageContaining("no sheet named \"Sheet1\"; the workbook has: \"s.csv\"");
  }

  @Test
  void undecodableBytesFailTheFile() throws IOException {
    byte[] bytes = "申报编号,主体代码,主体名称\n\u0001".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 1] = (byte) 0xFF;
    Path f = Files.write(dir.resolve("bad.csv"), bytes);
    assertThatThrownBy(() -> ClaimsFiles.readAll(f, null))
        .isInstanceOf(ClaimsFileException.class)
        .hasMessageContaining("unknown text encoding: line 2 holds bytes that are not text (FF)")
        .hasMessageContaining("第 2 行有无法解读的字节（FF）");
  }

  @Test
  void noHeaderInCsv() throws IOException {
    Path f = csvFile(dir, "none.csv", "a,b,c\n1,2,3\n", StandardCharsets.UTF_8, false);
    assertThatThrownBy(() -> ClaimsFiles.readAll(f, null))
        .isInstanceOf(ClaimsFileException.class)
        .hasMessageContaining("no header row in the first 20 rows");
  }

  @Test
  void unbalancedQuoteIsAFileError() throws IOException {
    String text = String.join(",", ZH_HEADERS) + "\nX,\"abc\"def,\n";
    Path f = csvFile(dir, "quote.csv", text, StandardCharsets.UTF_8, false);
    assertThatThrownBy(() -> ClaimsFiles.readAll(f, null))
        .isInstanceOf(ClaimsFileException.class)
        .hasMessageContaining("malformed CSV: on line 2 a closing quote is followed by other")
        .hasMessageContaining("第 2 行的结束引号后紧跟其他字符");
  }

  @Test
  void aQuoteNeverClosedNamesTheLineWhereItOpened() throws IOException {
    String text = String.join(",", ZH_HEADERS) + "\nX,\"abc,\nY,1\nZ,2\n";
    Path f = csvFile(dir, "open.csv", text, StandardCharsets.UTF_8, false);
    assertThatThrownBy(() -> ClaimsFiles.readAll(f, null))
        .isInstanceOf(ClaimsFileException.class)
        .hasMessageContaining("the quoted field that starts on line 2 is never closed")
        .hasMessageContaining("第 2 行开始的带引号字段");
  }
}
