package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --audit csv}, and the temporary files of a run: none left behind, also on failure. */
class LargeRunOptionsTest {
  @TempDir Path dir;

  /** A ledger of the test's own, outside the folder whose files are checked. */
  @TempDir Path ledger;

  @Test
  void auditCsvLeavesTheAuditSheetOutAndSaysSo() throws Exception {
    Path claims = dir.resolve("claims-2025Q1-wuxi.csv");
    Files.copy(Path.of("samples", "claims-2025Q1-wuxi.csv"), claims);
    Cli r = Cli.inDir(ledger, "calc", claims.toString(), "--audit", "csv");
    assertThat(r.exit()).as(r.all()).isZero();
    try (XSSFWorkbook wb =
        new XSSFWorkbook(dir.resolve("claims-2025Q1-wuxi-payout.xlsx").toFile())) {
      List<String> sheets = new ArrayList<>();
      wb.forEach(s -> sheets.add(s.getSheetName()));
      assertThat(sheets).containsExactly("汇总", "明细", "主体", "问题");
      assertThat(text(wb.getSheet("汇总"))).contains("--audit csv").contains("审计日志");
    }
    try (Stream<String> lines = Files.lines(dir.resolve("claims-2025Q1-wuxi-audit.csv"))) {
      assertThat(lines.count()).isGreaterThan(50);
    }
  }

  @Test
  void aFailedRunLeavesNoTemporaryFiles() throws Exception {
    Path claims = dir.resolve("claims-2025Q1-lianyungang.xlsx");
    Files.copy(Path.of("samples", "claims-2025Q1-lianyungang.xlsx"), claims);
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    String before = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", tmp.toString());
    try {
      // the rows are read and computed through spill files, then the output folder is missing
      Cli r =
          Cli.inDir(
              ledger,
              "calc",
              claims.toString(),
              "--out",
              dir.resolve("missing/q1.xlsx").toString());
      assertThat(r.exit()).as(r.all()).isEqualTo(ExitCode.USAGE);
      Cli ok = Cli.inDir(ledger, "calc", claims.toString());
      assertThat(ok.exit()).as(ok.all()).isZero();
    } finally {
      System.setProperty("java.io.tmpdir", before);
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.filter(p -> p.getFileName().toString().startsWith("ipsubsidy-"))).isEmpty();
    }
  }

  private static String text(Sheet sheet) {
    StringBuilder sb = new StringBuilder();
    for (Row row : sheet) {
      row.forEach(c -> sb.append(c.toString()).append('\t'));
      sb.append('\n');
    }
    return sb.toString();
  }
}
