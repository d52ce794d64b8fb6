package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.UsageException;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.LedgerEntry;
import cn.ipsubsidy.ledger.RunDetail;
import cn.ipsubsidy.ledger.RunRecord;
import cn.ipsubsidy.ledger.StoredDocument;
import cn.ipsubsidy.ledger.VerifyResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = {"核发台账：运行列表、运行明细、完整性校验。", "The payout ledger: runs, one run, integrity check."},
    subcommands = {LedgerCommand.Runs.class, LedgerCommand.Show.class, LedgerCommand.Verify.class})
final class LedgerCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "runs",
      mixinStandardHelpOptions = true,
      description = {"列出已过账的运行。", "Lists the posted runs."})
  static final class Runs implements Callable<Integer> {
    @Mixin LedgerOptions ledger;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Ledger l = ledger.open()) {
        out.println("台账 ledger: " + l.url());
        out.println(
            "运行 run | 期间 period | 政策与规则 policies and rules | 输入文件 input (sha256)"
                + " | 操作员 operator | 过账时间 posted at | 笔数 lines | 核发合计 paid"
                + " | 更正 replaces | 被更正 replaced by");
        for (RunRecord r : l.runs()) {
          String documents =
              l.documents(r.runId()).stream()
                  .map(d -> d.name().replaceFirst("\\.yaml$", ""))
                  .collect(java.util.stream.Collectors.joining(","));
          out.printf(
              "%s | %s | %s | %s (%s) | %s | %s | %d | %s | %s | %s%n",
              r.runId(),
              r.period(),
              documents,
              r.inputFile(),
              r.inputSha256().substring(0, 12),
              r.operator(),
              r.postedAt(),
              r.lineCount(),
              Money.format(r.totalPaid()),
              r.replacesRunId() == null ? "—" : r.replacesRunId(),
              r.replacedBy() == null ? "—" : r.replacedBy());
        }
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {"显示一个运行及其全部记录。", "Shows one run and its entries."})
  static final class Show implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "运行编号 run id")
    String runId;

    @Mixin LedgerOptions ledger;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Ledger l = ledger.open()) {
        RunDetail d = l.show(runId).orElseThrow(() -> UsageException.noSuchRun(runId, l.url()));
        RunRecord r = d.run();
        out.printf(
            "运行 run %s · 期间 period %s · 过账 posted %s · 操作员 operator %s%n",
            r.runId(), r.period(), r.postedAt(), r.operator());
        out.printf(
            "输入 input %s (sha256 %s) · 工具 tool %s%n",
            r.inputFile(), r.inputSha256(), r.toolVersion());
        out.printf(
            "更正 replaces %s · 被更正 replaced by %s%n",
            r.replacesRunId() == null ? "—" : r.replacesRunId(),
            r.replacedBy() == null ? "—" : r.replacedBy());
        for (StoredDocument doc : d.documents()) {
          out.printf("  %s %s sha256 %s%n", doc.kind(), doc.name(), doc.sha256());
        }
        for (LedgerEntry e : d.entries()) {
          out.printf(
              "  #%d %s %s %s %s %s %s %s%n",
              e.seq(),
              e.kind(),
              e.claimId(),
              e.clauseCode() == null ? "—" : e.clauseCode(),
              e.status().zh(),
              Money.format(e.paid()),
              e.explanation() == null ? "" : e.explanation().zh(),
              e.hash().substring(0, 12));
        }
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "重算哈希链，列出首个不符的记录；不符时退出码为 4。",
        "Recomputes the hash chain and names the first entry that does not match (exit 4)."
      })
  static final class Verify implements Callable<Integer> {
    @Mixin LedgerOptions ledger;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Ledger l = ledger.open()) {
        VerifyResult v = l.verify();
        v.warnings().forEach(w -> out.println("注意 warning: " + w));
        if (v.ok()) {
          out.printf(
              "台账完好 ledger verified: %d 个运行 runs, %d 笔记录 entries, 链头 head #%d %s%n",
              v.runs(), v.entries(), v.headSeq(), v.headHash());
          return ExitCode.OK;
        }
        VerifyResult.Break first = v.firstBreak().orElseThrow();
        spec.commandLine()
            .getErr()
            .printf(
                "ipsubsidy: 台账校验失败 ledger verification failed at entry #%d (run %s%s): %s / %s%n",
                first.seq(),
                first.runId(),
                first.claimId() == null ? "" : ", claim " + first.claimId(),
                first.describeZh(),
                first.reason().en());
        return ExitCode.LEDGER;
      }
    }
  }
}
