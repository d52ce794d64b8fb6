package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.ReportJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "按台账重新生成已过账运行的核发明细表（金额与原表一致）。",
      "Writes the payout workbook of a posted run again from the ledger (same amounts)."
    })
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN", description = "运行编号 run id")
  String runId;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "输出路径；默认为当前目录 <运行编号>-payout.xlsx / default: ./<run>-payout.xlsx")
  Path out;

  @Option(names = "--force", description = "覆盖已有文件 / overwrite an existing file")
  boolean force;

  @Mixin LedgerOptions ledger;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ReportJob.Outcome o =
        new ReportJob(VersionProvider.version()).run(runId, ledger.url, out, force);
    spec.commandLine()
        .getOut()
        .printf(
            "运行 run %s (%s): %d 笔 lines, 核发合计 total paid %s 元 → %s%n",
            o.run().runId(),
            o.run().period(),
            o.result().lines().size(),
            cn.ipsubsidy.domain.Money.format(o.result().totalPaid()),
            o.workbook());
    return ExitCode.OK;
  }
}
