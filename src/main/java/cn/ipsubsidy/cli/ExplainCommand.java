package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.ExplainJob;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.policy.ClauseText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false)
final class ExplainCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CLAIM-ID", descriptionKey = "claim-id")
  String claimId;

  static final class Source {
    @Option(names = "--run", paramLabel = "RUN", required = true)
    String run;

    @Option(names = "--payout", paramLabel = "FILE", required = true)
    Path payout;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--ledger", paramLabel = "JDBC-URL")
  String ledgerUrl;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Messages m = Messages.of(spec);
    ExplainJob job = new ExplainJob();
    ExplainJob.Explanation x =
        source.payout != null
            ? job.fromPayout(claimId, source.payout)
            : job.fromRun(claimId, source.run, ledgerUrl);
    PrintWriter out = spec.commandLine().getOut();
    var f = x.fields();
    out.println(
        m.get(
            "explain.claim",
            x.claimId(),
            f.getOrDefault("主体名称", ""),
            f.getOrDefault("主体代码", ""),
            x.source()));
    out.printf(
        "├─ %s %s %s — %s%n",
        m.get("explain.clause"),
        f.getOrDefault("条款", ""),
        f.getOrDefault("条款名称", ""),
        x.citation() == null ? "" : x.citation());
    if (x.clause() != null) {
      out.printf("│    “%s”%n", x.clause().quote());
      out.printf(
          "│    %s %s · %s %s%n",
          m.get("explain.amount"),
          ClauseText.amount(x.clause().calculation()),
          m.get("explain.caps"),
          ClauseText.caps(x.clause()).isEmpty() ? "—" : ClauseText.caps(x.clause()));
    }
    out.printf("├─ %s%n", m.get("explain.steps"));
    List<ExplainJob.Step> steps = x.steps();
    for (int i = 0; i < steps.size(); i++) {
      ExplainJob.Step s = steps.get(i);
      boolean last = i == steps.size() - 1;
      out.printf(
          "│  %s %s: %s%s%n",
          last ? "└─" : "├─", s.step(), s.rule(), blank(s.result()) ? "" : "  → " + s.result());
      String pad = last ? "│       " : "│  │    ";
      if (!blank(s.formula())) {
        out.printf("%s%s %s%n", pad, m.get("explain.formula"), s.formula());
      }
      if (!blank(s.inputs())) {
        out.printf("%s%s %s%n", pad, m.get("explain.inputs"), s.inputs());
      }
    }
    out.printf(
        "%s %s: %s · %s %s · %s %s%n",
        x.annualGroup() == null ? "└─" : "├─",
        m.get("explain.result"),
        status(f.getOrDefault("状态", ""), m),
        m.get("explain.computed"),
        f.getOrDefault("计算金额", ""),
        m.get("explain.paid"),
        f.getOrDefault("核发金额", ""));
    String why = explanation(x, m);
    if (!blank(why)) {
      out.printf("%s   %s%n", x.annualGroup() == null ? "  " : "│", why);
    }
    if (x.annualGroup() != null) {
      out.printf(
          "└─ %s %s:%s%n",
          m.get("explain.capUses"),
          x.annualGroup(),
          x.capUses().isEmpty() ? " " + m.get("explain.none") : "");
      for (ExplainJob.CapUse u : x.capUses()) {
        out.printf("     #%d %s %s %s %s%n", u.seq(), u.runId(), u.claimId(), u.clause(), u.paid());
      }
    }
    return ExitCode.OK;
  }

  /**
   * 说明 in the terminal's language: the ledger keeps both halves; the workbook's cell is "中文 /
   * English", as {@link cn.ipsubsidy.domain.Bilingual#toString()} wrote it.
   */
  private static String explanation(ExplainJob.Explanation x, Messages m) {
    String cell = x.fields().get("说明");
    if (m.lang() == Lang.EN && x.explanationEn() != null) {
      return x.explanationEn();
    }
    int split = cell == null ? -1 : cell.indexOf(" / ");
    if (x.explanationEn() != null || split < 0) {
      return cell;
    }
    return m.lang() == Lang.EN ? cell.substring(split + 3) : cell.substring(0, split);
  }

  /** 状态 as the workbook or the ledger wrote it (Chinese), in the terminal's language. */
  private static String status(String zh, Messages m) {
    return Arrays.stream(Status.values())
        .filter(s -> s.zh().equals(zh))
        .map(m::status)
        .findFirst()
        .orElse(zh);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
