package cn.ipsubsidy.app;

import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PaymentRegister;
import cn.ipsubsidy.engine.Reconciler;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.LedgerEntry;
import cn.ipsubsidy.ledger.RunRecord;
import cn.ipsubsidy.ledger.VerifyResult;
import cn.ipsubsidy.policy.PolicyRegistry;
import cn.ipsubsidy.report.OutputFiles;
import cn.ipsubsidy.report.ReconciliationWorkbookWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The annual reconciliation for cron: recompute every posted, not replaced, claim of a budget year
 * under the policies and rules recorded with its run, compare with what was paid, and write the
 * reconciliation workbook. Reads only; the workbook is replaced atomically each time, so it is safe
 * to run every night.
 */
public final class ReconcileJob {
  private static final Logger log = LoggerFactory.getLogger(ReconcileJob.class);

  public record Outcome(Reconciler.Reconciliation reconciliation, Path workbook, String ledger) {}

  private final String toolVersion;

  public ReconcileJob(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  public Outcome run(int year, String ledgerUrl, Path out) throws IOException {
    String url = ledgerUrl != null ? ledgerUrl : Ledger.defaultUrl();
    try (Ledger ledger = Ledger.open(url)) {
      VerifyResult verified = ledger.verify();
      if (!verified.ok()) {
        throw new LedgerCheckFailedException(ledger.url(), verified);
      }
      Map<String, RunRecord> runs = new LinkedHashMap<>();
      for (RunRecord r : ledger.runs()) {
        runs.put(r.runId(), r);
      }
      PaymentRegister earlier = new PaymentRegister();
      int firstYear = runs.values().stream().mapToInt(r -> r.period().year()).min().orElse(year);
      for (int y = firstYear; y < year; y++) {
        for (LedgerEntry e : ledger.claimsOfYear(y)) {
          PostedClaims.record(earlier, e, runs.get(e.runId()));
        }
      }
      Map<String, PolicyRegistry> policyCache = new HashMap<>();
      Map<String, List<Reconciler.PostedClaim>> claimsByRun = new LinkedHashMap<>();
      for (LedgerEntry e : ledger.claimsOfYear(year)) {
        claimsByRun
            .computeIfAbsent(e.runId(), k -> new ArrayList<>())
            .add(new Reconciler.PostedClaim(PostedClaims.asResolved(e), e.status(), e.paid()));
      }
      List<Reconciler.PostedRun> posted = new ArrayList<>();
      for (Map.Entry<String, List<Reconciler.PostedClaim>> e : claimsByRun.entrySet()) {
        RunRecord run = runs.get(e.getKey());
        Period period = run.period();
        PolicyRegistry policies = PostedClaims.policies(ledger.documents(run.runId()), policyCache);
        // The engine takes rows in input order; the ledger listed them by event date.
        List<Reconciler.PostedClaim> inInputOrder = new ArrayList<>(e.getValue());
        inInputOrder.sort(java.util.Comparator.comparingInt(c -> c.row().inputIndex()));
        posted.add(
            new Reconciler.PostedRun(run.runId(), period, run.paidOn(), policies, inInputOrder));
      }
      Reconciler.Reconciliation r = Reconciler.reconcile(year, earlier, posted);
      Path target = out != null ? out : Path.of("reconcile-" + year + ".xlsx");
      OutputFiles.writeAtomically(
          target,
          true,
          tmp ->
              new ReconciliationWorkbookWriter()
                  .write(
                      r,
                      new ReconciliationWorkbookWriter.Facts(
                          ledger.url(), Instant.now(), toolVersion),
                      tmp));
      log.info(
          "reconcile {}: {} runs, {} claims, paid {}, entitled {}, {} groups and {} claims differ; wrote {}",
          year,
          r.runs(),
          r.claims(),
          r.paid(),
          r.entitled(),
          r.groups().size(),
          r.differences().size(),
          target);
      return new Outcome(r, target, ledger.url());
    }
  }
}
