package cn.ipsubsidy.app.spill;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.app.PolicySetup;
import cn.ipsubsidy.claims.ClaimsFiles;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.CapUsage;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.engine.StoredLines;
import cn.ipsubsidy.engine.SubsidyEngine;
import cn.ipsubsidy.samples.LargeClaims;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows and lines written to the spill files read back equal to what was written, field by field
 * (amounts with their scale), and the streaming engine over the row spill computes exactly what the
 * in-memory engine computes.
 */
class SpillRoundTripTest {
  @ParameterizedTest
  @CsvSource({
    "samples/claims-2025Q1-lianyungang.xlsx, samples/local-rules.yaml",
    "samples/claims-2025Q1-wuxi.csv, ''"
  })
  void streamingEqualsInMemory(String claims, String rules) {
    PolicySetup policies = PolicySetup.load(rules.isEmpty() ? null : Path.of(rules));
    List<ClaimRow> rows = ClaimsFiles.readAll(Path.of(claims), null);
    SubsidyEngine engine = new SubsidyEngine(policies.registry());
    SubsidyEngine.Options options = new SubsidyEngine.Options(new Period(2025, 1), null);
    RunResult inMemory = engine.calculate(rows, options, PriorPayouts.NONE);

    try (RowSpill rowSpill = new RowSpill();
        LineSpill lineSpill = new LineSpill(policies.registry(), rows.size())) {
      rows.forEach(rowSpill::append);
      List<CapUsage> caps =
          engine.calculate(rowSpill.inProcessingOrder(), options, PriorPayouts.NONE, lineSpill);
      StoredLines stored = lineSpill.lines();
      RunResult streamed = new RunResult(options.period(), stored, caps);

      assertThat(streamed.lines()).isSameAs(stored);
      List<PayoutLine> back = new ArrayList<>();
      stored.forEach(back::add);
      assertThat(back).containsExactlyElementsOf(inMemory.lines());
      assertThat(stored.get(3)).isEqualTo(inMemory.lines().get(3));
      assertThat(streamed.capUsages()).isEqualTo(inMemory.capUsages());
      for (Status s : Status.values()) {
        assertThat(streamed.count(s)).isEqualTo(inMemory.count(s));
      }
      assertThat(streamed.totalPaid()).isEqualTo(inMemory.totalPaid());
      assertThat(streamed.badDataCount()).isEqualTo(inMemory.badDataCount());
    }
  }

  /**
   * 10,000 generated claims (every clause, event dates all over the year): their lines arrive in
   * date order and fill three buckets of input indexes, many lines crossing a 16 KB block; read
   * back in input order by the iterator, by {@code get} in order and out of order, by the spill
   * read through its mapping and by positional reads.
   */
  @ParameterizedTest(name = "mapping limit {0} bytes")
  @ValueSource(longs = {0, 256L << 20})
  void linesOfManyBucketsReadBackInInputOrder(long mapAtMost, @TempDir Path dir) throws Exception {
    Path claims = dir.resolve("claims.xlsx");
    LargeClaims.write(10_000, claims, 300);
    PolicySetup policies = PolicySetup.load(null);
    List<ClaimRow> rows = ClaimsFiles.readAll(claims, null);
    SubsidyEngine engine = new SubsidyEngine(policies.registry());
    SubsidyEngine.Options options = new SubsidyEngine.Options(new Period(2025, 4), null);
    RunResult inMemory = engine.calculate(rows, options, PriorPayouts.NONE);

    try (RowSpill rowSpill = new RowSpill();
        LineSpill lineSpill =
            new LineSpill(
                policies.registry(), rows.size(), new SpillFile("ipsubsidy-test-", mapAtMost))) {
      rows.forEach(rowSpill::append);
      engine.calculate(rowSpill.inProcessingOrder(), options, PriorPayouts.NONE, lineSpill);
      long logged = lineSpill.bytes(); // the run's log states it before the lines are ended
      StoredLines stored = lineSpill.lines();

      assertThat(lineSpill.bytes()).isEqualTo(logged).isGreaterThan(10_000L * 100);
      assertThat(stored).hasSize(10_000);
      List<PayoutLine> back = new ArrayList<>();
      stored.forEach(back::add);
      assertThat(back).containsExactlyElementsOf(inMemory.lines());
      for (int i = 0; i < stored.size(); i += 7) {
        assertThat(stored.get(i)).isEqualTo(inMemory.lines().get(i));
      }
      for (int i : new int[] {9_999, 0, 4_096, 4_095, 8_191, 8_192, 5_000, 1}) {
        assertThat(stored.get(i)).isEqualTo(inMemory.lines().get(i));
      }
    }
  }
}
