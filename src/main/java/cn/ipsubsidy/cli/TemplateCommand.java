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

@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "写出发给申报单位的申报汇总表模板：中文表头、下拉列表、数据校验、条款说明。",
      "Writes the claims template for applicants: headers, drop-downs, validation, clause notes."
    })
final class TemplateCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "POLICY",
      description = "政策，如 lyg-2021；默认全部 / default: every policy")
  String policy;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "模板路径；默认 claims-template[-POLICY].xlsx / default: in the current folder")
  Path out;

  @Option(names = "--force", description = "覆盖已有文件 / overwrite an existing file")
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
    w.printf(
        "申报模板 claims template: %s（%d 个条款 clauses, %d 行可填 rows）%n",
        target, clauses, ClaimsTemplateWriter.DATA_ROWS);
    return ExitCode.OK;
  }
}
