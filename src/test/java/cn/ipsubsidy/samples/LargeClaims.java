package cn.ipsubsidy.samples;

import cn.ipsubsidy.samples.SampleGenerator.Entity;
import cn.ipsubsidy.samples.SampleGenerator.Line;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A deterministic claims file of any size for the benchmark and the memory test: every clause of
 * both bundled samples (their rows are the templates, so each clause gets data it can pay, and the
 * samples' review and bad-data rows recur at their rate), spread over a year's event dates, for
 * thousands of entities (valid USCC and resident ID check characters) that each claim many times,
 * so the annual caps of 2a, 9a, 9b and 11a bind. References are unique per row except for one row
 * in a hundred, which repeats an earlier row's and is rejected as a duplicate.
 *
 * <p>{@code java -cp <test classpath> cn.ipsubsidy.samples.LargeClaims ROWS OUT.xlsx|OUT.csv
 * [ENTITIES] [--shared-strings]}; the same arguments always give the same rows. xlsx is written
 * with SXSSF: inline strings, as streaming writers do, or with {@code --shared-strings} a shared
 * strings table, as Excel saves a workbook.
 */
public final class LargeClaims {
  static final long SEED = 20251122L;

  private final List<Line> templates = new ArrayList<>();
  private final Map<Entity, Integer> entityNo = new IdentityHashMap<>();
  private final int variants;

  LargeClaims(int entities) {
    templates.addAll(SampleGenerator.lianyungang());
    templates.addAll(SampleGenerator.wuxi());
    for (Line t : templates) {
      entityNo.putIfAbsent(t.entity(), entityNo.size());
    }
    variants = Math.max(1, entities / entityNo.size());
  }

  /** How many distinct entities the rows use. */
  int entities() {
    return variants * entityNo.size();
  }

  /** The values of row {@code i} (0-based), in {@link SampleGenerator#HEADERS} order. */
  Object[] row(long i, SplittableRandom rnd, Map<Line, List<String>> recent) {
    Line t = templates.get(rnd.nextInt(templates.size()));
    // a repeated reference comes from a row of the same template, so its count still fits
    List<String> recentRefs = recent.computeIfAbsent(t, k -> new ArrayList<>());
    int variant = rnd.nextInt(variants);
    Entity e = variant(t.entity(), variant);
    LocalDate date = LocalDate.of(2025, 1, 1).plusDays(rnd.nextInt(365));
    Object eventDate = rnd.nextInt(10) == 0 ? date.toString() : date;
    String refs = t.refs();
    if (refs != null) {
      if (!recentRefs.isEmpty() && rnd.nextInt(100) == 0) {
        refs = recentRefs.get(rnd.nextInt(recentRefs.size()));
      } else {
        StringBuilder sb = new StringBuilder();
        for (String r : refs.split("[;；,，]")) {
          sb.append(sb.length() == 0 ? "" : ";").append(r.strip()).append('-').append(i);
        }
        refs = sb.toString();
      }
      if (recentRefs.size() < 100) {
        recentRefs.add(refs);
      } else {
        recentRefs.set(rnd.nextInt(100), refs);
      }
    }
    Object basis = t.basis();
    if (rnd.nextInt(500) == 0) {
      basis = "12,34.5.6"; // one row in 500 has a cell that cannot be read: 问题 lists it
    }
    String prefix = t.claimId().startsWith("WX") ? "WX-2025-" : "LYG-2025-";
    return new Object[] {
      prefix + String.format("%07d", i + 1),
      e.id(),
      e.name(),
      e.type(),
      e.district(),
      t.clause(),
      eventDate,
      t.qty(),
      t.level(),
      basis,
      t.deduction(),
      t.fees(),
      t.approved(),
      t.metric(),
      t.metric2(),
      t.established(),
      refs,
      t.note()
    };
  }

  /** The {@code k}-th entity like {@code e}: same type and district, its own valid id. */
  Entity variant(Entity e, int k) {
    int n = entityNo.get(e) * variants + k;
    String id;
    if ("个人".equals(e.type())) {
      String birth = LocalDate.of(1960, 1, 1).plusDays(n % 15000).toString().replace("-", "");
      String first17 = e.id().substring(0, 6) + birth + String.format("%03d", n % 1000);
      id = first17 + cn.ipsubsidy.claims.EntityIds.residentIdCheckChar(first17);
    } else {
      String first17 = e.id().substring(0, 8) + "MA" + String.format("%07d", n);
      id = first17 + cn.ipsubsidy.claims.EntityIds.usccCheckChar(first17);
    }
    return new Entity(id, k == 0 ? e.name() : e.name() + k, e.type(), e.district());
  }

  /** Writes {@code rows} rows to {@code target} (.xlsx or .csv by its name), inline strings. */
  public static void write(long rows, Path target, int entities) throws IOException {
    write(rows, target, entities, false);
  }

  /**
   * As {@link #write(long, Path, int)}; with {@code sharedStrings} the .xlsx keeps its texts in
   * sharedStrings.xml, as Excel and WPS save a workbook.
   */
  public static void write(long rows, Path target, int entities, boolean sharedStrings)
      throws IOException {
    LargeClaims g = new LargeClaims(entities);
    SplittableRandom rnd = new SplittableRandom(SEED);
    Map<Line, List<String>> recent = new IdentityHashMap<>();
    if (target.toString().endsWith(".csv")) {
      try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
        w.write(String.join(",", SampleGenerator.HEADERS));
        w.write("\r\n");
        for (long i = 0; i < rows; i++) {
          Object[] v = g.row(i, rnd, recent);
          List<String> cells = new ArrayList<>(v.length);
          for (Object o : v) {
            String s = o == null ? "" : o.toString();
            cells.add(
                s.contains(",") || s.contains("\"") || s.contains("\n")
                    ? "\"" + s.replace("\"", "\"\"") + "\""
                    : s);
          }
          w.write(String.join(",", cells));
          w.write("\r\n");
        }
      }
      return;
    }
    if (sharedStrings) {
      writeWithSharedStrings(g, rnd, rows, target);
      return;
    }
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
      wb.setCompressTempFiles(true);
      Sheet sheet = wb.createSheet("申报汇总");
      CellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle moneyStyle = wb.createCellStyle();
      moneyStyle.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
      sheet.createRow(0).createCell(0).setCellValue("2025年知识产权资助申报汇总表（全年）");
      Row header = sheet.createRow(1);
      for (int c = 0; c < SampleGenerator.HEADERS.size(); c++) {
        header.createCell(c).setCellValue(SampleGenerator.HEADERS.get(c));
      }
      for (long i = 0; i < rows; i++) {
        SampleGenerator.writeCells(
            sheet.createRow((int) i + 2), g.row(i, rnd, recent), dateStyle, moneyStyle);
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        wb.write(out);
      }
    }
  }

  /**
   * A minimal .xlsx as Excel saves it: every text in xl/sharedStrings.xml, cells pointing to it by
   * index, dates as numbers with a date style. Written as a stream (POI's own shared strings table
   * holds millions of XML beans); only the distinct strings are held while writing.
   */
  private static void writeWithSharedStrings(
      LargeClaims g, SplittableRandom rnd, long rows, Path target) throws IOException {
    Map<String, Integer> index = new java.util.HashMap<>();
    List<String> strings = new ArrayList<>();
    Map<Line, List<String>> recent = new IdentityHashMap<>();
    try (java.util.zip.ZipOutputStream zip =
        new java.util.zip.ZipOutputStream(
            new java.io.BufferedOutputStream(Files.newOutputStream(target), 1 << 16))) {
      java.io.Writer w = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
      String ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
      String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
      String pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
      String ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
      entry(
          zip,
          w,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
              + ct
              + "sheet.main+xml\"/>"
              + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\""
              + ct
              + "worksheet+xml\"/>"
              + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\""
              + ct
              + "sharedStrings+xml\"/>"
              + "<Override PartName=\"/xl/styles.xml\" ContentType=\""
              + ct
              + "styles+xml\"/></Types>");
      entry(
          zip,
          w,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
              + pkg
              + "\">"
              + "<Relationship Id=\"rId1\" Type=\""
              + rel
              + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
              + "</Relationships>");
      entry(
          zip,
          w,
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\""
              + ns
              + "\" xmlns:r=\""
              + rel
              + "\">"
              + "<sheets><sheet name=\"申报汇总\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      entry(
          zip,
          w,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
              + pkg
              + "\">"
              + "<Relationship Id=\"rId1\" Type=\""
              + rel
              + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
              + "<Relationship Id=\"rId2\" Type=\""
              + rel
              + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
              + "<Relationship Id=\"rId3\" Type=\""
              + rel
              + "/styles\" Target=\"styles.xml\"/>"
              + "</Relationships>");
      entry(
          zip,
          w,
          "xl/styles.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\""
              + ns
              + "\">"
              + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>"
              + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
              + "<borders count=\"1\"><border/></borders>"
              + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
              + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
              + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
              + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
              + "</cellXfs></styleSheet>");
      zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
      w.write(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + ns + "\"><sheetData>");
      sstRow(w, 1, new Object[] {"2025年知识产权资助申报汇总表（全年）"}, index, strings);
      sstRow(w, 2, SampleGenerator.HEADERS.toArray(), index, strings);
      for (long i = 0; i < rows; i++) {
        sstRow(w, i + 3, g.row(i, rnd, recent), index, strings);
      }
      w.write("</sheetData></worksheet>");
      w.flush();
      zip.closeEntry();
      zip.putNextEntry(new java.util.zip.ZipEntry("xl/sharedStrings.xml"));
      w.write(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\""
              + ns
              + "\" uniqueCount=\""
              + strings.size()
              + "\">");
      for (String s : strings) {
        w.write("<si><t xml:space=\"preserve\">");
        w.write(xml(s));
        w.write("</t></si>");
      }
      w.write("</sst>");
      w.flush();
      zip.closeEntry();
    }
  }

  private static void entry(
      java.util.zip.ZipOutputStream zip, java.io.Writer w, String name, String xml)
      throws IOException {
    zip.putNextEntry(new java.util.zip.ZipEntry(name));
    w.write(xml);
    w.flush();
    zip.closeEntry();
  }

  private static void sstRow(
      java.io.Writer w, long r, Object[] v, Map<String, Integer> index, List<String> strings)
      throws IOException {
    w.write("<row r=\"" + r + "\">");
    for (int c = 0; c < v.length; c++) {
      Object o = v[c];
      if (o == null) {
        continue;
      }
      String ref = org.apache.poi.ss.util.CellReference.convertNumToColString(c) + r;
      if (o instanceof LocalDate d) {
        w.write("<c r=\"" + ref + "\" s=\"1\"><v>" + (d.toEpochDay() + 25569) + "</v></c>");
      } else if (o instanceof Number n) {
        String style = c >= 9 && c <= 12 ? " s=\"2\"" : "";
        w.write("<c r=\"" + ref + "\"" + style + "><v>" + n + "</v></c>");
      } else {
        String s = o.toString();
        Integer i = index.get(s);
        if (i == null) {
          i = strings.size();
          index.put(s, i);
          strings.add(s);
        }
        w.write("<c r=\"" + ref + "\" t=\"s\"><v>" + i + "</v></c>");
      }
    }
    w.write("</row>");
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  public static void main(String[] args) throws IOException {
    List<String> a = new ArrayList<>(List.of(args));
    boolean shared = a.remove("--shared-strings");
    if (a.size() < 2) {
      System.err.println("usage: LargeClaims ROWS OUT.xlsx|OUT.csv [ENTITIES] [--shared-strings]");
      System.exit(2);
    }
    long rows = Long.parseLong(a.get(0).replace("_", ""));
    int entities = a.size() > 2 ? Integer.parseInt(a.get(2)) : 5000;
    Path out = Path.of(a.get(1));
    write(rows, out, entities, shared);
    System.out.println(
        "wrote " + rows + " rows, " + new LargeClaims(entities).entities() + " entities: " + out);
  }
}
