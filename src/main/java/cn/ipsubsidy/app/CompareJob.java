package cn.ipsubsidy.app;

import cn.ipsubsidy.claims.ClaimsFiles;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.SubsidyEngine;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.policy.PolicyRegistry;
import cn.ipsubsidy.report.Comparison;
import cn.ipsubsidy.report.ComparisonWorkbookWriter;
import cn.ipsubsidy.report.OutputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What-if: the same claims under today's rules (A) and changed ones (B), each computed as {@code
 * calc --dry-run} would, counting earlier payments from the ledger when one is named; nothing is
 * posted. A is the bundled policies with {@code --rules} laid over them; B is the bundled policies
 * with {@code --rules-b}. With {@code --rules} alone, A is the bundled policies and B adds the
 * rules, so "what would this rules file cost" is one flag.
 */
public final class CompareJob {

  /**
   * @param rulesA the baseline rules (--rules), or null
   * @param rulesB the changed rules (--rules-b), or null
   * @param ledgerUrl the ledger to count earlier payments from, or null for none
   */
  public record Request(
      Path claims,
      String sheet,
      String policyId,
      Period period,
      Path out,
      boolean force,
      Path rulesA,
      Path rulesB,
      String ledgerUrl,
      Duration lockWait) {}

  public record Outcome(Comparison comparison, Path workbook) {}

  public Outcome run(Request req) throws IOException {
    if (req.rulesA() == null && req.rulesB() == null) {
      throw new UsageException(
          "请用 --rules 或 --rules-b 指定调整后的规则文件",
          "name the changed rules with --rules-b (or --rules alone to compare against bundled)");
    }
    Path baseline = req.rulesB() == null ? null : req.rulesA();
    Path changed = req.rulesB() == null ? req.rulesA() : req.rulesB();
    PolicySetup a = PolicySetup.load(baseline);
    PolicySetup b = PolicySetup.load(changed);
    for (PolicySetup s : List.of(a, b)) {
      if (req.policyId() != null && s.registry().document(req.policyId()).isEmpty()) {
        throw new UsageException("未登记的政策：" + req.policyId(), "unknown policy: " + req.policyId());
      }
    }
    Path target =
        req.out() != null
            ? req.out()
            : req.claims().resolveSibling(stem(req.claims()) + "-compare.xlsx");
    List<ClaimRow> rows = new ArrayList<>();
    ClaimsFiles.read(req.claims(), req.sheet(), rows::add);
    Period period = req.period() != null ? req.period() : latestQuarter(rows);
    RunResult[] results = new RunResult[2];
    String ledger = null;
    if (req.ledgerUrl() == null) {
      results[0] = compute(a.registry(), rows, period, req.policyId(), PriorPayouts.NONE);
      results[1] = compute(b.registry(), rows, period, req.policyId(), PriorPayouts.NONE);
    } else {
      try (Ledger l = Ledger.open(req.ledgerUrl())) {
        ledger = l.url();
        l.withRunLock(
            req.lockWait(),
            session -> {
              PriorPayouts prior = session.prior(period.year());
              results[0] = compute(a.registry(), rows, period, req.policyId(), prior);
              results[1] = compute(b.registry(), rows, period, req.policyId(), prior);
              return null;
            });
      }
    }
    Comparison c =
        new Comparison(
            req.claims().getFileName().toString(),
            period,
            label("内置政策 bundled policies", baseline),
            label("内置政策 bundled policies", changed),
            ledger,
            results[0],
            results[1]);
    OutputFiles.writeAtomically(
        target, req.force(), tmp -> new ComparisonWorkbookWriter().write(c, tmp));
    return new Outcome(c, target);
  }

  private static RunResult compute(
      PolicyRegistry registry, List<ClaimRow> rows, Period period, String policy, PriorPayouts p) {
    return new SubsidyEngine(registry)
        .calculate(rows, new SubsidyEngine.Options(period, policy), p);
  }

  private static String label(String base, Path rules) {
    return rules == null ? base : base + " + " + rules.getFileName();
  }

  /** As calc: the quarter of the latest event date, or today's. */
  private static Period latestQuarter(List<ClaimRow> rows) {
    return Period.of(
        rows.stream()
            .map(r -> r.claim() == null ? null : r.claim().eventDate())
            .filter(Objects::nonNull)
            .max(LocalDate::compareTo)
            .orElse(LocalDate.now()));
  }

  private static String stem(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
