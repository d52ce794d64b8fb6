package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The calculator: claims + policies + what earlier runs paid → payout lines with their trace. A
 * pure function: no files, no database; the ledger and the report live elsewhere.
 *
 * <p>Two entry points compute the same thing: {@link #calculate(List, Options, PriorPayouts)} for
 * rows held in memory, and {@link #calculate(RowSource, Options, PriorPayouts, LineSink)} for runs
 * of any size, whose rows and lines live outside the heap; then only the caps' running totals and
 * the exactly-once keys are held here.
 */
public final class SubsidyEngine {
  /** Sort key of a row without a readable event date: after every date. */
  private static final long NO_DATE = Integer.MAX_VALUE;

  /** Rows without a readable date go last; they are rejected and use no cap. */
  private static final Comparator<LocalDate> LATEST_LAST =
      Comparator.nullsLast(Comparator.naturalOrder());

  private final PolicyRegistry registry;

  public SubsidyEngine(PolicyRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param period the period processed; its year is the budget year of annual caps
   * @param defaultPolicyId the policy a bare clause code ("2a") belongs to (--policy), or null
   */
  public record Options(Period period, String defaultPolicyId) {}

  /** Rows held in memory, as a {@link RowSource} in processing order (event date, input index). */
  public static RowSource inProcessingOrder(List<ClaimRow> rows) {
    return inMemory(rows, position -> {});
  }

  /**
   * Computes every row. Rows are taken in event-date order, then input order, so caps and
   * duplicates favour the earlier event; the result lists them in input order.
   */
  public RunResult calculate(List<ClaimRow> rows, Options options, PriorPayouts prior) {
    PayoutLine[] lines = new PayoutLine[rows.size()];
    int[] current = {-1};
    RowSource source = inMemory(rows, position -> current[0] = position);
    List<CapUsage> usages = calculate(source, options, prior, line -> lines[current[0]] = line);
    return new RunResult(options.period(), Arrays.asList(lines), usages);
  }

  /**
   * Rows held in memory in processing order; {@code handingOut} hears the position in {@code rows}
   * of each row as the iterator hands it out (so a caller can put its line back in input order).
   */
  private static RowSource inMemory(List<ClaimRow> rows, IntConsumer handingOut) {
    List<Integer> order =
        IntStream.range(0, rows.size())
            .boxed()
            .sorted(
                Comparator.comparing((Integer i) -> eventDate(rows.get(i)), LATEST_LAST)
                    .thenComparing(i -> rows.get(i).inputIndex()))
            .toList();
    Map<Integer, ClaimRow> byIndex = new HashMap<>();
    for (ClaimRow row : rows) {
      byIndex.putIfAbsent(row.inputIndex(), row);
    }
    return new RowSource() {
      @Override
      public int size() {
        return rows.size();
      }

      @Override
      public ClaimRow row(int inputIndex) {
        return byIndex.get(inputIndex);
      }

      @Override
      public Iterator<ClaimRow> iterator() {
        Iterator<Integer> positions = order.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return positions.hasNext();
          }

          @Override
          public ClaimRow next() {
            int position = positions.next();
            handingOut.accept(position);
            return rows.get(position);
          }
        };
      }
    };
  }

  /**
   * Computes every row of {@code rowsInProcessingOrder}, in the order it gives (see {@link
   * RowSource}: the caller sorts, e.g. with {@link #processingKey}), and hands each line to {@code
   * sink} as soon as it is computed. Memory does not grow with the number of rows, only with the
   * entities and cap groups (running totals) and the distinct references and one-time keys.
   *
   * @return the cap usage per entity and cap group (the 主体 rows)
   */
  public List<CapUsage> calculate(
      RowSource rowsInProcessingOrder, Options options, PriorPayouts prior, LineSink sink) {
    RunTally tally = new RunTally();
    CapLedger caps = new CapLedger(prior);
    ClaimCalculator calculator =
        new ClaimCalculator(
            registry,
            options.defaultPolicyId(),
            prior,
            tally,
            caps,
            options.period().year(),
            rowsInProcessingOrder::row);
    for (ClaimRow row : rowsInProcessingOrder) {
      sink.accept(calculator.evaluate(row));
    }
    return caps.usages();
  }

  /**
   * The sort key of the processing order: the event date (epoch day; rows without a readable date
   * last), then the input index, packed in a long so that a million rows sort as primitives.
   */
  public static long processingKey(LocalDate eventDateOrNull, int inputIndex) {
    long day =
        eventDateOrNull == null
            ? NO_DATE
            : Math.max(Integer.MIN_VALUE, Math.min(NO_DATE - 1, eventDateOrNull.toEpochDay()));
    return (day << 32) | (inputIndex & 0xFFFFFFFFL);
  }

  /** The input index packed in a {@link #processingKey}. */
  public static int inputIndexOf(long processingKey) {
    return (int) processingKey;
  }

  /** The event date, or null when the row has none that could be read. */
  public static LocalDate eventDate(ClaimRow row) {
    return row.claim() == null ? null : row.claim().eventDate();
  }
}
