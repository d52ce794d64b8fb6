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

@Command(name = "clauses", mixinStandardHelpOptions = true)
final class ClausesCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "POLICY", descriptionKey = "policy-id")
  String policy;

  @Mixin RulesOption rules;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Messages m = Messages.of(spec);
    PolicySetup setup = PolicySetup.load(rules.file);
    List<PolicyDocument> docs = PolicyChoice.documents(setup.registry(), policy);
    for (PolicyDocument d : docs) {
      out.printf("%s %s《%s》%n", d.id(), d.number(), d.title());
      if (d.clauses().isEmpty()) {
        out.println("  " + m.get("clauses.none"));
      }
      for (Clause c : d.clauses()) {
        out.printf("  %-14s %s%n", c.code(), c.name());
        out.println(
            "      "
                + m.get(
                    "clauses.kind", c.calculation().kind(), ClauseText.amount(c.calculation())));
        String caps = ClauseText.caps(c);
        if (!caps.isEmpty()) {
          out.println("      " + m.get("clauses.caps", caps));
        }
        String el = ClauseText.eligibility(c);
        if (!el.isEmpty()) {
          out.println("      " + m.get("clauses.eligibility", el));
        }
        out.println("      " + m.get("clauses.citation", d.cite(c)));
        for (LocalOverride o : c.overrides()) {
          out.println("      " + m.get("clauses.localRule", o.field(), o.value(), o.source()));
        }
      }
    }
    return ExitCode.OK;
  }
}
