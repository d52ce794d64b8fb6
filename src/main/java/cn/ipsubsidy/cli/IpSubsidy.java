package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.LedgerCheckFailedException;
import cn.ipsubsidy.app.RunRefusedException;
import cn.ipsubsidy.app.UsageException;
import cn.ipsubsidy.app.spill.SpillException;
import cn.ipsubsidy.claims.ClaimsFileException;
import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.ledger.LedgerException;
import cn.ipsubsidy.policy.PolicyException;
import cn.ipsubsidy.report.OutputDirectoryException;
import cn.ipsubsidy.report.OutputExistsException;
import cn.ipsubsidy.report.OutputWriteException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ipsubsidy}: the finance office's IP subsidy calculator. Thin: parses options, calls the
 * job, maps errors to the contract's exit codes. No stack trace reaches the clerk's terminal; it
 * goes to the log file (and to the terminal with --verbose).
 */
@Command(
    name = "ipsubsidy",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "知识产权资助批量计算 / IP subsidy batch calculator",
    description = {
      "读取申报汇总表，按政策条款计算资助金额，输出核发明细表与审计日志。",
      "Reads the claims spreadsheet, computes each clause, writes the payout workbook and audit log."
    },
    footer = {
      "",
      "退出码 Exit codes:",
      "  0  完成，全部行有效 / done, every row valid",
      "  1  有数据错误的行 / some rows rejected for bad data",
      "  2  用法错误或无法读取输入 / usage error or unreadable input",
      "  3  对账发现差异 / reconcile found differences",
      "  4  台账锁定或校验失败 / ledger locked or failed its check",
      "日志 Log: ${sys:ipsubsidy.logfile}"
    },
    subcommands = {
      CalcCommand.class,
      ValidateCommand.class,
      PoliciesCommand.class,
      ClausesCommand.class,
      LedgerCommand.class,
      ReportCommand.class,
      ReconcileCommand.class,
      TemplateCommand.class,
      CompareCommand.class,
      ExplainCommand.class,
      CommandLine.HelpCommand.class
    })
public final class IpSubsidy implements Runnable {

  @Option(
      names = {"-v", "--verbose"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "在终端显示详细信息和错误堆栈 / show details and stack traces on the terminal")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line with the process's standard streams. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with the given streams (tests capture them). */
  public static int execute(PrintWriter terminalOut, PrintWriter terminalErr, String... args) {
    System.setProperty("ipsubsidy.logfile", logFile().toString());
    // Resident ID numbers are masked in everything the terminal shows, stack traces included.
    PrintWriter out = new PrintWriter(new MaskingWriter(terminalOut), true);
    PrintWriter err = new PrintWriter(new MaskingWriter(terminalErr), true);
    IpSubsidy root = new IpSubsidy();
    CommandLine cmd = new CommandLine(root);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine c = ex.getCommandLine();
          String help = c.getCommandSpec().qualifiedName() + " --help";
          c.getErr()
              .println(
                  "ipsubsidy: 命令行有误 / invalid command line: "
                      + ex.getMessage()
                      + "（用法见 see: "
                      + help
                      + "）");
          LoggerFactory.getLogger(IpSubsidy.class).info("usage error: {}", ex.getMessage());
          return ExitCode.USAGE;
        });
    cmd.setExecutionExceptionHandler((ex, c, parsed) -> report(ex, c.getErr(), root.verbose));
    try {
      return cmd.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands only Exceptions to the handler above; an Error (a missing optional class,
      // a stack overflow, memory) would reach the clerk as the JVM's stack trace and exit 1
      return report(e, err, root.verbose);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** One clear line for the clerk; the stack trace goes to the log. */
  static int report(Throwable ex, PrintWriter err, boolean verbose) {
    Bilingual msg;
    int code = ExitCode.USAGE;
    if (ex instanceof LedgerException l) {
      msg = l.message();
      code = ExitCode.LEDGER;
    } else if (ex instanceof RunRefusedException r) {
      msg = r.bilingual();
      code = ExitCode.LEDGER;
    } else if (ex instanceof LedgerCheckFailedException f) {
      msg = f.bilingual();
      code = ExitCode.LEDGER;
    } else if (ex instanceof ClaimsFileException c) {
      msg = c.message();
    } else if (ex instanceof UsageException u) {
      msg = u.bilingual();
    } else if (ex instanceof PolicyException p) {
      // the message names the file and line, in Chinese and English already
      msg = Bilingual.of("政策或本地规则文件有误 / policy or rules file error: " + p.getMessage(), "");
    } else if (ex instanceof OutputExistsException o) {
      msg = o.bilingual();
    } else if (ex instanceof OutputWriteException w) {
      msg = w.bilingual();
    } else if (ex instanceof OutputDirectoryException d) {
      msg = Bilingual.of(d.getMessage(), "");
    } else if (ex instanceof SpillException t) {
      msg = t.bilingual();
    } else if (ex instanceof NoSuchFileException n) {
      msg = Bilingual.of("文件不存在：" + n.getFile(), "file not found: " + n.getFile());
    } else if (ex instanceof AccessDeniedException a) {
      msg = Bilingual.of("无权访问：" + a.getFile(), "access denied: " + a.getFile());
    } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      msg =
          Bilingual.of("读写文件失败：" + ex.getMessage(), "file input/output failed: " + ex.getMessage());
    } else if (ex instanceof OutOfMemoryError) {
      msg =
          Bilingual.of(
              "内存不足，未写出任何文件；请用更大的 -Xmx 运行，详见日志 " + logFile(),
              "out of memory, nothing was written; run with a larger -Xmx, see the log "
                  + logFile());
    } else {
      msg =
          Bilingual.of(
              "内部错误，未写出任何文件，详见日志 " + logFile(),
              "internal error, nothing was written; see the log " + logFile());
    }
    // the logger is made here, not in a static field: Logback's start-up (a few hundred classes
    // and an XML parser) is not paid by --version and --help
    Logger log = LoggerFactory.getLogger(IpSubsidy.class);
    log.error("{}", msg, ex);
    String line = msg.en().isEmpty() ? msg.zh() : msg.toString();
    err.println("ipsubsidy: " + line.replaceAll("\\s*[\\r\\n]+\\s*", " "));
    if (verbose) {
      ex.printStackTrace(err);
    }
    return code;
  }

  /** Where Logback writes: IPSUBSIDY_HOME, else -Dipsubsidy.home, else ~/.ipsubsidy. */
  static Path logFile() {
    String home = System.getenv("IPSUBSIDY_HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("ipsubsidy.home");
    }
    if (home == null || home.isBlank()) {
      home = Path.of(System.getProperty("user.home"), ".ipsubsidy").toString();
    }
    return Path.of(home, "logs", "ipsubsidy.log");
  }
}
