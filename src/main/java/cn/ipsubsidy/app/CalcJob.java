package cn.ipsubsidy.app;

import cn.ipsubsidy.claims.ReadResult;
import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.engine.StoredLines;
import cn.ipsubsidy.engine.SubsidyEngine;
import cn.ipsubsidy.ledger.CommitUnknownException;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.PostedRun;
import cn.ipsubsidy.ledger.RunHolder;
import cn.ipsubsidy.ledger.RunRecord;
import cn.ipsubsidy.ledger.RunToPost;
import cn.ipsubsidy.ledger.StoredDocument;
import cn.ipsubsidy.outputs.FaultHooks;
import cn.ipsubsidy.outputs.Journal;
import cn.ipsubsidy.outputs.Output;
import cn.ipsubsidy.outputs.OutputPlacingException;
import cn.ipsubsidy.outputs.PendingOutputs;
import cn.ipsubsidy.outputs.StagedOutputs;
import cn.ipsubsidy.report.AuditCsvWriter;
import cn.ipsubsidy.report.IoWriter;
import cn.ipsubsidy.report.OutputFiles;
import cn.ipsubsidy.report.OutputWriteException;
import cn.ipsubsidy.report.PayoutWorkbookWriter;
import cn.ipsubsidy.report.PreparedOutput;
import cn.ipsubsidy.report.RunFacts;
import cn.ipsubsidy.report.WorkbookTotals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One quarter's run, of any size: read the claims into temporary files, compute them against the
 * policies and what the ledger holds for the budget year, write the payout workbook and the audit
 * log to temporary files while the run is posted in one transaction under the ledger's run lock
 * (side by side: each reads the computed lines on its own), commit once both are complete, then
 * move the outputs into place. A failure anywhere before the commit leaves the ledger and the
 * output folder as they were. Memory does not grow with the number of rows beyond what caps need.
 */
public final class CalcJob {
  private static final Logger log = LoggerFactory.getLogger(CalcJob.class);

  /**
   * @param sheet the sheet to read (--sheet), or null for the first with a header row
   * @param policyId the policy a bare clause code belongs to (--policy), or null
   * @param period the period (--period), or null for the quarter of the latest event date
   * @param out the payout workbook (--out), or null for "&lt;input&gt;-payout.xlsx" beside the
   *     input
   * @param ledgerUrl the ledger's JDBC URL (--ledger), or null for {@link Ledger#defaultUrl()}
   * @param dryRun compute against the ledger and write the outputs, but post nothing
   * @param replaceRunId the posted run this one replaces (--replace), or null
   * @param lockWait how long to wait for another run holding the ledger
   * @param auditSheet write the steps into the workbook's 审计 sheet too (not with --audit csv)
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
      String ledgerUrl,
      boolean dryRun,
      String replaceRunId,
      Duration lockWait,
      boolean auditSheet) {}

  /**
   * What the run did; {@code written} is false when --strict stopped it. {@code periodSource} says
   * how the period was chosen, in both languages. The result's lines are read from temporary files
   * until {@link #close()}, which deletes them: use it in a try-with-resources.
   */
  public record Outcome(
      RunFacts facts,
      Bilingual periodSource,
      ReadResult read,
      RunResult result,
      Path workbook,
      Path audit,
      boolean written,
      PostedRun posted,
      String ledger,
      AutoCloseable spill)
      implements AutoCloseable {

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
  private final Consumer<PendingOutputs.Settled> settled;
  private final FaultHooks faults;

  public CalcJob(String toolVersion) {
    this(toolVersion, Progress.NONE);
  }

  /** A job that reports its progress (rows read, computed, written) to {@code progress}. */
  public CalcJob(String toolVersion, Progress progress) {
    this(toolVersion, progress, s -> {}, FaultHooks.NONE);
  }

  /**
   * As {@link #CalcJob(String, Progress)}, telling {@code settled} what became of the outputs of
   * earlier runs on the same ledger that were killed before their outputs were in place ({@link
   * PendingOutputs}), as each is settled at the start of this run; {@code faults} is {@link
   * FaultHooks#NONE} but in the tests that kill a run at a step of the posting protocol.
   */
  public CalcJob(
      String toolVersion,
      Progress progress,
      Consumer<PendingOutputs.Settled> settled,
      FaultHooks faults) {
    this.toolVersion = toolVersion;
    this.progress = progress;
    this.settled = settled;
    this.faults = faults;
  }

  public Outcome run(Request req) throws IOException {
    Path workbook = workbookPath(req.claims(), req.out());
    Path audit = auditPath(req.claims(), workbook);
    PolicySetup policies = PolicySetup.load(req.rulesFile());
    if (req.policyId() != null && policies.registry().document(req.policyId()).isEmpty()) {
      throw new UsageException(
          "未登记的政策：" + req.policyId() + "（可用 ipsubsidy policies 查看）",
          "unknown policy: " + req.policyId() + " (see ipsubsidy policies)");
    }
    // Rows and lines go to temporary files as they come, so memory does not grow with the
    // number of rows; they are deleted when the outcome is closed, or here on failure.
    SpilledRun run = SpilledRun.read(req.claims(), req.sheet(), policies.registry(), progress);
    ReadResult read = run.readResult();
    boolean handedOver = false;
    // the run may be posted but its outputs not in place: the journal keeps them for settling
    boolean keepForSettling = false;
    List<PreparedOutput> outputs = new ArrayList<>();
    Journal pending = PendingOutputs.journal();
    try {
      String inputSha = Hashing.sha256(req.claims());
      Instant now = Instant.now();
      LocalDate latest = run.latestEventDate();
      Period period =
          req.period() != null
              ? req.period()
              : Period.of(latest != null ? latest : LocalDate.now());
      Bilingual periodSource =
          req.period() != null
              ? Bilingual.of("--period", "--period")
              : latest != null
                  ? Bilingual.of("最晚事项日期 " + latest, "latest event date " + latest)
                  : Bilingual.of("今天", "today");
      String runId = Ledger.newRunId(period, now);
      RunFacts facts =
          new RunFacts(
              runId,
              period,
              req.period() != null ? "--period" : periodSource.zh() + " " + periodSource.en(),
              policies.registry().documents(),
              req.claims().getFileName().toString(),
              inputSha,
              now,
              toolVersion,
              req.operator(),
              req.rulesFile() == null ? null : req.rulesFile().getFileName().toString(),
              policies.rulesSha256(),
              policies.office());
      String url = req.ledgerUrl() != null ? req.ledgerUrl() : Ledger.defaultUrl();
      try (Ledger ledger = Ledger.open(url)) {
        Period p = period;
        String identity = ledger.identity();
        // Old outputs that --force replaces are moved aside just before the commit, so that a
        // locked
        // one (open in Excel) stops the run before it is posted; they go back if it is not.
        List<StagedOutputs> staged = new ArrayList<>(1);
        Outcome outcome;
        try {
          outcome =
              ledger.withRunLock(
                  req.lockWait(),
                  RunHolder.thisProcess(runId, req.operator()),
                  session -> {
                    // earlier runs killed before their outputs were in place: no run of this ledger
                    // is between posting and committing while the lock is held
                    PendingOutputs.settle(identity, id -> session.run(id).isPresent())
                        .forEach(settled);
                    // the ledger's refusal (already posted: use --replace) comes before any
                    // check of existing outputs (io contract, exit 4): --force would not help
                    checkReplayAndReplace(req, session, p, inputSha, ledger);
                    refuseExistingOutputs(req, workbook, audit);
                    PriorPayouts prior =
                        req.replaceRunId() == null
                            ? session.prior(p.year())
                            : session.prior(p.year(), req.replaceRunId());
                    WorkbookTotals sums = new WorkbookTotals();
                    RunResult result =
                        run.compute(new SubsidyEngine.Options(p, req.policyId()), prior, sums);
                    log.info(
                        "run {}: {} rows from {} (sha256 {}), period {}, paid {} total {}",
                        runId,
                        result.lines().size(),
                        req.claims(),
                        inputSha,
                        p,
                        result.count(Status.PAID),
                        result.totalPaid());
                    if (req.strict() && result.badDataCount() > 0) {
                      log.info(
                          "run {}: --strict, {} bad rows: nothing written",
                          runId,
                          result.badDataCount());
                      return new Outcome(
                          facts,
                          periodSource,
                          read,
                          result,
                          workbook,
                          audit,
                          false,
                          null,
                          ledger.url(),
                          run);
                    }
                    // The outputs are written on their own threads while the run is posted on this
                    // one (in the transaction, not yet committed): each reads the lines on its own.
                    // The journal names them first, so that a kill at any moment leaves none
                    // behind.
                    pending.start(runId, identity);
                    ExecutorService writer = daemonThread("ipsubsidy-outputs");
                    Future<List<PreparedOutput>> written =
                        writer.submit(
                            () ->
                                prepareOutputs(req, result, facts, sums, workbook, audit, pending));
                    writer.shutdown();
                    PostedRun posted = null;
                    try {
                      if (!req.dryRun()) {
                        long started = System.nanoTime();
                        posted =
                            session.post(
                                new RunToPost(
                                    runId,
                                    p,
                                    req.claims().getFileName().toString(),
                                    inputSha,
                                    req.operator(),
                                    toolVersion,
                                    now,
                                    policies.documents().stream()
                                        .map(d -> StoredDocument.of(d.kind(), d.name(), d.text()))
                                        .toList(),
                                    req.replaceRunId(),
                                    result));
                        log.info(
                            "run {}: posted in {} ms (not yet committed)",
                            runId,
                            (System.nanoTime() - started) / 1_000_000);
                      }
                    } catch (RuntimeException | Error e) {
                      discardWhenWritten(written);
                      throw e;
                    }
                    outputs.addAll(await(written));
                    staged.add(StagedOutputs.stage(outputs, pending::movedAside));
                    pending.ready();
                    if (posted != null) {
                      faults.beforeCommit();
                    }
                    return new Outcome(
                        facts,
                        periodSource,
                        read,
                        result,
                        workbook,
                        audit,
                        true,
                        posted,
                        ledger.url(),
                        run);
                  });
        } catch (CommitUnknownException e) {
          // perhaps posted: the journal keeps the outputs and the old files for the next settling
          keepForSettling = true;
          throw e;
        } catch (IOException | RuntimeException | Error e) {
          staged.forEach(StagedOutputs::restore);
          throw e;
        }
        // Posted (or a dry run): only now do the outputs appear under their names. A kill from
        // here until the journal is deleted is made good by the next run that settles it.
        if (outcome.posted() != null) {
          faults.beforePlacing();
        }
        if (!staged.isEmpty() && outcome.posted() == null) {
          staged.get(0).placeOrRestore(); // nothing posted (a dry run): as any other write
        } else if (!staged.isEmpty()) {
          try {
            staged.get(0).place();
          } catch (OutputPlacingException e) {
            // posted: the outputs wait in their temporary files, named by the journal
            keepForSettling = true;
            Bilingual why = OutputWriteException.reason(e.getCause());
            throw new UsageException(
                "运行 "
                    + runId
                    + " 已过账，但无法把输出文件放到 "
                    + e.target()
                    + "："
                    + why.zh()
                    + "。输出已保留，排除原因后运行 ipsubsidy ledger verify 即放到位；切勿重新运行 calc。",
                "run "
                    + runId
                    + " is posted, but its outputs cannot be put at "
                    + e.target()
                    + ": "
                    + why.en()
                    + ". They are kept: once the cause is removed, ipsubsidy ledger verify puts"
                    + " them in place; do not run calc again.",
                e);
          }
        }
        if (outcome.written()) {
          log.info(
              "run {}: {} {} and {}",
              runId,
              req.dryRun()
                  ? "dry run, nothing posted; wrote"
                  : "posted to " + ledger.url() + "; wrote",
              workbook,
              audit);
        }
        handedOver = true;
        return outcome;
      }
    } finally {
      progress.done();
      if (keepForSettling) {
        // the journal names the outputs and the old files; the next settling decides
        pending.detach();
      } else {
        for (PreparedOutput o : outputs) {
          o.close();
        }
        pending.close(); // after the outputs: placed, or deleted
      }
      if (!handedOver) {
        run.close();
      }
    }
  }

  /**
   * Writes the workbook and the audit log to temporary files, not yet in place. The audit log is
   * written on a second thread while the workbook is written on this one: each reads the lines on
   * its own, and a machine's second core takes the log's share of the time. The progress line
   * follows the workbook, which reads the lines once (its totals were summed as the lines were
   * computed). On failure nothing is left behind.
   */
  private List<PreparedOutput> prepareOutputs(
      Request req,
      RunResult result,
      RunFacts facts,
      WorkbookTotals sums,
      Path workbook,
      Path audit,
      Journal journal)
      throws IOException {
    String runId = facts.runId();
    RunResult forWorkbook = counted(result, "写出 writing", result.lines().size());
    ExecutorService second = daemonThread("ipsubsidy-audit-log");
    long started = System.nanoTime();
    Future<PreparedOutput> csvJob =
        second.submit(
            () -> {
              PreparedOutput prepared =
                  prepare(
                      journal,
                      Output.AUDIT,
                      audit,
                      req.force(),
                      tmp -> new AuditCsvWriter().write(result, runId, tmp));
              log.info(
                  "run {}: audit log written in {} ms",
                  runId,
                  (System.nanoTime() - started) / 1_000_000);
              return prepared;
            });
    second.shutdown();
    PreparedOutput book = null;
    try {
      book =
          prepare(
              journal,
              Output.WORKBOOK,
              workbook,
              req.force(),
              tmp ->
                  new PayoutWorkbookWriter(PayoutWorkbookWriter.EXCEL_MAX_ROWS, req.auditSheet())
                      .write(forWorkbook, facts, sums, tmp));
      log.info(
          "run {}: workbook written in {} ms", runId, (System.nanoTime() - started) / 1_000_000);
      PreparedOutput csv = await(csvJob);
      return List.of(book, csv);
    } catch (IOException | RuntimeException | Error e) {
      if (book != null) {
        book.close();
      }
      // let the log finish (or fail), then throw it away
      try {
        csvJob.get().discard();
      } catch (ExecutionException | InterruptedException | RuntimeException ignored) {
        log.debug("audit log discarded", ignored);
      }
      throw e;
    }
  }

  /**
   * One output written to its temporary file, named in the journal before the file is created and
   * recorded with its SHA-256 once complete.
   */
  private static PreparedOutput prepare(
      Journal journal, Output output, Path target, boolean force, IoWriter writer)
      throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    PreparedOutput prepared =
        OutputFiles.prepare(target, force, writer, tmp -> journal.temp(output, absolute, tmp));
    try {
      journal.written(output, prepared);
    } catch (IOException | RuntimeException e) {
      prepared.discard();
      throw e;
    }
    return prepared;
  }

  /** What a writing thread made, or what failed making it. */
  private static <T> T await(Future<T> job) throws IOException {
    try {
      return job.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the outputs", e);
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

  /** Lets the outputs' thread finish (or fail), then throws away what it wrote. */
  private static void discardWhenWritten(Future<List<PreparedOutput>> written) {
    try {
      for (PreparedOutput o : written.get()) {
        o.discard();
      }
    } catch (ExecutionException | InterruptedException | RuntimeException e) {
      log.debug("outputs discarded", e);
    }
  }

  private static ExecutorService daemonThread(String name) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** The result with its lines counted into {@link #progress} as a writer iterates them. */
  private RunResult counted(RunResult result, String phase, long total) {
    progress.phase(phase, total);
    if (!(result.lines() instanceof StoredLines stored) || progress == Progress.NONE) {
      return result;
    }
    return new RunResult(result.period(), new CountedLines(stored, progress), result.capUsages());
  }

  /** Outputs already there are refused unless --force (OutputFiles checks again when placing). */
  private static void refuseExistingOutputs(Request req, Path workbook, Path audit) {
    if (req.force()) {
      return;
    }
    for (Path p : List.of(workbook, audit)) {
      if (Files.exists(p)) {
        throw new UsageException(
            "输出文件已存在：" + p + "（确需覆盖请加 --force）",
            "output file exists: " + p + " (use --force to overwrite)");
      }
    }
  }

  /** Same period and same file again is refused; --replace must name an active run. */
  private static void checkReplayAndReplace(
      Request req, Ledger.Session session, Period period, String inputSha, Ledger ledger) {
    if (req.dryRun()) {
      return;
    }
    if (req.replaceRunId() == null) {
      session
          .findSameInput(period, inputSha)
          .ifPresent(
              earlier -> {
                throw new RunRefusedException(
                    "本期间已用同一文件过账：运行 "
                        + earlier.runId()
                        + "（"
                        + earlier.paidOn()
                        + "，操作员 "
                        + earlier.operator()
                        + "）。如需更正，请用 --replace "
                        + earlier.runId(),
                    "this period was already posted from the same file by run "
                        + earlier.runId()
                        + " on "
                        + earlier.paidOn()
                        + "; to correct it use --replace "
                        + earlier.runId());
              });
      return;
    }
    RunRecord replaced =
        session
            .run(req.replaceRunId())
            .orElseThrow(() -> UsageException.noSuchRun(req.replaceRunId(), ledger.url()));
    if (!replaced.active()) {
      throw new RunRefusedException(
          "运行 " + replaced.runId() + " 已被运行 " + replaced.replacedBy() + " 更正，不能再次更正",
          "run " + replaced.runId() + " was already replaced by run " + replaced.replacedBy());
    }
    if (!replaced.period().equals(period)) {
      throw new RunRefusedException(
          "运行 " + replaced.runId() + " 属于期间 " + replaced.period() + "，本次为 " + period + "：只能更正同一期间",
          "run "
              + replaced.runId()
              + " is of period "
              + replaced.period()
              + ", this run of "
              + period
              + ": a run can only be replaced by one of the same period");
    }
  }

  /** "&lt;input name&gt;-payout.xlsx" beside the input, or --out. */
  static Path workbookPath(Path claims, Path out) {
    if (out != null) {
      return out;
    }
    return claims.resolveSibling(stem(claims) + "-payout.xlsx");
  }

  /** "&lt;input name&gt;-audit.csv" beside the payout workbook. */
  static Path auditPath(Path claims, Path workbook) {
    return workbook.resolveSibling(stem(claims) + "-audit.csv");
  }

  private static String stem(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
