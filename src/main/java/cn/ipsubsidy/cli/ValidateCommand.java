package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.PolicySetup;
import cn.ipsubsidy.app.SpilledRun;
import cn.ipsubsidy.claims.ReadResult;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.SubsidyEngine;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "只读取并检查申报汇总表，不写出任何文件；有数据错误行时退出码为 1。",
      "Reads and checks the claims file only; writes nothing; exit 1 when any row is bad."
    })
final class ValidateCommand implements Callable<Integer> {
  @Mixin ClaimsInput input;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PolicySetup policies = PolicySetup.load(input.rules.file);
    // Rows and lines go through temporary files, so a file of any size validates in a small heap.
    try (SpilledRun run =
        SpilledRun.read(
            input.claims, input.sheet, policies.registry(), TerminalProgress.forStderr())) {
      // The period only matters for annual caps, which validation does not judge.
      Period period = Period.of(LocalDate.now());
      RunResult result =
          run.compute(new SubsidyEngine.Options(period, input.policy), PriorPayouts.NONE);
      return report(out, run.readResult(), result);
    }
  }

  private int report(PrintWriter out, ReadResult read, RunResult result) {
    out.printf(
        "ipsubsidy validate %s — 工作表 sheet %s, 表头第 %d 行 header row %d, 数据 %d 行 rows%n",
        input.claims.getFileName(),
        read.sheet(),
        read.headerRow(),
        read.headerRow(),
        read.dataRows());
    RunPrinter.badRows(out, result);
    long bad = result.badDataCount();
    if (bad == 0) {
      out.println("全部行有效 every row is valid");
      return ExitCode.OK;
    }
    out.printf("数据错误 %d 行 / %d rows with bad data%n", bad, bad);
    return ExitCode.BAD_ROWS;
  }
}
