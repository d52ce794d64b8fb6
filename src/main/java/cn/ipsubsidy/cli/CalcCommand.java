package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.CalcJob;
import cn.ipsubsidy.app.Warmup;
import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.ledger.LedgerException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "calc", mixinStandardHelpOptions = true, sortOptions = false)
final class CalcCommand implements Callable<Integer> {
  @Mixin ClaimsInput input;

  @Option(names = "--period", paramLabel = "YYYYQn")
  Period period;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE")
  Path out;

  @Option(names = "--strict")
  boolean strict;

  @Option(names = "--force")
  boolean force;

  @Option(names = "--operator", paramLabel = "NAME")
  String operator;

  /** Where the computation steps go: {@code workbook} (审计 and the audit log) or {@code csv}. */
  enum AuditTarget {
    workbook,
    csv
  }

  @Option(names = "--audit", paramLabel = "workbook|csv")
  AuditTarget audit = AuditTarget.workbook;

  @Option(names = "--dry-run")
  boolean dryRun;

  @Option(names = "--replace", paramLabel = "RUN")
  String replace;

  @Mixin LedgerOptions ledger;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // the fixed costs of opening a new ledger and writing a workbook, on the other core meanwhile
    Warmup.inBackground();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Messages m = Messages.of(spec);
    String who = operator != null ? operator : System.getProperty("user.name", "unknown");
    try (CalcJob.Outcome o =
        new CalcJob(
                VersionProvider.version(),
                TerminalProgress.forStderr(),
                settled -> PendingNotices.print(err, m, settled),
                ((IpSubsidy) spec.root().userObject()).faults())
            .run(
                new CalcJob.Request(
                    input.claims,
                    input.sheet,
                    input.policy,
                    period,
                    this.out,
                    input.rules.file,
                    strict,
                    force,
                    who,
                    ledger.url,
                    dryRun,
                    replace,
                    ledger.lockWait(),
                    audit == AuditTarget.workbook))) {
      return report(out, o);
    } catch (LedgerException e) {
      // the outputs are put in place only once the run is posted: the clerk is told none was
      throw new LedgerException(
          Bilingual.of(
              m.in(Lang.ZH).get("calc.ledgerFailed", e.message().zh()),
              m.in(Lang.EN).get("calc.ledgerFailed", e.message().en())),
          e.ledgerUrl(),
          e);
    }
  }

  private int report(PrintWriter out, CalcJob.Outcome o) {
    Messages m = Messages.of(spec);
    out.println(
        m.get("calc.read", input.claims.getFileName(), o.read().sheet(), o.read().headerRow()));
    out.println(m.get("calc.run", o.facts().runId(), o.facts().period(), m.pick(o.periodSource())));
    RunPrinter.counts(out, o.result(), m, Styles.of(spec));
    RunPrinter.badRows(out, o.result(), m);
    if (!o.written()) {
      out.println(m.get("calc.strict"));
      return ExitCode.BAD_ROWS;
    }
    if (o.posted() != null) {
      out.println(
          m.get(
              "calc.posted",
              o.ledger(),
              o.posted().payouts(),
              o.posted().reversals() > 0
                  ? m.get("calc.posted.reversals", replace, o.posted().reversals())
                  : "",
              o.posted().headHash().substring(0, 16)));
    } else {
      out.println(m.get("calc.dryRun", o.ledger()));
    }
    out.println(m.get("calc.workbook", o.workbook()));
    out.println(m.get("calc.audit", o.audit()));
    return o.result().badDataCount() > 0 ? ExitCode.BAD_ROWS : ExitCode.OK;
  }
}
