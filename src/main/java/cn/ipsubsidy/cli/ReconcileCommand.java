package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.ReconcileJob;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.engine.Reconciler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reconcile", mixinStandardHelpOptions = true)
final class ReconcileCommand implements Callable<Integer> {
  @Option(names = "--year", required = true, paramLabel = "YYYY")
  int year;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE")
  Path out;

  @Mixin LedgerOptions ledger;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ReconcileJob.Outcome o = new ReconcileJob(VersionProvider.version()).run(year, ledger.url, out);
    Reconciler.Reconciliation r = o.reconciliation();
    Messages m = Messages.of(spec);
    Styles s = Styles.of(spec);
    String first =
        r.groups().isEmpty()
            ? ""
            : m.get(
                "reconcile.example",
                r.groups().get(0).entityId(),
                r.groups().get(0).group(),
                Money.format(r.groups().get(0).difference()));
    spec.commandLine()
        .getOut()
        .println(
            m.get(
                "reconcile.summary",
                year,
                r.runs(),
                r.claims(),
                s.bold(Money.format(r.paid())),
                s.bold(Money.format(r.entitled())),
                r.differs() ? s.red(r.groups().size()) : r.groups().size(),
                r.differs() ? s.red(r.differences().size()) : r.differences().size(),
                first,
                o.workbook()));
    return r.differs() ? ExitCode.DIFFERENCES : ExitCode.OK;
  }
}
