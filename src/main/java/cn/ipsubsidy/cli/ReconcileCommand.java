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

@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = {
      "年度对账：按各运行记录的政策与规则重算全年已过账申报，与已核发金额比较；有差异时退出码为 3。",
      "Annual reconciliation for cron: recomputes the year's posted claims and compares (exit 3 on"
          + " differences). Never prompts; prints one summary line."
    })
final class ReconcileCommand implements Callable<Integer> {
  @Option(names = "--year", required = true, paramLabel = "YYYY", description = "预算年度 budget year")
  int year;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "对账表路径，每次整体替换；默认 ./reconcile-<年度>.xlsx / replaced on every run")
  Path out;

  @Mixin LedgerOptions ledger;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ReconcileJob.Outcome o = new ReconcileJob(VersionProvider.version()).run(year, ledger.url, out);
    Reconciler.Reconciliation r = o.reconciliation();
    String first =
        r.groups().isEmpty()
            ? ""
            : String.format(
                "; 例 e.g. %s %s %s",
                r.groups().get(0).entityId(),
                r.groups().get(0).group(),
                Money.format(r.groups().get(0).difference()));
    spec.commandLine()
        .getOut()
        .printf(
            "reconcile %d: %d 个运行 runs, %d 笔申报 claims, 已核发 paid %s, 应核发 entitled %s, "
                + "差异 %d 组 groups / %d 笔 claims%s → %s%n",
            year,
            r.runs(),
            r.claims(),
            Money.format(r.paid()),
            Money.format(r.entitled()),
            r.groups().size(),
            r.differences().size(),
            first,
            o.workbook());
    return r.differs() ? ExitCode.DIFFERENCES : ExitCode.OK;
  }
}
