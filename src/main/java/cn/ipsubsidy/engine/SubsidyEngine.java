package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The calculator: claims + policies + what earlier runs paid → payout lines with their trace. A
 * pure function: no files, no database; the ledger and the report live elsewhere.
 */
public final class SubsidyEngine {
  private final PolicyRegistry registry;

  public SubsidyEngine(PolicyRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param period the period processed; its year is the budget year of annual caps
   * @param defaultPolicyId the policy a bare clause code ("2a") belongs to (--policy), or null
   */
  public record Options(Period period, String defaultPolicyId) {}

  /**
   * Computes every row. Rows are taken in event-date order, then input order, so caps and
   * duplicates favour the earlier event; the result lists them in input order.
   */
  public RunResult calculate(List<ClaimRow> rows, Options options, PriorPayouts prior) {
    RunTally tally = new RunTally();
    CapLedger caps = new CapLedger(prior);
    ClaimCalculator calculator =
        new ClaimCalculator(
            registry, options.defaultPolicyId(), prior, tally, caps, options.period().year());
    PayoutLine[] lines = new PayoutLine[rows.size()];
    List<Integer> order =
        java.util.stream.IntStream.range(0, rows.size())
            .boxed()
            .sorted(
                Comparator.comparing((Integer i) -> eventDate(rows.get(i)))
                    .thenComparing(i -> rows.get(i).inputIndex()))
            .toList();
    for (int i : order) {
      lines[i] = calculator.evaluate(rows.get(i));
    }
    return new RunResult(options.period(), Arrays.asList(lines), caps.usages());
  }

  /** Rows without a readable date go last; they are rejected and use no cap. */
  private static LocalDate eventDate(ClaimRow row) {
    LocalDate d = row.claim() == null ? null : row.claim().eventDate();
    return d == null ? LocalDate.MAX : d;
  }
}
