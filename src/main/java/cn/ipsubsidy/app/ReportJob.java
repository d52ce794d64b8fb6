package cn.ipsubsidy.app;

import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.TraceStep;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.LedgerEntry;
import cn.ipsubsidy.ledger.RunDetail;
import cn.ipsubsidy.ledger.RunRecord;
import cn.ipsubsidy.ledger.StoredDocument;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseCode;
import cn.ipsubsidy.policy.PolicyRegistry;
import cn.ipsubsidy.report.OutputFiles;
import cn.ipsubsidy.report.PayoutWorkbookWriter;
import cn.ipsubsidy.report.RunFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * {@code report RUN}: writes the payout workbook of a posted run again from what the ledger holds
 * (the claims, statuses, amounts, shares and explanations as posted), so its amounts are those of
 * the original. The 审计 sheet names each line's ledger entry and hash; the original computation
 * steps are in the run's audit CSV.
 */
public final class ReportJob {
  private final String toolVersion;

  public ReportJob(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  public record Outcome(RunRecord run, Path workbook, RunResult result) {}

  public Outcome run(String runId, String ledgerUrl, Path out, boolean force) throws IOException {
    try (Ledger ledger = PostedClaims.open(ledgerUrl)) {
      RunDetail detail = PostedClaims.show(ledger, runId);
      RunRecord run = detail.run();
      PolicyRegistry policies = PostedClaims.policies(detail.documents(), new HashMap<>());
      List<PayoutLine> lines = new ArrayList<>();
      for (LedgerEntry e : detail.payouts()) {
        Clause clause =
            e.clauseCode() == null
                ? null
                : policies.clause(ClauseCode.of(e.clauseCode())).orElse(null);
        TraceStep posted =
            new TraceStep(
                e.claimId(),
                "过账 posted",
                "台账记录 ledger entry #" + e.seq() + " (" + run.runId() + ")",
                e.citation(),
                "",
                "hash " + e.hash(),
                Money.format(e.paid()));
        lines.add(
            new PayoutLine(
                e.row(),
                e.status(),
                clause,
                e.computed(),
                e.paid(),
                e.cityShare(),
                e.districtShare(),
                e.citation() == null ? "" : e.citation(),
                e.explanation(),
                e.badData(),
                e.annualGroup(),
                List.of(posted)));
      }
      RunResult result = new RunResult(run.period(), lines, detail.capUsages());
      StoredDocument rules = PostedClaims.rules(detail);
      RunFacts facts =
          new RunFacts(
              run.runId(),
              run.period(),
              "台账 ledger (" + ledger.url() + ")",
              policies.documents(),
              run.inputFile(),
              run.inputSha256(),
              run.postedAt(),
              toolVersion,
              run.operator(),
              rules == null ? null : rules.name(),
              rules == null ? null : rules.sha256(),
              PolicySetup.office(PostedClaims.documents(detail.documents())));
      Path target = out != null ? out : Path.of(run.runId() + "-payout.xlsx");
      OutputFiles.writeAtomically(
          target, force, tmp -> new PayoutWorkbookWriter().write(result, facts, tmp));
      return new Outcome(run, target, result);
    }
  }
}
