package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.PolicySetup;
import cn.ipsubsidy.app.TemplateJob;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.report.ClaimsTemplateWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "template", mixinStandardHelpOptions = true, sortOptions = false)
final class TemplateCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "POLICY", descriptionKey = "policy-id")
  String policy;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE")
  Path out;

  @Option(names = "--force")
  boolean force;

  @Mixin RulesOption rules;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    PolicySetup setup = PolicySetup.load(rules.file);
    List<PolicyDocument> docs = PolicyChoice.documents(setup.registry(), policy);
    Path target =
        out != null
            ? out
            : Path.of(
                policy == null ? "claims-template.xlsx" : "claims-template-" + policy + ".xlsx");
    String title =
        "知识产权资助申报汇总表 IP subsidy claims"
            + (policy == null
                ? ""
                : " — " + docs.get(0).number() + "《" + docs.get(0).title() + "》");
    new TemplateJob().write(title, docs, target, force);
    long clauses = docs.stream().mapToLong(d -> d.clauses().size()).sum();
    w.println(
        Messages.of(spec).get("template.done", target, clauses, ClaimsTemplateWriter.DATA_ROWS));
    return ExitCode.OK;
  }
}
