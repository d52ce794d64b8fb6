package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.ExplainJob;
import cn.ipsubsidy.policy.ClauseText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "逐步说明一笔申报的计算：政策条款及原文、输入、各步骤及结果、占用同一上限的台账记录。",
      "Explains one claim step by step: clause and quoted text, inputs, each step, cap usage."
    })
final class ExplainCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CLAIM-ID", description = "申报编号 / the claim id")
  String claimId;

  static final class Source {
    @Option(
        names = "--run",
        paramLabel = "RUN",
        required = true,
        description = "已过账的运行编号（读台账）/ a posted run in the ledger")
    String run;

    @Option(
        names = "--payout",
        paramLabel = "FILE",
        required = true,
        description = "核发明细表（读 明细 和 审计 表）/ a payout workbook")
    Path payout;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(
      names = "--lang",
      paramLabel = "zh|en",
      defaultValue = "zh",
      description = "说明的语言 / language of the labels (default ${DEFAULT-VALUE})")
  String lang;

  @Option(names = "--ledger", paramLabel = "JDBC-URL", description = "与 --run 同用的台账 / the ledger")
  String ledgerUrl;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    boolean en = "en".equalsIgnoreCase(lang);
    if (!en && !"zh".equalsIgnoreCase(lang)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--lang: zh 或 or en, not " + lang);
    }
    ExplainJob job = new ExplainJob();
    ExplainJob.Explanation x =
        source.payout != null
            ? job.fromPayout(claimId, source.payout)
            : job.fromRun(claimId, source.run, ledgerUrl);
    PrintWriter out = spec.commandLine().getOut();
    var f = x.fields();
    out.printf(
        "%s %s · %s (%s) · %s%n",
        en ? "Claim" : "申报",
        x.claimId(),
        f.getOrDefault("主体名称", ""),
        f.getOrDefault("主体代码", ""),
        (en ? "from " : "来源 ") + x.source());
    out.printf(
        "├─ %s %s %s — %s%n",
        en ? "Clause" : "政策条款",
        f.getOrDefault("条款", ""),
        f.getOrDefault("条款名称", ""),
        x.citation() == null ? "" : x.citation());
    if (x.clause() != null) {
      out.printf("│    “%s”%n", x.clause().quote());
      out.printf(
          "│    %s %s · %s %s%n",
          en ? "amount" : "金额",
          ClauseText.amount(x.clause().calculation()),
          en ? "caps" : "上限",
          ClauseText.caps(x.clause()).isEmpty() ? "—" : ClauseText.caps(x.clause()));
    }
    out.printf("├─ %s%n", en ? "Steps" : "计算步骤");
    List<ExplainJob.Step> steps = x.steps();
    for (int i = 0; i < steps.size(); i++) {
      ExplainJob.Step s = steps.get(i);
      boolean last = i == steps.size() - 1;
      out.printf(
          "│  %s %s: %s%s%n",
          last ? "└─" : "├─", s.step(), s.rule(), blank(s.result()) ? "" : "  → " + s.result());
      String pad = last ? "│       " : "│  │    ";
      if (!blank(s.formula())) {
        out.printf("%s%s %s%n", pad, en ? "formula" : "公式", s.formula());
      }
      if (!blank(s.inputs())) {
        out.printf("%s%s %s%n", pad, en ? "inputs" : "输入", s.inputs());
      }
    }
    out.printf(
        "%s %s: %s · %s %s · %s %s%n",
        x.annualGroup() == null ? "└─" : "├─",
        en ? "Result" : "结果",
        f.getOrDefault("状态", ""),
        en ? "computed" : "计算金额",
        f.getOrDefault("计算金额", ""),
        en ? "paid" : "核发金额",
        f.getOrDefault("核发金额", ""));
    String why = en && x.explanationEn() != null ? x.explanationEn() : f.get("说明");
    if (!blank(why)) {
      out.printf("%s   %s%n", x.annualGroup() == null ? "  " : "│", why);
    }
    if (x.annualGroup() != null) {
      out.printf(
          "└─ %s %s:%s%n",
          en ? "Earlier ledger entries under the annual cap" : "此前占用同一年度上限的台账记录",
          x.annualGroup(),
          x.capUses().isEmpty() ? (en ? " none" : " 无") : "");
      for (ExplainJob.CapUse u : x.capUses()) {
        out.printf("     #%d %s %s %s %s%n", u.seq(), u.runId(), u.claimId(), u.clause(), u.paid());
      }
    }
    return ExitCode.OK;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
