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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
