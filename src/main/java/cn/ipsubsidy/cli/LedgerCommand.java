package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.UsageException;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.LedgerEntry;
import cn.ipsubsidy.ledger.RunDetail;
import cn.ipsubsidy.ledger.RunRecord;
import cn.ipsubsidy.ledger.StoredDocument;
import cn.ipsubsidy.ledger.VerifyResult;
import cn.ipsubsidy.outputs.PendingOutputs;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    subcommands = {LedgerCommand.Runs.class, LedgerCommand.Show.class, LedgerCommand.Verify.class})
final class LedgerCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Places the outputs of runs of this ledger that were killed after posting, and removes those of
   * runs killed before it, telling the clerk on stderr ({@link PendingOutputs}).
   */
  private static void settlePending(CommandLine.Model.CommandSpec spec, Ledger l) {
    Messages m = Messages.of(spec);
    for (PendingOutputs.Settled s : PendingOutputs.settle(l)) {
      PendingNotices.print(spec.commandLine().getErr(), m, s);
    }
  }

  @Command(name = "runs", mixinStandardHelpOptions = true)
  static final class Runs implements Callable<Integer> {
    @Mixin LedgerOptions ledger;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Messages m = Messages.of(spec);
      try (Ledger l = ledger.open()) {
        settlePending(spec, l);
        out.println(m.get("ledger.runs.ledger", l.url()));
        out.println(m.get("ledger.runs.header"));
        for (RunRecord r : l.runs()) {
          String documents =
              l.documents(r.runId()).stream()
                  .map(d -> d.name().replaceFirst("\\.yaml$", ""))
                  .collect(java.util.stream.Collectors.joining(","));
          out.printf(
              "%s | %s | %s | %s (%s) | %s | %s | %d | %s | %s | %s%n",
              r.runId(),
              r.period(),
              documents,
              r.inputFile(),
              r.inputSha256().substring(0, 12),
              r.operator(),
              r.postedAt(),
              r.lineCount(),
              Money.format(r.totalPaid()),
              r.replacesRunId() == null ? "—" : r.replacesRunId(),
              r.replacedBy() == null ? "—" : r.replacedBy());
        }
      }
      return ExitCode.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true)
  static final class Show implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", descriptionKey = "run-id")
    String runId;

    @Mixin LedgerOptions ledger;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Messages m = Messages.of(spec);
      try (Ledger l = ledger.open()) {
        RunDetail d = l.show(runId).orElseThrow(() -> UsageException.noSuchRun(runId, l.url()));
        RunRecord r = d.run();
        out.println(m.get("ledger.show.run", r.runId(), r.period(), r.postedAt(), r.operator()));
        out.println(m.get("ledger.show.input", r.inputFile(), r.inputSha256(), r.toolVersion()));
        out.println(
            m.get(
                "ledger.show.replaces",
                r.replacesRunId() == null ? "—" : r.replacesRunId(),
                r.replacedBy() == null ? "—" : r.replacedBy()));
        for (StoredDocument doc : d.documents()) {
          out.printf("  %s %s sha256 %s%n", doc.kind(), doc.name(), doc.sha256());
        }
        for (LedgerEntry e : d.entries()) {
          out.printf(
              "  #%d %s %s %s %s %s %s %s%n",
              e.seq(),
              e.kind(),
              e.claimId(),
              e.clauseCode() == null ? "—" : e.clauseCode(),
              m.status(e.status()),
              Money.format(e.paid()),
              e.explanation() == null ? "" : m.pick(e.explanation()),
              e.hash().substring(0, 12));
        }
      }
      return ExitCode.OK;
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true)
  static final class Verify implements Callable<Integer> {
    @Mixin LedgerOptions ledger;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Messages m = Messages.of(spec);
      try (Ledger l = ledger.open()) {
        settlePending(spec, l);
        VerifyResult v = l.verify();
        v.warnings().forEach(w -> out.println(m.get("ledger.verify.warning", m.pick(w))));
        if (v.ok()) {
          out.println(m.get("ledger.verify.ok", v.runs(), v.entries(), v.headSeq(), v.headHash()));
          return ExitCode.OK;
        }
        VerifyResult.Break first = v.firstBreak().orElseThrow();
        spec.commandLine()
            .getErr()
            .println(
                "ipsubsidy: "
                    + m.get(
                        "ledger.verify.failed",
                        m.lang() == Lang.EN ? first.describeEn() : first.describeZh()));
        return ExitCode.LEDGER;
      }
    }
  }
}
