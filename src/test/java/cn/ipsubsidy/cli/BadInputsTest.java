package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cn.ipsubsidy.cli.BadInputs.Case;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every bad input of {@link BadInputs} through {@code ipsubsidy calc} as a clerk would and
 * checks the contract's answer: the exit code, the message (bilingual, naming file, sheet, row and
 * column where there is one, never a stack trace), nothing written on exit 2, the other rows paid
 * on exit 1, no formula-like text in any written cell, no byte of a file an entity points to.
 *
 * <p>Then it writes the table of what the tool answers to {@code target/robustness-bad-inputs.md}
 * and checks that its part of {@code docs/robustness.md} ({@link RobustnessDoc}, between the
 * markers {@code bad-inputs}) is the same; after a change of behaviour, regenerate it with {@code
 * ./mvnw -B -q test -Dtest=BadInputsTest -Dfuzz.skip -Drobustness.update=true} (or every part with
 * {@link RobustnessDoc#REGENERATE}).
 */
@Tag("robustness")
class BadInputsTest {
  /** What a DOCTYPE's external entity points to; it must never be read. */
  static final String SECRET = "TOP-SECRET-PAYROLL-42";

  static final Path CORPUS = Path.of("src/test/resources/bad-inputs");

  @TempDir static Path work;

  private static final Map<String, String> TABLE = new LinkedHashMap<>();

  /** A bad cell: sheet, row, column with its letter, the cell, and a reason in Chinese. */
  private static final Pattern CELL_LINE_ZH =
      Pattern.compile("  \\S+ 第\\d+行，.+ \\([A-Z]{1,3}\\)「.*」：.*\\p{IsHan}.*");

  private static final Pattern ROW_LINE_ZH = Pattern.compile("  \\S+ 第\\d+行：.*\\p{IsHan}.*");

  /** The same in English: a reason with words and no " / " of a bilingual text. */
  private static final Pattern CELL_LINE_EN =
      Pattern.compile("  \\S+ row \\d+, .+ \\([A-Z]{1,3}\\)「.*」: (?!.* / ).*[a-z]{2,}.*");

  private static final Pattern ROW_LINE_EN =
      Pattern.compile("  \\S+ row \\d+: (?!.* / ).*[a-z]{2,}.*");

  @TestFactory
  Stream<DynamicTest> eachBadInputGetsTheContractsAnswer() {
    List<Case> cases = BadInputs.all();
    return Stream.concat(
        cases.stream().map(c -> dynamicTest(c.name() + " — " + c.what(), () -> run(c))),
        Stream.of(
            dynamicTest("docs/robustness.md is generated from these runs", () -> doc(cases))));
  }

  @Test
  void theCorpusHasAtLeast40InputsAndEveryCheckedInFileIsInIt() throws IOException {
    List<Case> cases = BadInputs.all();
    assertThat(cases.stream().map(Case::name).distinct()).hasSize(cases.size());
    assertThat(cases.stream().map(Case::file).distinct().count()).isGreaterThanOrEqualTo(40);
    Set<String> checkedIn;
    try (Stream<Path> files = Files.list(CORPUS)) {
      checkedIn =
          files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> named =
        cases.stream()
            .filter(c -> c.maker() == null)
            .map(Case::file)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(checkedIn).as("files in " + CORPUS).isEqualTo(named);
    assertThat(cases.stream().filter(c -> c.maker() != null).map(Case::file))
        .as("generated inputs are not checked in")
        .doesNotContainAnyElementsOf(checkedIn);
  }

  private static Path emptyLedger;

  /** A new ledger, made once and copied for each run: making one takes longer than a run. */
  private static synchronized Path emptyLedger() {
    if (emptyLedger == null) {
      Path db = work.resolve("empty-ledger.db");
      Cli r = Cli.run("ledger", "verify", "--ledger", "jdbc:sqlite:" + db);
      assertThat(r.exit()).as(r.all()).isZero();
      emptyLedger = db;
    }
    return emptyLedger;
  }

  /** One run of a case in one language, in a folder and on a ledger of its own. */
  private record Run(Lang lang, Path dir, Set<String> before, Cli cli, String out, String err) {
    static Run of(Case c, Lang lang, Path dir) throws IOException {
      Set<String> before = listing(dir);
      Files.copy(emptyLedger(), Path.of(dir + ".db"));
      List<String> args = new ArrayList<>(List.of("calc", dir.resolve(c.file()).toString()));
      args.addAll(c.args());
      // each input on a ledger of its own, beside its folder: the cases pay the same claims (G1)
      args.addAll(List.of("--ledger", "jdbc:sqlite:" + dir + ".db", "--lang", lang.code()));
      Cli r = Cli.run(args.toArray(new String[0]));
      return new Run(
          lang,
          dir,
          before,
          r,
          r.out().replace(dir + java.io.File.separator, ""),
          r.err().replace(dir + java.io.File.separator, ""));
    }

    /** What the clerk reads: the error line on exit 2, else the summary. */
    String shown(Case c) {
      return c.exit() == 2 ? err : out;
    }
  }

  /**
   * Runs the case in Chinese and in English: each with the contract's answer, the fragments the
   * case names each seen in one of the two, and the same outputs written whatever the language.
   */
  private static void run(Case c) throws Exception {
    String folder = String.valueOf(c.name().hashCode() & 0x7fffffff);
    Path zhDir = Files.createDirectories(work.resolve(folder));
    Path input = zhDir.resolve(c.file());
    if (c.maker() == null) {
      Files.copy(CORPUS.resolve(c.file()), input);
    } else {
      c.maker().make(input);
    }
    Path enDir = Files.createDirectories(work.resolve(folder + "-en"));
    Files.copy(input, enDir.resolve(c.file()));
    Run zh = Run.of(c, Lang.ZH, zhDir);
    Run en = Run.of(c, Lang.EN, enDir);
    for (String fragment : c.says()) {
      assertThat(zh.shown(c) + "\n" + en.shown(c))
          .as("in Chinese or in English")
          .contains(fragment);
    }
    String zhResult = check(c, zh);
    String enResult = check(c, en);
    assertThat(enResult).as("the outputs do not depend on the language").isEqualTo(zhResult);
    String seen = seen(c, zh) + "\n" + seen(c, en);
    synchronized (TABLE) {
      TABLE.put(c.name(), row(c, seen, zhResult));
    }
  }

  /** The contract's answer in one language; returns the 明细 outcome. */
  private static String check(Case c, Run run) throws IOException {
    Cli r = run.cli();
    assertThat(r.exit()).as(r.all()).isEqualTo(c.exit());
    assertThat(r.all())
        .as("no stack trace for the clerk")
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .doesNotContain(SECRET);
    if (c.exit() == 2) {
      assertThat(run.err().strip().lines()).as("one line").hasSize(1);
      assertThat(run.err())
          .startsWith("ipsubsidy: ")
          .contains(c.file())
          .as("in one language")
          .doesNotContain(" / ");
      if (run.lang() == Lang.ZH) {
        assertThat(run.err().replace(c.file(), "")).containsPattern("\\p{IsHan}");
      }
      assertThat(listing(run.dir())).as("nothing written").isEqualTo(run.before());
      return BadInputs.FILE_ERROR;
    }
    List<String> bad = badDataLines(run.out(), run.lang());
    if (c.exit() == 1) {
      assertThat(bad).as(run.out()).isNotEmpty();
    }
    Pattern cellLine = run.lang() == Lang.ZH ? CELL_LINE_ZH : CELL_LINE_EN;
    Pattern rowLine = run.lang() == Lang.ZH ? ROW_LINE_ZH : ROW_LINE_EN;
    for (String line : bad) {
      assertThat(cellLine.matcher(line).matches() || rowLine.matcher(line).matches())
          .as("names sheet, row, column and cell, in " + run.lang() + ": " + line)
          .isTrue();
    }
    if (c.args().contains("--strict")) {
      assertThat(listing(run.dir())).as("nothing written under --strict").isEqualTo(run.before());
      return BadInputs.FILE_ERROR;
    }
    String result = written(run.dir(), stem(c.file()), bad.isEmpty());
    if (c.result() != null) {
      assertThat(result).isEqualTo(c.result());
    }
    return result;
  }

  /** For the table: the error line, the bad data listed, or the counts. */
  private static String seen(Case c, Run run) {
    if (c.exit() == 2) {
      return run.err().strip();
    }
    List<String> bad = badDataLines(run.out(), run.lang());
    String counts = run.lang() == Lang.ZH ? "读取 " : "rows ";
    return bad.isEmpty()
        ? run.out().lines().filter(l -> l.startsWith(counts)).findFirst().orElse("")
        : bad.stream().map(String::strip).collect(Collectors.joining("\n"));
  }

  /** The lines RunPrinter lists under "数据错误：" or "bad data:". */
  static List<String> badDataLines(String out, Lang lang) {
    String heading = lang == Lang.ZH ? "数据错误：" : "bad data:";
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String l : out.lines().toList()) {
      if (l.startsWith(heading)) {
        in = true;
      } else if (in && l.startsWith("  ")) {
        lines.add(l);
      } else {
        in = false;
      }
    }
    return lines;
  }

  /**
   * Checks the written workbook and audit log and returns the 明细 outcome: "id status paid", ";
   * "-separated, with the reason of a claim not paid when {@code withReasons} (the terminal lists
   * no bad data that would give it).
   */
  private static String written(Path dir, String stem, boolean withReasons) throws IOException {
    Path workbook = dir.resolve(stem + "-payout.xlsx");
    Path audit = dir.resolve(stem + "-audit.csv");
    assertThat(workbook).exists();
    assertThat(audit).exists();
    List<String> outcome = new ArrayList<>();
    DataFormatter fmt = new DataFormatter();
    try (InputStream in = Files.newInputStream(workbook);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      for (int s = 0; s < wb.getNumberOfSheets(); s++) {
        XSSFSheet sheet = wb.getSheetAt(s);
        for (Row row : sheet) {
          for (Cell cell : row) {
            assertThat(cell.getCellType()).as("no formula written").isNotEqualTo(CellType.FORMULA);
            if (cell.getCellType() == CellType.STRING) {
              assertNotFormulaLike(cell.getStringCellValue(), sheet.getSheetName());
              assertThat(cell.getStringCellValue()).doesNotContain(SECRET);
            }
          }
        }
      }
      XSSFSheet detail = wb.getSheet("明细");
      for (int i = 1; i <= detail.getLastRowNum(); i++) {
        Row row = detail.getRow(i);
        String status = fmt.formatCellValue(row.getCell(6));
        String paid =
            cn.ipsubsidy.domain.Money.format(
                java.math.BigDecimal.valueOf(row.getCell(8).getNumericCellValue()));
        String line = fmt.formatCellValue(row.getCell(0)) + " " + status + " " + paid;
        if (withReasons && !status.equals("核发")) {
          String why = fmt.formatCellValue(row.getCell(12));
          line += "（" + why.substring(0, why.indexOf(" / ")).replaceAll("。$", "") + "）";
        }
        outcome.add(line);
      }
    }
    try (Reader in = Files.newBufferedReader(audit, StandardCharsets.UTF_8)) {
      in.skip(1); // BOM
      for (CSVRecord rec : CSVFormat.RFC4180.parse(in)) {
        for (String field : rec) {
          assertNotFormulaLike(field, "audit.csv");
          assertThat(field).doesNotContain(SECRET);
        }
      }
    }
    return String.join("; ", outcome);
  }

  private static void assertNotFormulaLike(String text, String where) {
    if (!text.isEmpty()) {
      assertThat("=+-@\t\r".indexOf(text.charAt(0)))
          .as("text a spreadsheet could run, in " + where + ": " + text)
          .isEqualTo(-1);
    }
  }

  private static Set<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static String stem(String file) {
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  // ---- the table

  private static String row(Case c, String seen, String result) {
    String file =
        c.maker() == null
            ? "[" + c.file() + "](../src/test/resources/bad-inputs/" + c.file() + ")"
            : c.file() + "（测试生成 generated）";
    if (!c.args().isEmpty()) {
      file += " `" + String.join(" ", c.args()) + "`";
    }
    return "| "
        + String.join(
            " | ",
            file,
            cell(c.what()),
            String.valueOf(c.exit()),
            cell(seen),
            cell(result.isEmpty() ? "（无申报 no claims）" : result))
        + " |";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
  }

  private static void doc(List<Case> cases) throws IOException {
    assertThat(TABLE.keySet())
        .as("every input ran (run the whole class to regenerate the table)")
        .containsExactlyInAnyOrderElementsOf(cases.stream().map(Case::name).toList());
    StringBuilder md = new StringBuilder();
    md.append(
        """
        ## 异常输入与工具的回答 / Bad inputs and what the tool answers

        <!-- Generated by BadInputsTest from the runs it makes; do not edit by hand. Regenerate:
             ./mvnw -B -q test -Dtest=BadInputsTest -Dfuzz.skip -Drobustness.update=true -->

        每一行是一个申报文件，经 `ipsubsidy calc 文件` 运行后的退出码、终端所见和核发结果。
        Each row is a claims file run through `ipsubsidy calc FILE`: the exit code, what the
        clerk sees on the terminal, and what the payout workbook says. 终端所见先列 `--lang zh`、
        再列 `--lang en` 的输出；核发结果两者相同。What the clerk sees is given with `--lang zh`,
        then with `--lang en`; the outputs are the same in both.

        - 退出码 2：整个文件无法读取；一行说明，不写出任何文件。Exit 2: the file as a whole
          cannot be read; one line, nothing written.
        - 退出码 1：有数据错误的行不予核发，列出工作表、行号、列、单元格内容和原因；其他行照常计算。
          Exit 1: rows with bad data are rejected and listed; the other rows are computed.
        - 退出码 0：合同允许的写法，照常计算。Exit 0: forms the contract accepts, computed.

        终端上的身份证号脱敏显示（320706********1238）；核发明细表保留完整号码。Resident ID numbers
        are masked on the terminal; the payout workbook keeps them.
        Files marked 测试生成 generated are made by `BadInputs` in the test run (big or binary);
        the others are checked in under `src/test/resources/bad-inputs/`.

        合同未规定之处的判断 / Where the contract is silent, the tool decides so:

        - 重复的申报编号：先出现的一行照常计算，后一行为数据错误并指出首行。A repeated claim id:
          the first row is computed, the repeat is bad data naming the first row.
        - 超过 Excel 上限的内容（单元格 32,767 字符、行号 1,048,576）不是 Excel 能显示、能核对的，
          前者为数据错误，后者整个文件不予读取。Content beyond Excel's limits cannot be checked in
          Excel: a longer cell is bad data, a row past the last row fails the file.
        - 表头须在一行内：跨两行的表头整个文件不予读取并指出第二行；表头下方重复的表头行（如英文
          表头）跳过。The header is one row: a two-row header fails the file, naming the second
          row; a repeated header row below it is skipped.
        - 隐藏的工作表不读取（即使有表头），除非 `--sheet` 指定。Hidden sheets are not read, even
          with a header, unless `--sheet` names them.
        - 引号不配对的 CSV、无法解码的字节：其后的字段边界不可靠，整个文件不予读取。Unbalanced
          quotes and undecodable bytes fail the whole CSV: field boundaries after them are unsure.
        - ZIP 炸弹、DOCTYPE：为安全起见拒绝读取，安全限制不可关闭。Zip bombs and DOCTYPEs are
          refused; the safety limits cannot be switched off.
        - 只有表头的文件：退出码 0，写出空的核发明细表。A header without data: exit 0, an empty
          payout workbook.
        - 其他城市政策的条款：不予核发，但不是数据错误；不存在的条款、辖区外的地区、缺少级别是
          数据错误。A clause of another city's policy is rejected, not bad data; an unknown clause,
          a district of no jurisdiction or a missing level is bad data.

        | 文件 file | 输入 input | 退出码 exit | 终端所见 what the clerk sees | 结果 result |
        |---|---|---|---|---|
        """);
    for (Case c : cases) {
      md.append(TABLE.get(c.name())).append('\n');
    }
    RobustnessDoc.check("bad-inputs", md.toString());
  }
}
