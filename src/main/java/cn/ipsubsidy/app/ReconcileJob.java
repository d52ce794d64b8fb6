package cn.ipsubsidy.app;

import cn.ipsubsidy.app.spill.RowSpill;
import cn.ipsubsidy.engine.PaymentRegister;
import cn.ipsubsidy.engine.Reconciler;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.LedgerEntry;
import cn.ipsubsidy.ledger.RunRecord;
import cn.ipsubsidy.ledger.VerifyResult;
import cn.ipsubsidy.policy.PolicyRegistry;
import cn.ipsubsidy.report.OutputFiles;
import cn.ipsubsidy.report.ReconciliationWorkbookWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        ledger.forEachClaimOfYear(y, e -> PostedClaims.record(earlier, e, runs.get(e.runId())));
      }
      Reconciler.Year reconciling = new Reconciler.Year(year, earlier);
      Map<String, PolicyRegistry> policyCache = new HashMap<>();
      ledger.forEachClaimOfYear(
          year,
          new Ledger.YearVisitor() {
            private RowSpill rows;
            private PostedAmounts posted;

            @Override
            public void startRun(RunRecord run) {
              rows = new RowSpill();
              posted = new PostedAmounts();
            }

            @Override
            public void claim(LedgerEntry e) {
              rows.append(PostedClaims.asResolved(e));
              posted.add(e.status(), e.paid());
            }

            @Override
            public void endRun(RunRecord run) {
              try (RowSpill spilled = rows) {
                PolicyRegistry policies =
                    PostedClaims.policies(ledger.documents(run.runId()), policyCache);
                reconciling.run(
                    run.runId(),
                    run.period(),
                    run.paidOn(),
                    policies,
                    spilled.inProcessingOrder(),
                    posted::get);
              }
            }
          });
      Reconciler.Reconciliation r = reconciling.finish();
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

  /**
   * What each claim of a run was posted with, by input index: a status byte and fen, no objects.
   */
  private static final class PostedAmounts {
    private static final Status[] STATUSES = Status.values();
    private byte[] status = new byte[1024];
    private long[] fen = new long[1024];
    private int size;

    void add(Status s, BigDecimal paid) {
      if (size == fen.length) {
        status = Arrays.copyOf(status, size * 2);
        fen = Arrays.copyOf(fen, size * 2);
      }
      status[size] = (byte) s.ordinal();
      fen[size++] = paid.movePointRight(2).longValueExact();
    }

    Reconciler.Posted get(int inputIndex) {
      return new Reconciler.Posted(
          STATUSES[status[inputIndex]], BigDecimal.valueOf(fen[inputIndex], 2));
    }
  }
}
