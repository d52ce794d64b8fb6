package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.CompareJob;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.report.Comparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false)
final class CompareCommand implements Callable<Integer> {
  @Mixin ClaimsInput input;

  @Option(names = "--rules-b", paramLabel = "FILE")
  Path rulesB;

  @Option(names = "--period", paramLabel = "YYYYQn")
  Period period;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE")
  Path out;

  @Option(names = "--force")
  boolean force;

  @Option(names = "--ledger", paramLabel = "JDBC-URL")
  String ledgerUrl;

  @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "30")
  long lockWait;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    CompareJob.Outcome o =
        new CompareJob()
            .run(
                new CompareJob.Request(
                    input.claims,
                    input.sheet,
                    input.policy,
                    period,
                    out,
                    force,
                    input.rules.file,
                    rulesB,
                    ledgerUrl,
                    java.time.Duration.ofSeconds(Math.max(0, lockWait))));
    Comparison c = o.comparison();
    Messages m = Messages.of(spec);
    Styles s = Styles.of(spec);
    w.println(m.get("compare.title", c.claimsFile(), c.period()));
    w.println("  " + m.get("compare.a", c.labelA(), s.bold(Money.format(c.a().totalPaid()))));
    w.println("  " + m.get("compare.b", c.labelB(), s.bold(Money.format(c.b().totalPaid()))));
    w.println("  " + m.get("compare.difference", s.bold(Money.format(c.difference()))));
    for (Comparison.Total t : c.byClause()) {
      if (t.difference().signum() != 0) {
        w.printf(
            "    %-14s %s → %s (%s)%n",
            t.key(),
            Money.format(t.paidA()),
            Money.format(t.paidB()),
            Money.format(t.difference()));
      }
    }
    w.println(m.get("compare.workbook", o.workbook()));
    return ExitCode.OK;
  }
}
