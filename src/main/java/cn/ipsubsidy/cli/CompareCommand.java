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

@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "规则调整测算：同一批申报按现行规则（A）和调整后的规则（B）各算一遍，不过账；写出对比表。",
      "What-if: the same claims under today's rules (A) and changed ones (B), nothing posted.",
      "A = 内置政策 + --rules；B = 内置政策 + --rules-b。只给 --rules 时：A = 内置政策，B = 内置政策 + --rules。"
    })
final class CompareCommand implements Callable<Integer> {
  @Mixin ClaimsInput input;

  @Option(
      names = "--rules-b",
      paramLabel = "FILE",
      description = "调整后的本地规则文件（方案B）/ the changed rules (scenario B)")
  Path rulesB;

  @Option(
      names = "--period",
      paramLabel = "YYYYQn",
      converter = Converters.PeriodConverter.class,
      description = "期间；默认为最晚事项日期所在季度 / default: quarter of the latest event date")
  Period period;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "对比表路径；默认为输入文件旁的 <名称>-compare.xlsx / comparison workbook path")
  Path out;

  @Option(names = "--force", description = "覆盖已有输出文件 / overwrite an existing output file")
  boolean force;

  @Option(
      names = "--ledger",
      paramLabel = "JDBC-URL",
      description = "计入此台账中此前的核发（只读，不过账）；默认不计入 / count earlier payments from it")
  String ledgerUrl;

  @Option(
      names = "--lock-wait",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "等待其他运行释放台账的秒数 / seconds to wait for another run")
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
    w.printf("规则调整测算 what-if %s · 期间 period %s · 未过账 nothing posted%n", c.claimsFile(), c.period());
    w.printf("  方案A %-40s 核发合计 total %s%n", c.labelA(), Money.format(c.a().totalPaid()));
    w.printf("  方案B %-40s 核发合计 total %s%n", c.labelB(), Money.format(c.b().totalPaid()));
    w.printf("  差额 difference B−A: %s%n", Money.format(c.difference()));
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
    w.println("对比表 comparison workbook: " + o.workbook());
    return ExitCode.OK;
  }
}
