package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.policy.ClauseCode;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The annual reconciliation: recomputes every posted claim of a budget year, run by run in period
 * order, under the policies and rules recorded with each run, and compares what each claim and each
 * entity's cap group is entitled to with what was paid. The prior of each run is what the earlier
 * runs of the year are entitled to (not what they were paid), on top of what earlier years paid; so
 * a Q1 run replaced after Q2 was posted shows up as a difference in Q2.
 */
public final class Reconciler {

  /** One posted run of the year, with the policies it was computed under. */
  public record PostedRun(
      String runId,
      Period period,
      LocalDate postedOn,
      PolicyRegistry policies,
      List<PostedClaim> claims) {
    public PostedRun {
      claims = List.copyOf(claims);
    }
  }

  /** A posted claim: the row as read (条款 holds the resolved clause code) and what it was paid. */
  public record PostedClaim(ClaimRow row, Status status, BigDecimal paid) {}

  /** A claim whose entitlement differs from its payment. */
  public record ClaimDifference(
      String runId,
      Period period,
      String claimId,
      String entityId,
      String entityName,
      String clause,
      String group,
      Status paidStatus,
      BigDecimal paid,
      Status entitledStatus,
      BigDecimal entitled,
      Bilingual explanation,
      List<TraceStep> steps) {
    /** Positive: to top up; negative: to recover. */
    public BigDecimal difference() {
      return entitled.subtract(paid);
    }
  }

  /** Per entity and cap group (the clause code for clauses without an annual cap). */
  public record GroupDifference(
      String entityId,
      String entityName,
      String group,
      BigDecimal cap,
      BigDecimal paid,
      BigDecimal entitled) {
    public BigDecimal difference() {
      return entitled.subtract(paid);
    }
  }

  /** The year's outcome; {@link #differs()} drives exit code 3. */
  public record Reconciliation(
      int year,
      int runs,
      int claims,
      BigDecimal paid,
      BigDecimal entitled,
      List<GroupDifference> groups,
      List<ClaimDifference> differences) {
    public boolean differs() {
      return !differences.isEmpty();
    }
  }

  /** What a claim was posted with, looked up by its input index as the engine recomputes it. */
  public record Posted(Status status, BigDecimal paid) {}

  private Reconciler() {}

  /**
   * @param earlierYears what runs of earlier budget years paid (lifetime caps, one-time awards and
   *     references span years)
   * @param runs the year's posted, not replaced, runs in (period, posting) order
   */
  public static Reconciliation reconcile(
      int year, PriorPayouts earlierYears, List<PostedRun> runs) {
    Year y = new Year(year, earlierYears);
    for (PostedRun run : runs) {
      List<ClaimRow> rows = run.claims().stream().map(PostedClaim::row).toList();
      Map<Integer, PostedClaim> byIndex = new HashMap<>();
      for (PostedClaim c : run.claims()) {
        byIndex.put(c.row().inputIndex(), c);
      }
      y.run(
          run.runId(),
          run.period(),
          run.postedOn(),
          run.policies(),
          SubsidyEngine.inProcessingOrder(rows),
          i -> new Posted(byIndex.get(i).status(), byIndex.get(i).paid()));
    }
    return y.finish();
  }

  /**
   * A year reconciled run by run, each run's rows streamed through the engine, so that a year of a
   * million posted claims needs no more memory than the caps and exactly-once keys: what is kept
   * per claim is only what differs.
   */
  public static final class Year {
    private final int year;
    private final PaymentRegister entitledThisYear = new PaymentRegister();
    private final PriorPayouts prior;
    private final Map<String, GroupDifference> groups = new LinkedHashMap<>();
    private final List<ClaimDifference> differences = new ArrayList<>();
    private BigDecimal paidTotal = Money.ZERO;
    private BigDecimal entitledTotal = Money.ZERO;
    private int claimCount;
    private int runCount;

    public Year(int year, PriorPayouts earlierYears) {
      this.year = year;
      this.prior = new Layered(earlierYears, entitledThisYear);
    }

    /**
     * Recomputes one posted run, after every earlier run of the year.
     *
     * @param rowsInProcessingOrder the run's rows as posted (条款 holds the resolved code)
     * @param posted what the row with a given input index was posted with
     */
    public void run(
        String runId,
        Period period,
        LocalDate postedOn,
        PolicyRegistry policies,
        RowSource rowsInProcessingOrder,
        IntFunction<Posted> posted) {
      runCount++;
      // This run's entitlements join the year's only after the run: within it the engine's own
      // tally counts them, as it did when the run was computed.
      PaymentRegister thisRun = new PaymentRegister();
      List<IndexedDifference> runDifferences = new ArrayList<>();
      new SubsidyEngine(policies)
          .calculate(
              rowsInProcessingOrder,
              new SubsidyEngine.Options(period, null),
              prior,
              line -> {
                Posted p = posted.apply(line.row().inputIndex());
                thisRun.record(line, year, runId, postedOn);
                compare(runId, period, line, p, runDifferences);
              });
      entitledThisYear.addAll(thisRun);
      // listed in input order, as the run's 明细 lists them
      runDifferences.sort(Comparator.comparingInt(IndexedDifference::inputIndex));
      for (IndexedDifference d : runDifferences) {
        differences.add(d.difference());
      }
    }

    private void compare(
        String runId,
        Period period,
        PayoutLine line,
        Posted posted,
        List<IndexedDifference> runDifferences) {
      claimCount++;
      paidTotal = paidTotal.add(posted.paid());
      entitledTotal = entitledTotal.add(line.paid());
      String group = group(line);
      var claim = line.row().claim();
      String entityId = claim.entityId();
      String key = entityId + "|" + group;
      GroupDifference g = groups.get(key);
      if (g == null) {
        g =
            new GroupDifference(
                entityId, claim.entityName(), group, cap(line), Money.ZERO, Money.ZERO);
      }
      groups.put(
          key,
          new GroupDifference(
              g.entityId(),
              g.entityName(),
              g.group(),
              g.cap(),
              g.paid().add(posted.paid()),
              g.entitled().add(line.paid())));
      if (posted.paid().compareTo(line.paid()) != 0 || posted.status() != line.status()) {
        runDifferences.add(
            new IndexedDifference(
                line.row().inputIndex(),
                new ClaimDifference(
                    runId,
                    period,
                    line.claimId(),
                    entityId,
                    claim.entityName(),
                    line.clause() == null ? claim.clause() : line.clause().code().toString(),
                    group,
                    posted.status(),
                    posted.paid(),
                    line.status(),
                    line.paid(),
                    line.explanation(),
                    line.trace())));
      }
    }

    /** The year's outcome, after its last run. */
    public Reconciliation finish() {
      List<GroupDifference> differing =
          groups.values().stream().filter(g -> g.difference().signum() != 0).toList();
      return new Reconciliation(
          year, runCount, claimCount, paidTotal, entitledTotal, differing, differences);
    }
  }

  private record IndexedDifference(int inputIndex, ClaimDifference difference) {}

  private static String group(PayoutLine line) {
    if (line.capGroup() != null) {
      return line.capGroup();
    }
    return line.clause() == null ? "—" : line.clause().code().toString();
  }

  private static BigDecimal cap(PayoutLine line) {
    return line.clause() != null
            && line.clause().caps() != null
            && line.clause().caps().annual() != null
        ? line.clause().caps().annual().amount()
        : null;
  }

  /** Earlier years' payments plus this year's recomputed entitlements. */
  private record Layered(PriorPayouts base, PaymentRegister year) implements PriorPayouts {
    @Override
    public BigDecimal paidInYear(String entityId, String group, int y) {
      return base.paidInYear(entityId, group, y).add(year.paidInYear(entityId, group, y));
    }

    @Override
    public List<String> runsInYear(String entityId, String group, int y) {
      List<String> runs = new ArrayList<>(base.runsInYear(entityId, group, y));
      runs.addAll(year.runsInYear(entityId, group, y));
      return runs;
    }

    @Override
    public BigDecimal paidLifetime(String group, String projectKey) {
      return base.paidLifetime(group, projectKey).add(year.paidLifetime(group, projectKey));
    }

    @Override
    public Optional<PriorPayment> referencePaid(
        String group, String referenceKey, String lowerClause) {
      Optional<PriorPayment> now = year.referencePaid(group, referenceKey, lowerClause);
      Optional<PriorPayment> before = base.referencePaid(group, referenceKey, lowerClause);
      // the lower award's payment counts only when neither layer holds another
      return now.filter(p -> lowerClause == null || !lowerClause.equals(p.clause()))
          .or(() -> before)
          .or(() -> now);
    }

    @Override
    public Optional<PriorPayment> oneTimePaid(String entityId, ClauseCode clause, Level level) {
      return year.oneTimePaid(entityId, clause, level)
          .or(() -> base.oneTimePaid(entityId, clause, level));
    }

    @Override
    public Optional<PriorPayment> claimPaid(String claimId) {
      return year.claimPaid(claimId).or(() -> base.claimPaid(claimId));
    }

    @Override
    public Optional<PriorPayment> oneTimePaid(String oneTimeKey) {
      return year.oneTimePaid(oneTimeKey).or(() -> base.oneTimePaid(oneTimeKey));
    }

    @Override
    public Optional<PriorPayment> paidForClauseInYear(String entityId, String clause, int y) {
      return year.paidForClauseInYear(entityId, clause, y)
          .or(() -> base.paidForClauseInYear(entityId, clause, y));
    }
  }
}
