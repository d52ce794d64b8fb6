package cn.ipsubsidy.cli;

import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyLoader;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "policies",
    mixinStandardHelpOptions = true,
    subcommands = PoliciesCheckCommand.class)
final class PoliciesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Messages m = Messages.of(spec);
    LocalDate today = LocalDate.now();
    for (PolicyDocument d : PolicyLoader.bundled().documents()) {
      out.printf("%s  %s  《%s》%n", d.id(), d.number(), d.title());
      out.println("    " + m.get("policies.issuer", d.issuer()));
      String status = m.pick(d.status(today));
      out.println(
          "    "
              + (d.inForceTo() == null
                  ? m.get("policies.inForce.open", d.inForceFrom(), status)
                  : m.get("policies.inForce.until", d.inForceFrom(), d.inForceTo(), status))
              + (d.setsAmounts() ? "" : m.get("policies.noAmounts")));
      out.println(
          "    "
              + m.get(
                  "policies.jurisdiction",
                  d.jurisdiction().city(),
                  String.join("、", d.jurisdiction().districts())));
      out.println(
          "    "
              + m.get(
                  "policies.clauses",
                  d.clauses().size(),
                  d.fileName(),
                  d.sha256().substring(0, 12)));
    }
    return ExitCode.OK;
  }
}
