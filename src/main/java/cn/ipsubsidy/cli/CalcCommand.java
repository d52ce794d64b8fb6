package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.CalcJob;
import cn.ipsubsidy.domain.Period;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "calc",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "计算一个季度的申报，写出核发明细表（xlsx）和审计日志（csv）。",
      "Computes a quarter's claims; writes the payout workbook and the audit log."
    })
final class CalcCommand implements Callable<Integer> {
  @Mixin ClaimsInput input;

  @Option(
      names = "--period",
      paramLabel = "YYYYQn",
      converter = Converters.PeriodConverter.class,
      description = "期间，如 2025Q1；默认为最晚事项日期所在季度 / default: quarter of the latest event date")
  Period period;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "核发明细表路径；默认为输入文件旁的 <名称>-payout.xlsx / payout workbook path")
  Path out;

  @Option(
      names = "--strict",
      description = "有任何数据错误行则整批不输出 / any bad row fails the run, nothing written")
  boolean strict;

  @Option(names = "--force", description = "覆盖已有输出文件 / overwrite existing output files")
  boolean force;

  @Option(
      names = "--operator",
      paramLabel = "NAME",
      description = "操作员，记入汇总表；默认为系统用户 / operator recorded in the run facts")
  String operator;

  /** Where the computation steps go: {@code workbook} (审计 and the audit log) or {@code csv}. */
  enum AuditTarget {
    workbook,
    csv
  }

  @Option(
      names = "--audit",
      paramLabel = "workbook|csv",
      description =
          "计算步骤写入哪里：workbook（审计表和审计日志，默认）或 csv（只写审计日志，适用于很大的批次）"
              + " / where the steps go: workbook (审计 sheet and audit log, default) or csv (audit"
              + " log only, for very large runs)")
  AuditTarget audit = AuditTarget.workbook;

  @Option(
      names = "--dry-run",
      description = "按台账计算并写出明细表，但不过账 / compute against the ledger and write, post nothing")
  boolean dryRun;

  @Option(
      names = "--replace",
      paramLabel = "RUN",
      description = "更正已过账的同期运行：冲销该运行并过账本次 / post reversals of RUN and this run in one go")
  String replace;

  @Mixin LedgerOptions ledger;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String who = operator != null ? operator : System.getProperty("user.name", "unknown");
    try (CalcJob.Outcome o =
        new CalcJob(VersionProvider.version(), TerminalProgress.forStderr())
            .run(
                new CalcJob.Request(
                    input.claims,
                    input.sheet,
                    input.policy,
                    period,
                    this.out,
                    input.rules.file,
                    strict,
                    force,
                    who,
                    ledger.url,
                    dryRun,
                    replace,
                    ledger.lockWait(),
                    audit == AuditTarget.workbook))) {
      return report(out, o);
    }
  }

  private int report(PrintWriter out, CalcJob.Outcome o) {
    out.printf(
        "ipsubsidy calc %s — 工作表 sheet %s, 表头第 %d 行 header row %d%n",
        input.claims.getFileName(), o.read().sheet(), o.read().headerRow(), o.read().headerRow());
    out.printf(
        "运行 run %s · 期间 period %s (%s)%n",
        o.facts().runId(), o.facts().period(), o.facts().periodSource());
    RunPrinter.counts(out, o.result());
    RunPrinter.badRows(out, o.result());
    if (!o.written()) {
      out.println("--strict：存在数据错误行，未写出任何文件 / bad rows under --strict: nothing written");
      return ExitCode.BAD_ROWS;
    }
    if (o.posted() != null) {
      out.printf(
          "已过账 posted to %s: %d 笔 entries%s, 链头 head %s%n",
          o.ledger(),
          o.posted().payouts(),
          o.posted().reversals() > 0
              ? "，冲销 " + o.posted().reversals() + " 笔 reversals of " + replace
              : "",
          o.posted().headHash().substring(0, 16));
    } else {
      out.println("试算，未过账 dry run: nothing posted to " + o.ledger());
    }
    out.println("核发明细表 payout workbook: " + o.workbook());
    out.println("审计日志 audit log: " + o.audit());
    return o.result().badDataCount() > 0 ? ExitCode.BAD_ROWS : ExitCode.OK;
  }
}
