package cn.ipsubsidy.app;

import cn.ipsubsidy.claims.ReadResult;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.StoredLines;
import cn.ipsubsidy.engine.SubsidyEngine;
import cn.ipsubsidy.report.AuditCsvWriter;
import cn.ipsubsidy.report.OutputFiles;
import cn.ipsubsidy.report.PayoutWorkbookWriter;
import cn.ipsubsidy.report.PreparedOutput;
import cn.ipsubsidy.report.RunFacts;
import cn.ipsubsidy.report.WorkbookTotals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One quarter's run: read the claims, compute them against the policies, write the payout workbook
 * and the audit log. Outputs are written to temporary files and moved into place only when both are
 * complete.
 */
public final class CalcJob {
  private static final Logger log = LoggerFactory.getLogger(CalcJob.class);

  /**
   * @param sheet the sheet to read (--sheet), or null for the first with a header row
   * @param policyId the policy a bare clause code belongs to (--policy), or null
   * @param period the period (--period), or null for the quarter of the latest event date
   * @param out the payout workbook (--out), or null for "&lt;input&gt;-payout.xlsx" beside the
   *     input
   */
  public record Request(
      Path claims,
      String sheet,
      String policyId,
      Period period,
      Path out,
      Path rulesFile,
      boolean strict,
      boolean force,
      String operator,
      boolean auditSheet) {

    /** A request that writes 审计 into the workbook (the default; {@code --audit csv} does not). */
    public Request(
        Path claims,
        String sheet,
        String policyId,
        Period period,
        Path out,
        Path rulesFile,
        boolean strict,
        boolean force,
        String operator) {
      this(claims, sheet, policyId, period, out, rulesFile, strict, force, operator, true);
    }
  }

  /**
   * What the run did; {@code written} is false when --strict stopped it. The result's lines are
   * read from temporary files until {@link #close()}, which deletes them: use it in a
   * try-with-resources.
   */
  public record Outcome(
      RunFacts facts,
      ReadResult read,
      RunResult result,
      Path workbook,
      Path audit,
      boolean written,
      AutoCloseable spill)
      implements AutoCloseable {

    public Outcome(
        RunFacts facts,
        ReadResult read,
        RunResult result,
        Path workbook,
        Path audit,
        boolean written) {
      this(facts, read, result, workbook, audit, written, null);
    }

    /** Deletes the temporary files that hold the lines; the result's lines are gone after. */
    @Override
    public void close() {
      if (spill != null) {
        try {
          spill.close();
        } catch (Exception e) {
          log.warn("cannot remove temporary files", e);
        }
      }
    }
  }

  private final String toolVersion;
  private final Progress progress;

  public CalcJob(String toolVersion) {
    this(toolVersion, Progress.NONE);
  }

  /** A job that reports its progress (rows read, computed, written) to {@code progress}. */
  public CalcJob(String toolVersion, Progress progress) {
    this.toolVersion = toolVersion;
    this.progress = progress;
  }

  public Outcome run(Request req) throws IOException {
    Path workbook = workbookPath(req.claims(), req.out());
    Path audit = auditPath(req.claims(), workbook);
    if (!req.force()) {
      for (Path p : List.of(workbook, audit)) {
        if (Files.exists(p)) {
          throw new UsageException(
              "输出文件已存在：" + p + "（确需覆盖请加 --force）",
              "output file exists: " + p + " (use --force to overwrite)");
        }
      }
    }
    PolicySetup policies = PolicySetup.load(req.rulesFile());
    if (req.policyId() != null && policies.registry().document(req.policyId()).isEmpty()) {
      throw new UsageException(
          "未登记的政策：" + req.policyId() + "（可用 ipsubsidy policies 查看）",
          "unknown policy: " + req.policyId() + " (see ipsubsidy policies)");
    }
    // Rows and lines go to temporary files as they come, so memory does not grow with the
    // number of rows; they are deleted when the outcome is closed, or here on failure.
    SpilledRun run = SpilledRun.read(req.claims(), req.sheet(), policies.registry(), progress);
    boolean handedOver = false;
    try {
      Instant now = Instant.now();
      Period period = req.period();
      String periodSource = "--period";
      if (period == null) {
        LocalDate latest = run.latestEventDate();
        period = Period.of(latest != null ? latest : LocalDate.now());
        periodSource = latest != null ? "最晚事项日期 latest event date " + latest : "今天 today";
      }
      WorkbookTotals sums = new WorkbookTotals();
      RunResult result =
          run.compute(new SubsidyEngine.Options(period, req.policyId()), PriorPayouts.NONE, sums);
      Outcome outcome =
          finish(
              req,
              policies,
              run.readResult(),
              result,
              period,
              periodSource,
              now,
              workbook,
              audit,
              sums,
              run);
      handedOver = true;
      return outcome;
    } finally {
      progress.done();
      if (!handedOver) {
        run.close();
      }
    }
  }

  private Outcome finish(
      Request req,
      PolicySetup policies,
      ReadResult read,
      RunResult result,
      Period period,
      String periodSource,
      Instant now,
      Path workbook,
      Path audit,
      WorkbookTotals sums,
      AutoCloseable spill)
      throws IOException {
    String inputSha = Hashing.sha256(req.claims());
    String runId =
        period
            + "-"
            + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                .withZone(ZoneId.systemDefault())
                .format(now)
            + "-"
            + inputSha.substring(0, 6);
    RunFacts facts =
        new RunFacts(
            runId,
            period,
            periodSource,
            policies.registry().documents(),
            req.claims().getFileName().toString(),
            inputSha,
            now,
            toolVersion,
            req.operator(),
            req.rulesFile() == null ? null : req.rulesFile().getFileName().toString(),
            policies.rulesSha256());
    log.info(
        "run {}: {} rows from {} (sha256 {}), period {}, paid {} total {}",
        runId,
        result.lines().size(),
        req.claims(),
        inputSha,
        period,
        result.count(cn.ipsubsidy.engine.Status.PAID),
        result.totalPaid());
    if (req.strict() && result.badDataCount() > 0) {
      log.info("run {}: --strict and {} bad rows: nothing written", runId, result.badDataCount());
      return new Outcome(facts, read, result, workbook, audit, false, spill);
    }
    // Both files go to temporary names first and are moved into place only when both are complete.
    // The audit log is written on a second thread while the workbook is written on this one: each
    // reads the lines on its own, and a machine's second core takes the log's share of the time.
    // The progress line follows the workbook, which reads the lines once (its totals were summed
    // as the lines were computed).
    RunResult forWorkbook = counted(result, "写出 writing", result.lines().size());
    ExecutorService second =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "ipsubsidy-audit-log");
              t.setDaemon(true);
              return t;
            });
    long started = System.nanoTime();
    Future<PreparedOutput> csvJob =
        second.submit(
            () -> {
              PreparedOutput prepared =
                  OutputFiles.prepare(
                      audit, req.force(), tmp -> new AuditCsvWriter().write(result, runId, tmp));
              log.info(
                  "run {}: audit log written in {} ms",
                  runId,
                  (System.nanoTime() - started) / 1_000_000);
              return prepared;
            });
    second.shutdown();
    PreparedOutput csv = null;
    try (PreparedOutput book =
        OutputFiles.prepare(
            workbook,
            req.force(),
            tmp ->
                new PayoutWorkbookWriter(PayoutWorkbookWriter.EXCEL_MAX_ROWS, req.auditSheet())
                    .write(forWorkbook, facts, sums, tmp))) {
      log.info(
          "run {}: workbook written in {} ms", runId, (System.nanoTime() - started) / 1_000_000);
      csv = await(csvJob);
      OutputFiles.commitAll(List.of(book, csv));
    } finally {
      if (csv == null) {
        // the workbook failed: let the log finish (or fail), then throw it away
        try {
          csvJob.get().discard();
        } catch (ExecutionException | InterruptedException | RuntimeException e) {
          log.debug("audit log discarded", e);
        }
      } else {
        csv.close();
      }
    }
    log.info("run {}: wrote {} and {}", runId, workbook, audit);
    return new Outcome(facts, read, result, workbook, audit, true, spill);
  }

  /** The prepared audit log, or what failed writing it. */
  private static PreparedOutput await(Future<PreparedOutput> job) throws IOException {
    try {
      return job.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the audit log", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }

  /** The result with its lines counted into {@link #progress} as a writer iterates them. */
  private RunResult counted(RunResult result, String phase, long total) {
    progress.phase(phase, total);
    if (!(result.lines() instanceof StoredLines stored) || progress == Progress.NONE) {
      return result;
    }
    return new RunResult(result.period(), new CountedLines(stored, progress), result.capUsages());
  }

  /** "&lt;input name&gt;-payout.xlsx" beside the input, or --out. */
  static Path workbookPath(Path claims, Path out) {
    if (out != null) {
      return out;
    }
    return sibling(claims, stem(claims) + "-payout.xlsx");
  }

  /** "&lt;input name&gt;-audit.csv" beside the payout workbook. */
  static Path auditPath(Path claims, Path workbook) {
    return sibling(workbook, stem(claims) + "-audit.csv");
  }

  private static Path sibling(Path p, String name) {
    return p.resolveSibling(name);
  }

  private static String stem(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
