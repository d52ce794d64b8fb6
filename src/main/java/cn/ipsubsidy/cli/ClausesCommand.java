package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.PolicySetup;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseText;
import cn.ipsubsidy.policy.LocalOverride;
import cn.ipsubsidy.policy.PolicyDocument;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "clauses",
    mixinStandardHelpOptions = true,
    description = {
      "列出政策条款：代码、名称、计算方式、金额、上限、依据。",
      "Lists each clause: code, name, kind, amounts, caps, citation."
    })
final class ClausesCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "POLICY",
      description = "政策，如 lyg-2021；默认全部 / default: all")
  String policy;

  @Mixin RulesOption rules;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PolicySetup setup = PolicySetup.load(rules.file);
    List<PolicyDocument> docs = PolicyChoice.documents(setup.registry(), policy);
    for (PolicyDocument d : docs) {
      out.printf("%s %s《%s》%n", d.id(), d.number(), d.title());
      if (d.clauses().isEmpty()) {
        out.println("  （本文件无计算金额的条款 no clause computes an amount）");
      }
      for (Clause c : d.clauses()) {
        out.printf("  %-14s %s%n", c.code(), c.name());
        out.printf(
            "      方式 kind: %s · 金额 amount: %s%n",
            c.calculation().kind(), ClauseText.amount(c.calculation()));
        String caps = ClauseText.caps(c);
        if (!caps.isEmpty()) {
          out.printf("      上限 caps: %s%n", caps);
        }
        String el = ClauseText.eligibility(c);
        if (!el.isEmpty()) {
          out.printf("      条件 eligibility: %s%n", el);
        }
        out.printf("      依据 citation: %s%n", d.cite(c));
        for (LocalOverride o : c.overrides()) {
          out.printf("      本地规则 local rule: %s = %s (%s)%n", o.field(), o.value(), o.source());
        }
      }
    }
    return ExitCode.OK;
  }
}
