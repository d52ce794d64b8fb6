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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  private Reconciler() {}

  /**
   * @param earlierYears what runs of earlier budget years paid (lifetime caps, one-time awards and
   *     references span years)
   * @param runs the year's posted, not replaced, runs in (period, posting) order
   */
  public static Reconciliation reconcile(
      int year, PriorPayouts earlierYears, List<PostedRun> runs) {
    PaymentRegister entitledThisYear = new PaymentRegister();
    PriorPayouts prior = new Layered(earlierYears, entitledThisYear);
    Map<String, GroupDifference> groups = new LinkedHashMap<>();
    List<ClaimDifference> differences = new ArrayList<>();
    BigDecimal paidTotal = Money.ZERO;
    BigDecimal entitledTotal = Money.ZERO;
    int claimCount = 0;
    for (PostedRun run : runs) {
      List<ClaimRow> rows = run.claims().stream().map(PostedClaim::row).toList();
      RunResult recomputed =
          new SubsidyEngine(run.policies())
              .calculate(rows, new SubsidyEngine.Options(run.period(), null), prior);
      for (int i = 0; i < rows.size(); i++) {
        PostedClaim posted = run.claims().get(i);
        PayoutLine line = recomputed.lines().get(i);
        entitledThisYear.record(line, year, run.runId(), run.postedOn());
        claimCount++;
        paidTotal = paidTotal.add(posted.paid());
        entitledTotal = entitledTotal.add(line.paid());
        String group = group(line);
        String entityId = posted.row().claim().entityId();
        GroupDifference g =
            groups.getOrDefault(
                entityId + "|" + group,
                new GroupDifference(
                    entityId,
                    posted.row().claim().entityName(),
                    group,
                    cap(line),
                    Money.ZERO,
                    Money.ZERO));
        groups.put(
            entityId + "|" + group,
            new GroupDifference(
                g.entityId(),
                g.entityName(),
                g.group(),
                g.cap(),
                g.paid().add(posted.paid()),
                g.entitled().add(line.paid())));
        if (posted.paid().compareTo(line.paid()) != 0 || posted.status() != line.status()) {
          differences.add(
              new ClaimDifference(
                  run.runId(),
                  run.period(),
                  line.claimId(),
                  entityId,
                  posted.row().claim().entityName(),
                  line.clause() == null
                      ? posted.row().claim().clause()
                      : line.clause().code().toString(),
                  group,
                  posted.status(),
                  posted.paid(),
                  line.status(),
                  line.paid(),
                  line.explanation(),
                  line.trace()));
        }
      }
    }
    List<GroupDifference> differing =
        groups.values().stream().filter(g -> g.difference().signum() != 0).toList();
    return new Reconciliation(
        year, runs.size(), claimCount, paidTotal, entitledTotal, differing, differences);
  }

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
    public Optional<PriorPayment> referencePaid(String group, String referenceKey) {
      return year.referencePaid(group, referenceKey)
          .or(() -> base.referencePaid(group, referenceKey));
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
  }
}
