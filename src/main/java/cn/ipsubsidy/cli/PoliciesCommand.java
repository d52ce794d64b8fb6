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
    subcommands = PoliciesCheckCommand.class,
    description = {"列出已登记的政策文件。", "Lists the registered policy documents."})
final class PoliciesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LocalDate today = LocalDate.now();
    for (PolicyDocument d : PolicyLoader.bundled().documents()) {
      out.printf("%s  %s  《%s》%n", d.id(), d.number(), d.title());
      out.printf("    发文机关 issuer: %s%n", d.issuer());
      out.printf(
          "    施行 in force: %s 起 from%s · 状态 status: %s%s%n",
          d.inForceFrom(),
          d.inForceTo() == null ? "，无截止日期 no end date" : " 至 to " + d.inForceTo(),
          d.status(today),
          d.setsAmounts() ? "" : " · 无独立计算金额的条款 no clause sets an amount");
      out.printf(
          "    辖区 jurisdiction: %s — %s%n",
          d.jurisdiction().city(), String.join("、", d.jurisdiction().districts()));
      out.printf(
          "    条款 clauses: %d · 文件 file: %s (sha256 %s)%n",
          d.clauses().size(), d.fileName(), d.sha256().substring(0, 12));
    }
    return ExitCode.OK;
  }
}
