package cn.ipsubsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.claims.ClaimsFiles;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.engine.SubsidyEngine;
import cn.ipsubsidy.samples.LargeClaims;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spilled run computes on three threads (rows decoded on one, the engine on another, lines
 * spilled on the caller's): it gives exactly what the in-memory engine gives for the same file, in
 * the same processing order, over many hand-over batches.
 */
class SpilledRunTest {
  @Test
  void threeThreadsComputeWhatTheInMemoryEngineComputes(@TempDir Path dir) throws Exception {
    Path claims = dir.resolve("claims.xlsx");
    LargeClaims.write(6_000, claims, 200); // about a dozen batches of rows and of lines
    PolicySetup policies = PolicySetup.load(null);
    SubsidyEngine.Options options = new SubsidyEngine.Options(new Period(2025, 4), null);
    RunResult inMemory =
        new SubsidyEngine(policies.registry())
            .calculate(ClaimsFiles.readAll(claims, null), options, PriorPayouts.NONE);

    List<PayoutLine> handedOut = new ArrayList<>();
    Set<String> threads = Collections.synchronizedSet(new java.util.HashSet<>());
    try (SpilledRun run = SpilledRun.read(claims, null, policies.registry(), Progress.NONE)) {
      RunResult spilled =
          run.compute(
              options,
              PriorPayouts.NONE,
              line -> {
                handedOut.add(line);
                threads.add(Thread.currentThread().getName());
              });

      List<PayoutLine> back = new ArrayList<>();
      spilled.lines().forEach(back::add);
      assertThat(back).hasSize(6_000).containsExactlyElementsOf(inMemory.lines());
      assertThat(spilled.capUsages()).isEqualTo(inMemory.capUsages());
      for (Status s : Status.values()) {
        assertThat(spilled.count(s)).isEqualTo(inMemory.count(s));
      }
      assertThat(spilled.totalPaid()).isEqualByComparingTo(inMemory.totalPaid());
    }
    // handed to the caller's sink on the caller's thread, in processing order (event date, then
    // input index), which for this file is not input order
    assertThat(threads).containsExactly(Thread.currentThread().getName());
    List<PayoutLine> inProcessingOrder = new ArrayList<>(inMemory.lines());
    inProcessingOrder.sort(
        java.util.Comparator.comparingLong(
            l -> SubsidyEngine.processingKey(eventDate(l.row()), l.row().inputIndex())));
    assertThat(handedOut).containsExactlyElementsOf(inProcessingOrder);
    assertThat(handedOut).isNotEqualTo(inMemory.lines());
  }

  private static java.time.LocalDate eventDate(ClaimRow row) {
    return SubsidyEngine.eventDate(row);
  }
}
