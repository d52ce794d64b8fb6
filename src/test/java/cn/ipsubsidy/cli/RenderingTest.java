package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample payout workbook and the template looked at as a clerk would, printed: each is written
 * as {@code calc} and {@code template} write it, then {@code scripts/render-workbook} converts it
 * with LibreOffice to PDF and PNG pages and checks them (headers on every page, money formatted, no
 * ###, the chart drawn, landscape pages, frozen panes). Skipped, with a warning, where LibreOffice,
 * poppler, a Chinese font or Carlito (Calibri's metric twin) is not installed; each rendering
 * starts LibreOffice once (a few seconds).
 */
class RenderingTest {
  @TempDir Path dir;

  /** What is missing to render as a clerk would see it, or null. */
  private static String missing;

  @BeforeAll
  static void findWhatIsMissing() throws Exception {
    if (!onPath("bash")) {
      missing = "bash not found";
    } else if (!onPath("soffice")) {
      missing =
          "LibreOffice (soffice) not installed;"
              + " apt-get install --no-install-recommends libreoffice-calc";
    } else if (!onPath("pdftoppm") || !onPath("pdftotext")) {
      missing = "poppler-utils not installed; apt-get install poppler-utils";
    } else if (output("fc-list", ":lang=zh").isBlank()) {
      missing = "no font with Chinese glyphs; apt-get install fonts-wqy-microhei";
    } else if (!output("fc-match", "-f", "%{family}", "Calibri")
        .matches("(?s)(Calibri|Carlito).*")) {
      // LibreOffice would print in a wider font than the column widths are measured for
      missing = "neither Calibri nor Carlito installed; apt-get install fonts-crosextra-carlito";
    }
    if (missing != null) {
      missing += ": rendering test skipped";
      System.out.println("[rendering test] WARNING: " + missing);
    }
  }

  @BeforeEach
  void needsLibreOfficePopplerAndFonts() {
    Assumptions.assumeTrue(missing == null, missing);
  }

  @Test
  void theSamplePayoutPrintsAndPassesEveryCheck() throws Exception {
    Path claims = dir.resolve("claims-2025Q1-lianyungang.xlsx");
    Path rules = dir.resolve("local-rules.yaml");
    Files.copy(Path.of("samples", "claims-2025Q1-lianyungang.xlsx"), claims);
    Files.copy(Path.of("samples", "local-rules.yaml"), rules);
    Path book = dir.resolve("payout.xlsx");
    Cli calc =
        Cli.inDir(
            dir, "calc", claims.toString(), "--rules", rules.toString(), "--out", book.toString());
    assertThat(calc.exit()).as(calc.all()).isZero();

    String out = render(book);
    assertThat(out)
        .contains("chart \"各条款核发金额\" on page 1, with its bars drawn")
        .contains("render-workbook: all checks passed");
    assertThat(pngs("payout")).hasSizeGreaterThan(5);
  }

  @Test
  void theTemplatePrintsAndPassesEveryCheck() throws Exception {
    Path book = dir.resolve("template.xlsx");
    Cli template = Cli.run("template", "lyg-2021", "-o", book.toString());
    assertThat(template.exit()).as(template.all()).isZero();

    String out = render(book);
    assertThat(out).contains("申报汇总表: 1\n").contains("render-workbook: all checks passed");
    assertThat(pngs("template")).hasSizeGreaterThan(1);
  }

  /** Runs scripts/render-workbook on {@code book} into dir/render; returns what it printed. */
  private String render(Path book) throws Exception {
    Path log = dir.resolve(book.getFileName() + ".log");
    Process p =
        new ProcessBuilder(
                "bash",
                "scripts/render-workbook",
                book.toString(),
                dir.resolve("render").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    String out = Files.readString(log);
    assertThat(done).as("render-workbook still running after 5 minutes:\n" + out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private List<Path> pngs(String name) throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("render"))) {
      return files.filter(f -> f.getFileName().toString().matches(name + "-\\d+\\.png")).toList();
    }
  }

  /** What a command prints, or "" when it fails to run. */
  private static String output(String... command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
  }
}
