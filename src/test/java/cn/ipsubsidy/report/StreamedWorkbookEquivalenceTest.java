package cn.ipsubsidy.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.app.PolicySetup;
import cn.ipsubsidy.claims.ClaimsFiles;
import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.engine.SubsidyEngine;
import cn.ipsubsidy.samples.LargeClaims;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFPrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed payout workbook is the one SXSSF wrote ({@link SxssfPayoutWorkbookWriter}, the
 * writer before issue #15): every part of the package the same, byte for byte once inflated, in the
 * same order; and, read back with POI, every sheet the same cell by cell, style, layout and print
 * setup, and the workbook's names. Over the hand-made fixture, hostile texts, both bundled samples,
 * and 20,000 generated claims, also split onto continuation sheets and with {@code --audit csv}.
 */
class StreamedWorkbookEquivalenceTest {
  @TempDir static Path dir;
  private static RunResult large;

  @BeforeAll
  static void generate() throws Exception {
    Path claims = dir.resolve("claims-large.xlsx");
    LargeClaims.write(20_000, claims, 500);
    large = compute(claims, new Period(2025, 4));
  }

  @Test
  void fixture() throws IOException {
    same(Fixtures.result(), PayoutWorkbookWriter.EXCEL_MAX_ROWS, true);
    same(Fixtures.result(), 4, true);
    same(Fixtures.result(), 2, false);
  }

  @Test
  void emptyRun() throws IOException {
    same(new RunResult(Fixtures.PERIOD, List.of(), List.of()), 3, true);
  }

  @Test
  void hostileTexts() throws IOException {
    String[] texts = {
      "=SUM(A1)",
      "+1",
      "-1",
      "@x",
      "\tTab",
      "\rCR",
      " leading space",
      "trailing space ",
      "\u3000全角空格",
      "<a href=\"x\">&amp;</a> 'q'",
      "line\nbreak\r\nand\ttab",
      "no\u00A0break",
      "ctrl \u0001\u0002\u001f del \u007f c1 \u0085",
      "nonchar \uFFFE\uFFFF",
      "lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00 end\uD83D",
      "𠀀𪚥 CJK ext B",
      "x".repeat(40_000),
      "长".repeat(20_000) + "\uD83D\uDE00".repeat(10_000),
      "",
    };
    List<PayoutLine> lines = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      String t = texts[i];
      lines.add(
          new PayoutLine(
              Fixtures.row(i, Fixtures.claim("H-" + i + t, t, t, t, t, i), List.of()),
              i % 2 == 0 ? Status.REVIEW : Status.PAID,
              i % 3 == 0 ? Fixtures.C2A : null,
              i % 4 == 0 ? null : new BigDecimal("-1234567.89"),
              new BigDecimal(i).scaleByPowerOfTen(i % 9),
              null,
              new BigDecimal("0.01"),
              t,
              Bilingual.of(t, t),
              false,
              null,
              List.of(Fixtures.step(t, t, t, t, t, t), Fixtures.step(null, "s", t, "", t, t))));
    }
    RunResult hostile = new RunResult(Fixtures.PERIOD, lines, Fixtures.result().capUsages());
    double ratio = ZipSecureFile.getMinInflateRatio();
    ZipSecureFile.setMinInflateRatio(0.001); // 40,000 x's deflate better than POI trusts
    try {
      same(hostile, PayoutWorkbookWriter.EXCEL_MAX_ROWS, true);
      same(hostile, 7, true);
    } finally {
      ZipSecureFile.setMinInflateRatio(ratio);
    }
  }

  @Test
  void bundledSamples() throws Exception {
    for (String sample : List.of("claims-2025Q1-lianyungang.xlsx", "claims-2025Q1-wuxi.csv")) {
      RunResult r = compute(Path.of("samples", sample), new Period(2025, 1));
      same(r, PayoutWorkbookWriter.EXCEL_MAX_ROWS, true);
      same(r, 5, true);
      same(r, PayoutWorkbookWriter.EXCEL_MAX_ROWS, false);
    }
  }

  @Test
  void twentyThousandGeneratedClaims() throws IOException {
    same(large, PayoutWorkbookWriter.EXCEL_MAX_ROWS, true);
  }

  @Test
  void twentyThousandOnContinuationSheetsAndWithoutTheAuditSheet() throws IOException {
    same(large, 7_000, true);
    same(large, 9_000, false);
  }

  private static RunResult compute(Path claims, Period period) throws Exception {
    PolicySetup policies = PolicySetup.load(null);
    return new SubsidyEngine(policies.registry())
        .calculate(
            ClaimsFiles.readAll(claims, null),
            new SubsidyEngine.Options(period, null),
            PriorPayouts.NONE);
  }

  private static void same(RunResult result, int maxRows, boolean auditSheet) throws IOException {
    ByteArrayOutputStream before = new ByteArrayOutputStream();
    new SxssfPayoutWorkbookWriter(maxRows, auditSheet).write(result, Fixtures.facts(), before);
    ByteArrayOutputStream now = new ByteArrayOutputStream();
    new PayoutWorkbookWriter(maxRows, auditSheet).write(result, Fixtures.facts(), now);
    String what =
        result.lines().size() + " lines, " + maxRows + " rows a sheet, audit " + auditSheet;

    Map<String, byte[]> old = entriesOfZip64(before.toByteArray());
    Map<String, byte[]> streamed = entries(now.toByteArray());
    assertThat(streamed.keySet()).as(what).containsExactlyElementsOf(old.keySet());
    for (String name : old.keySet()) {
      if (name.equals("docProps/core.xml")) {
        // made when each was written: the same to the second, but for the second
        assertThat(created(streamed.get(name))).as(what).isEqualTo(created(old.get(name)));
        continue;
      }
      assertThat(around(streamed.get(name), old.get(name)))
          .as("%s: %s, where they differ", what, name)
          .isEqualTo(around(old.get(name), streamed.get(name)));
      assertThat(streamed.get(name)).as("%s: %s bytes", what, name).isEqualTo(old.get(name));
    }

    try (XSSFWorkbook a = new XSSFWorkbook(new ByteArrayInputStream(before.toByteArray()));
        XSSFWorkbook b = new XSSFWorkbook(new ByteArrayInputStream(now.toByteArray()))) {
      sameToPoi(a, b, what);
    }
  }

  /** The text of {@code a} around where it first differs from {@code b}, if it does. */
  private static String around(byte[] a, byte[] b) {
    String x = new String(a, StandardCharsets.UTF_8);
    String y = new String(b, StandardCharsets.UTF_8);
    int i = 0;
    while (i < x.length() && i < y.length() && x.charAt(i) == y.charAt(i)) {
      i++;
    }
    if (i == x.length() && i == y.length()) {
      return "same";
    }
    return "at " + i + ": " + x.substring(Math.max(0, i - 200), Math.min(x.length(), i + 200));
  }

  private static String created(byte[] coreXml) {
    return new String(coreXml, StandardCharsets.UTF_8)
        .replaceAll("<dcterms:created ([^>]*)>[^<]*</dcterms:created>", "<dcterms:created $1/>");
  }

  /** The parts of SXSSF's package (Zip64 data descriptors, which ZipInputStream cannot read). */
  private static Map<String, byte[]> entriesOfZip64(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile z =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
      for (ZipArchiveEntry e : Collections.list(z.getEntriesInPhysicalOrder())) {
        try (InputStream in = z.getInputStream(e)) {
          out.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return out;
  }

  /** The parts of a package, inflated, in order (ZipInputStream checks each CRC and size). */
  private static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  private static void sameToPoi(XSSFWorkbook a, XSSFWorkbook b, String what) {
    assertThat(b.getNumberOfSheets()).as(what).isEqualTo(a.getNumberOfSheets());
    for (int i = 0; i < a.getNumberOfSheets(); i++) {
      XSSFSheet x = a.getSheetAt(i);
      XSSFSheet y = b.getSheetAt(i);
      String at = what + ": " + x.getSheetName();
      assertThat(y.getSheetName()).as(at).isEqualTo(x.getSheetName());
      assertThat(y.getLastRowNum()).as(at).isEqualTo(x.getLastRowNum());
      assertThat(y.getMergedRegions()).as(at).isEqualTo(x.getMergedRegions());
      assertThat(pane(y)).as(at).isEqualTo(pane(x));
      assertThat(filter(y)).as(at).isEqualTo(filter(x));
      assertThat(print(y)).as(at).isEqualTo(print(x));
      assertThat(y.getDefaultRowHeightInPoints()).as(at).isEqualTo(x.getDefaultRowHeightInPoints());
      int columns = 0;
      for (int r = 0; r <= x.getLastRowNum(); r++) {
        Row rx = x.getRow(r);
        Row ry = y.getRow(r);
        if (rx == null) {
          assertThat(ry).as(at + " row " + r).isNull();
          continue;
        }
        assertThat(ry).as(at + " row " + r).isNotNull();
        assertThat(ry.getHeightInPoints()).as(at + " row " + r).isEqualTo(rx.getHeightInPoints());
        assertThat(ry.getLastCellNum()).as(at + " row " + r).isEqualTo(rx.getLastCellNum());
        columns = Math.max(columns, rx.getLastCellNum());
        for (int c = 0; c < rx.getLastCellNum(); c++) {
          assertThat(cell(ry.getCell(c))).as(at + " " + r + "/" + c).isEqualTo(cell(rx.getCell(c)));
        }
      }
      for (int c = 0; c < columns + 2; c++) {
        assertThat(y.getColumnWidth(c)).as(at + " width " + c).isEqualTo(x.getColumnWidth(c));
      }
    }
    assertThat(names(b)).as(what).isEqualTo(names(a));
  }

  private static String cell(Cell c) {
    if (c == null) {
      return "none";
    }
    CellStyle s = c.getCellStyle();
    String style =
        s.getDataFormatString()
            + " bold "
            + c.getSheet().getWorkbook().getFontAt(s.getFontIndex()).getBold()
            + " wrap "
            + s.getWrapText()
            + " "
            + s.getVerticalAlignment()
            + " "
            + s.getAlignment()
            + " "
            + s.getBorderBottom();
    String value =
        switch (c.getCellType()) {
          case STRING -> c.getStringCellValue();
          case NUMERIC -> Double.toString(c.getNumericCellValue());
          case FORMULA -> "=" + c.getCellFormula();
          case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
          default -> "";
        };
    return c.getCellType() + " " + style + " " + value;
  }

  private static String pane(XSSFSheet s) {
    PaneInformation p = s.getPaneInformation();
    return p == null
        ? "none"
        : p.isFreezePane()
            + " "
            + p.getHorizontalSplitPosition()
            + " "
            + p.getVerticalSplitPosition()
            + " "
            + p.getHorizontalSplitTopRow()
            + " "
            + p.getVerticalSplitLeftColumn();
  }

  private static String filter(XSSFSheet s) {
    return s.getCTWorksheet().isSetAutoFilter()
        ? s.getCTWorksheet().getAutoFilter().getRef()
        : "none";
  }

  private static String print(XSSFSheet s) {
    XSSFPrintSetup p = s.getPrintSetup();
    CellRangeAddress repeating = s.getRepeatingRows();
    return p.getLandscape()
        + " paper "
        + p.getPaperSize()
        + " fit "
        + s.getFitToPage()
        + " "
        + p.getFitWidth()
        + "×"
        + p.getFitHeight()
        + " margins "
        + s.getMargin(PageMargin.LEFT)
        + " "
        + s.getMargin(PageMargin.RIGHT)
        + " "
        + s.getMargin(PageMargin.TOP)
        + " "
        + s.getMargin(PageMargin.BOTTOM)
        + " "
        + s.getMargin(PageMargin.HEADER)
        + " "
        + s.getMargin(PageMargin.FOOTER)
        + " gridlines "
        + s.isPrintGridlines()
        + " repeating "
        + (repeating == null ? "none" : repeating.formatAsString())
        + " footer "
        + s.getFooter().getLeft()
        + "|"
        + s.getFooter().getCenter()
        + "|"
        + s.getFooter().getRight()
        + " header "
        + s.getHeader().getLeft()
        + "|"
        + s.getHeader().getCenter()
        + "|"
        + s.getHeader().getRight();
  }

  private static List<String> names(XSSFWorkbook wb) {
    List<String> out = new ArrayList<>();
    for (Name n : wb.getAllNames()) {
      out.add(n.getNameName() + " " + n.getSheetIndex() + " " + n.getRefersToFormula());
    }
    return out;
  }
}
