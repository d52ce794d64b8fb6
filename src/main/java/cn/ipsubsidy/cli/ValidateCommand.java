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

@Command(name = "validate", mixinStandardHelpOptions = true)
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
    Messages m = Messages.of(spec);
    Styles s = Styles.of(spec);
    out.println(
        m.get(
            "validate.read",
            input.claims.getFileName(),
            read.sheet(),
            read.headerRow(),
            read.dataRows()));
    RunPrinter.badRows(out, result, m);
    long bad = result.badDataCount();
    if (bad == 0) {
      out.println(m.get("validate.valid"));
      return ExitCode.OK;
    }
    out.println(m.get("validate.bad", s.red(bad)));
    return ExitCode.BAD_ROWS;
  }
}
