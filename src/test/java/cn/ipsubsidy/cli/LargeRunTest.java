package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.app.PolicySetup;
import cn.ipsubsidy.claims.ClaimsFiles;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.LineTotals;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.engine.SubsidyEngine;
import cn.ipsubsidy.samples.LargeClaims;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A province-sized run in a small heap: {@code calc} on 200,000 generated claims in a JVM of its
 * own limited to 128 MB (far less than the rows, lines and trace take), and its totals equal to a
 * second computation of the same claims in memory, to the fen: the terminal's counts and total, the
 * sum of 核发金额 over the 明细 sheets, and the number of steps in the audit log.
 */
class LargeRunTest {
  static final int ROWS = 200_000;

  @TempDir Path dir;

  @Test
  void calcOf200000ClaimsRunsIn128MbAndMatchesASecondComputation() throws Exception {
    Path claims = dir.resolve("claims-large.xlsx");
    LargeClaims.write(ROWS, claims, 5000);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx128m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8",
                "-Dipsubsidy.home=" + dir.resolve("home"),
                "-cp",
                System.getProperty("java.class.path"),
                IpSubsidy.class.getName(),
                "--lang",
                "en",
                "calc",
                claims.toString(),
                "--period",
                "2025Q4")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("calc.out").toFile())
            .start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("calc finished").isTrue();
    String out = Files.readString(dir.resolve("calc.out"), StandardCharsets.UTF_8);
    // exit 1: the generated file has a few unreadable cells on purpose
    assertThat(p.exitValue()).as(out).isIn(ExitCode.OK, ExitCode.BAD_ROWS);
    assertThat(out).doesNotContain("OutOfMemoryError");

    PolicySetup policies = PolicySetup.load(null);
    List<ClaimRow> rows = ClaimsFiles.readAll(claims, null);
    RunResult again =
        new SubsidyEngine(policies.registry())
            .calculate(
                rows, new SubsidyEngine.Options(new Period(2025, 4), null), PriorPayouts.NONE);
    LineTotals t = again.totals();
    assertThat(t.lines()).isEqualTo(ROWS);
    assertThat(t.count(Status.CAPPED)).as("annual caps bind").isPositive();

    Matcher counts =
        Pattern.compile(
                "rows (\\d+) · paid (\\d+) · capped (\\d+) · review (\\d+)"
                    + " · rejected (\\d+) \\(bad data (\\d+)\\)")
            .matcher(out);
    assertThat(counts.find()).as(out).isTrue();
    assertThat(counts.group(1)).isEqualTo(String.valueOf(t.lines()));
    assertThat(counts.group(2)).isEqualTo(String.valueOf(t.count(Status.PAID)));
    assertThat(counts.group(3)).isEqualTo(String.valueOf(t.count(Status.CAPPED)));
    assertThat(counts.group(4)).isEqualTo(String.valueOf(t.count(Status.REVIEW)));
    assertThat(counts.group(5)).isEqualTo(String.valueOf(t.count(Status.REJECTED)));
    assertThat(counts.group(6)).isEqualTo(String.valueOf(t.badDataCount()));
    assertThat(out).contains("total paid: " + Money.format(t.totalPaid()) + " yuan");

    Path book = dir.resolve("claims-large-payout.xlsx");
    assertThat(paidInDetailSheets(book)).isEqualTo(t.totalPaid());
    Path audit = dir.resolve("claims-large-audit.csv");
    long auditRows;
    try (Stream<String> lines = Files.lines(audit, StandardCharsets.UTF_8)) {
      // no step has a line break in it, so lines less the header are the steps
      auditRows = lines.count() - 1;
    }
    assertThat(auditRows).isEqualTo(t.traceSteps());
  }

  /** The sum of column I (核发金额) over 明细, 明细-2, …, read with SAX. */
  static BigDecimal paidInDetailSheets(Path book) throws Exception {
    List<BigDecimal> sums = new ArrayList<>();
    try (OPCPackage pkg = OPCPackage.open(book.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (it.hasNext()) {
        try (InputStream in = it.next()) {
          if (!it.getSheetName().matches("明细(-\\d+)?")) {
            continue;
          }
          BigDecimal[] sum = {Money.ZERO};
          XMLReader xml = XMLHelper.newXMLReader();
          xml.setContentHandler(
              new DefaultHandler() {
                private boolean paidCell;
                private boolean inValue;
                private final StringBuilder value = new StringBuilder();

                @Override
                public void startElement(String u, String l, String q, Attributes a) {
                  if ("c".equals(l)) {
                    String ref = a.getValue("r");
                    paidCell = isDataI(ref);
                  } else if ("v".equals(l) && paidCell) {
                    inValue = true;
                    value.setLength(0);
                  }
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                  if (inValue) {
                    value.append(ch, start, length);
                  }
                }

                @Override
                public void endElement(String u, String l, String q) {
                  if ("v".equals(l) && inValue) {
                    sum[0] = sum[0].add(Money.fen(new BigDecimal(value.toString())));
                    inValue = false;
                  }
                }
              });
          xml.parse(new InputSource(in));
          sums.add(sum[0]);
        }
      }
      pkg.revert();
    }
    assertThat(sums).isNotEmpty();
    return sums.stream().reduce(Money.ZERO, BigDecimal::add);
  }

  /** A cell of column I below the header row (row 1). */
  private static boolean isDataI(String ref) {
    return ref != null
        && ref.startsWith("I")
        && !ref.equals("I1")
        && ref.substring(1).matches("\\d+");
  }
}
