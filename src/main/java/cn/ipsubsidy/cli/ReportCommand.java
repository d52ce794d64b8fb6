package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.ReportJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN", descriptionKey = "run-id")
  String runId;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE")
  Path out;

  @Option(names = "--force")
  boolean force;

  @Mixin LedgerOptions ledger;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ReportJob.Outcome o =
        new ReportJob(VersionProvider.version()).run(runId, ledger.url, out, force);
    spec.commandLine()
        .getOut()
        .println(
            Messages.of(spec)
                .get(
                    "report.done",
                    o.run().runId(),
                    o.run().period(),
                    o.result().lines().size(),
                    Styles.of(spec).bold(cn.ipsubsidy.domain.Money.format(o.result().totalPaid())),
                    o.workbook()));
    return ExitCode.OK;
  }
}
