package cn.ipsubsidy.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.TraceStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCsvWriterTest {
  @TempDir Path dir;

  private List<CSVRecord> writeAndParse(RunResult result, String runId) throws IOException {
    Path csv = dir.resolve("claims-audit.csv");
    new AuditCsvWriter().write(result, runId, csv);
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    try (Reader in = new StringReader(text.substring(1));
        CSVParser parser = CSVParser.parse(in, CSVFormat.RFC4180)) {
      return parser.getRecords();
    }
  }

  @Test
  void startsWithABomAndTheExactHeader() throws IOException {
    Path csv = dir.resolve("a.csv");
    new AuditCsvWriter().write(Fixtures.result(), "run-1", csv);
    byte[] bytes = Files.readAllBytes(csv);
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String firstLine =
        new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)
            .lines()
            .findFirst()
            .orElseThrow();
    assertThat(firstLine).isEqualTo("run_id,claim_id,step,rule,citation,formula,inputs,result");
  }

  @Test
  void oneRowPerTraceStepInLineOrder() throws IOException {
    RunResult result = Fixtures.result();
    List<CSVRecord> records = writeAndParse(result, "20250401-093000-ab12");
    List<TraceStep> steps = result.lines().stream().flatMap(l -> l.trace().stream()).toList();
    assertThat(records).hasSize(1 + steps.size());
    CSVRecord first = records.get(2);
    assertThat(first.toList())
        .containsExactly(
            "20250401-093000-ab12",
            "LYG-001",
            "3 金额 amount",
            "fixed 10,000.00/件",
            "连政发〔2021〕79号 第二条",
            "10,000.00 × 2",
            "数量=2",
            "20,000.00");
  }

  @Test
  void rowsAreTheAuditSheetPlusRunIdAndCitation() throws IOException {
    RunResult result = Fixtures.result();
    List<CSVRecord> records = writeAndParse(result, "run-1");
    Path xlsx = dir.resolve("claims-payout.xlsx");
    new PayoutWorkbookWriter().write(result, Fixtures.facts(), xlsx);
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet audit = wb.getSheet("审计");
      assertThat(audit.getLastRowNum()).isEqualTo(records.size() - 1);
      for (int r = 1; r < records.size(); r++) {
        List<String> csv = new ArrayList<>(records.get(r).toList());
        assertThat(csv.remove(0)).isEqualTo("run-1");
        csv.remove(3); // citation
        assertThat(PayoutWorkbookWriterTest.texts(audit.getRow(r), 0, 6))
            .as("row " + r)
            .isEqualTo(csv);
      }
    }
  }

  @Test
  void textThatCouldRunAsAFormulaIsQuoted() throws IOException {
    List<CSVRecord> records = writeAndParse(Fixtures.result(), "=run");
    CSVRecord review =
        records.stream().filter(r -> r.get(1).contains("LYG-003")).findFirst().orElseThrow();
    assertThat(review.get(0)).isEqualTo("'=run");
    assertThat(review.get(1)).isEqualTo("'@LYG-003");
    assertThat(review.get(5)).isEqualTo("'-");
    assertThat(review.get(6)).isEqualTo("'+核定金额=");
    for (CSVRecord record : records) {
      for (String value : record) {
        assertThat(value.isEmpty() || !FormulaGuard.isDangerous(value.charAt(0)))
            .as(value)
            .isTrue();
      }
    }
  }

  @Test
  void commasQuotesAndLineBreaksSurviveTheRoundTrip() throws IOException {
    PayoutLine base = Fixtures.result().lines().get(0);
    TraceStep tricky =
        new TraceStep(
            "LYG-001", "3 金额", "a \"quoted\" rule", null, "1,000.00\n× 2", "x=1;\ty=2", "\tlead");
    PayoutLine line =
        new PayoutLine(
            base.row(),
            base.status(),
            base.clause(),
            base.computed(),
            base.paid(),
            base.cityShare(),
            base.districtShare(),
            base.citation(),
            base.explanation(),
            base.badData(),
            base.capGroup(),
            List.of(tricky));
    List<CSVRecord> records =
        writeAndParse(new RunResult(Fixtures.PERIOD, List.of(line), List.of()), "r");
    assertThat(records.get(1).toList())
        .containsExactly(
            "r",
            "LYG-001",
            "3 金额",
            "a \"quoted\" rule",
            "",
            "1,000.00\n× 2",
            "x=1;\ty=2",
            "'\tlead");
  }
}
