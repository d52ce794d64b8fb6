package cn.ipsubsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.ClaimRow;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of the claims readers (Jazzer): any bytes, read as the claims file. The
 * content decides the reader as {@link ClaimsFiles} does (a zip → xlsx, an OLE2 file → xls,
 * anything else → csv), so one target covers the three.
 *
 * <p>What must hold for every input: no exception but {@link ClaimsFileException} escapes; that one
 * names the file in Chinese and English on one line; every cell problem of a row names its sheet,
 * row and column (header and letter) and gives a reason in both languages.
 *
 * <p>Runs: {@code ./mvnw verify} fuzzes for {@code fuzz.duration} (30 s by default) in the surefire
 * execution "fuzz"; longer with {@code -Dfuzz.duration=10m}; {@code -Dfuzz=false} only replays the
 * inputs below. Seeds and every crash Jazzer finds live in {@code
 * src/test/resources/cn/ipsubsidy/claims/ClaimsReadersFuzzTestInputs/readers/} and are replayed on
 * every build (a crash is written there as {@code crash-<sha1>}: fix the reader, then add the file
 * to {@code bad-inputs/} with the answer it gets, see {@code docs/robustness.md}). The corpus the
 * fuzzer grows is kept in {@code .cifuzz-corpus/} (not committed).
 */
class ClaimsReadersFuzzTest {
  private static final Path DIR = tempDir();

  private static final Pattern COLUMN = Pattern.compile(".* \\([A-Z]{1,3}\\)", Pattern.DOTALL);

  @FuzzTest(maxDuration = "30s")
  void readers(byte[] data) throws IOException {
    Path file = DIR.resolve(name(data));
    Files.write(file, data);
    try {
      ClaimsFiles.read(file, null, ClaimsReadersFuzzTest::check);
    } catch (ClaimsFileException e) {
      String shown = file.toString();
      assertThat(e.message().zh()).contains(shown).doesNotContain("\n");
      assertThat(e.message().en()).contains(shown).doesNotContain("\n");
    }
  }

  /** The name a clerk's file of this content would have. */
  static String name(byte[] data) {
    if (data.length >= 4 && data[0] == 'P' && data[1] == 'K') {
      return "claims.xlsx";
    }
    if (data.length >= 8
        && (data[0] & 0xFF) == 0xD0
        && (data[1] & 0xFF) == 0xCF
        && (data[2] & 0xFF) == 0x11
        && (data[3] & 0xFF) == 0xE0) {
      return "claims.xls";
    }
    return "claims.csv";
  }

  static void check(ClaimRow row) {
    assertThat(row.location().row()).isPositive();
    for (CellProblem p : row.problems()) {
      assertThat(p.sheet()).isNotBlank();
      assertThat(p.row()).isEqualTo(row.location().row());
      assertThat(p.column()).matches(COLUMN);
      assertThat(p.cellText()).isNotNull().hasSizeLessThanOrEqualTo(RowParser.MAX_SHOWN_CHARS + 40);
      assertThat(p.reason().zh()).isNotBlank();
      assertThat(p.reason().en()).isNotBlank();
    }
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("ipsubsidy-fuzz");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
