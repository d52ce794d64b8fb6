package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.PolicySetup;
import cn.ipsubsidy.claims.ClaimsFiles;
import cn.ipsubsidy.claims.ReadResult;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.SubsidyEngine;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    List<ClaimRow> rows = new ArrayList<>();
    ReadResult read = ClaimsFiles.read(input.claims, input.sheet, rows::add);
    // The period only matters for annual caps, which validation does not judge.
    Period period = Period.of(LocalDate.now());
    RunResult result =
        new SubsidyEngine(policies.registry())
            .calculate(rows, new SubsidyEngine.Options(period, input.policy), PriorPayouts.NONE);
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
