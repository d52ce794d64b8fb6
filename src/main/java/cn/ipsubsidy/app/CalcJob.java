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
import cn.ipsubsidy.outputs.Output;
import cn.ipsubsidy.outputs.OutputPlacingException;
import cn.ipsubsidy.outputs.OutputTransaction;
import cn.ipsubsidy.outputs.PendingOutputs;
import cn.ipsubsidy.report.AuditCsvWriter;
import cn.ipsubsidy.report.OutputWriteException;
import cn.ipsubsidy.report.PayoutWorkbookWriter;
import cn.ipsubsidy.report.RunFacts;
import cn.ipsubsidy.report.WorkbookTotals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
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

  /**
   * The posting protocol (ARCHITECTURE.md), one named step a line: read the claims, then under the
   * ledger's run lock {@link Posting#postAndWrite} (steps 1 to 7, ending in the commit), then
   * {@link Posting#place} the outputs (step 8).
   */
  public Outcome run(Request req) throws IOException {
    Path workbook = workbookPath(req.claims(), req.out());
    Path audit = auditPath(req.claims(), workbook);
    PolicySetup policies = policies(req);
    // Rows and lines go to temporary files as they come, so memory does not grow with the
    // number of rows; they are deleted when the outcome is closed, or here on failure.
    SpilledRun claims = SpilledRun.read(req.claims(), req.sheet(), policies.registry(), progress);
    boolean handedOver = false;
    try (OutputTransaction outputs =
        OutputTransaction.open(PendingOutputs.folder(), !req.dryRun(), req.force(), faults)) {
      Bilingual periodSource = periodSource(req, claims.latestEventDate());
      RunFacts facts = facts(req, claims, policies, periodSource);
      try (Ledger ledger = Ledger.open(ledgerUrl(req))) {
        Posting posting =
            new Posting(
                this, req, policies, claims, facts, periodSource, workbook, audit, ledger, outputs);
        Outcome outcome = posting.postAndWrite(); // steps 1 to 7, then the commit
        if (outcome.written()) {
          posting.place(); // step 8
        }
        handedOver = true;
        return outcome;
      }
    } finally {
      progress.done();
      if (!handedOver) {
        claims.close();
      }
    }
  }

  /**
   * One run being posted: the job, what the run computes and writes, the ledger and its outputs.
   */
  private record Posting(
      CalcJob job,
      Request req,
      PolicySetup policies,
      SpilledRun claims,
      RunFacts facts,
      Bilingual periodSource,
      Path workbook,
      Path audit,
      Ledger ledger,
      OutputTransaction outputs) {

    /**
     * Steps 1 to 7, under the ledger's run lock and in one transaction, which commits when the
     * locked work returns. A failure before the commit abandons the outputs (old files back,
     * temporary files and journal deleted); a commit whose outcome is not known leaves them for the
     * next settling, which decides from what the ledger holds.
     */
    Outcome postAndWrite() throws IOException {
      RunHolder holder = RunHolder.thisProcess(facts.runId(), req.operator());
      try {
        return ledger.withRunLock(
            req.lockWait(),
            holder,
            session -> {
              settleEarlierRuns(session); // 1
              // 2: the ledger's refusal (already posted: use --replace) comes before any check
              // of existing outputs (io contract, exit 4): --force would not help
              checkReplayAndReplace(req, session, facts.period(), facts.inputSha256(), ledger);
              refuseExistingOutputs(req, workbook, audit);
              WorkbookTotals sums = new WorkbookTotals();
              RunResult result = compute(session, sums); // 3
              if (req.strict() && result.badDataCount() > 0) {
                log.info(
                    "run {}: --strict, {} bad rows: nothing written",
                    facts.runId(),
                    result.badDataCount());
                return outcome(result, false, null);
              }
              outputs.journal(facts.runId(), ledger.identity()); // 4
              Future<Void> written = writeOutputs(result, sums); // 5, on their own threads
              PostedRun posted = postWhileWriting(session, result, written); // 5
              outputs.stageForCommit(); // 6
              outputs.ready(); // 7: the commit follows when this returns
              return outcome(result, true, posted);
            });
      } catch (CommitUnknownException e) {
        outputs.leaveForSettling(); // perhaps posted
        throw e;
      } catch (IOException | RuntimeException | Error e) {
        outputs.abandon();
        throw e;
      }
    }

    /**
     * Step 1: earlier runs killed before their outputs were in place; no run of this ledger is
     * between posting and committing while the lock is held.
     */
    private void settleEarlierRuns(Ledger.Session session) {
      PendingOutputs.settle(ledger.identity(), id -> session.run(id).isPresent())
          .forEach(job.settled);
    }

    /** Step 3: the run computed against what the ledger holds for its budget year. */
    private RunResult compute(Ledger.Session session, WorkbookTotals sums) {
      Period p = facts.period();
      PriorPayouts prior =
          req.replaceRunId() == null
              ? session.prior(p.year())
              : session.prior(p.year(), req.replaceRunId());
      RunResult result = claims.compute(new SubsidyEngine.Options(p, req.policyId()), prior, sums);
      log.info(
          "run {}: {} rows from {} (sha256 {}), period {}, paid {} total {}",
          facts.runId(),
          result.lines().size(),
          req.claims(),
          facts.inputSha256(),
          p,
          result.count(Status.PAID),
          result.totalPaid());
      return result;
    }

    /**
     * Step 5: the workbook and the audit log written to temporary files on threads of their own
     * while the run is posted on this one: the workbook on one, the audit log on a second, each
     * reading the lines on its own, so that a machine's second core takes the log's share of the
     * time. The progress line follows the workbook, which reads the lines once (its totals were
     * summed as the lines were computed).
     */
    private Future<Void> writeOutputs(RunResult result, WorkbookTotals sums) {
      return onItsOwnThread(
          "ipsubsidy-outputs",
          () -> {
            writeBoth(result, sums);
            return null;
          });
    }

    /** On the outputs' thread: the audit log on a second one, the workbook on this one. */
    private void writeBoth(RunResult result, WorkbookTotals sums) throws IOException {
      RunResult forWorkbook = job.counted(result, "写出 writing", result.lines().size());
      long started = System.nanoTime();
      Future<Void> csv =
          onItsOwnThread(
              "ipsubsidy-audit-log",
              () -> {
                outputs.write(
                    Output.AUDIT, audit, f -> new AuditCsvWriter().write(result, facts.runId(), f));
                logWritten("audit log", started);
                return null;
              });
      try {
        outputs.write(
            Output.WORKBOOK,
            workbook,
            f ->
                new PayoutWorkbookWriter(PayoutWorkbookWriter.EXCEL_MAX_ROWS, req.auditSheet())
                    .write(forWorkbook, facts, sums, f));
        logWritten("workbook", started);
        await(csv);
      } catch (IOException | RuntimeException | Error e) {
        finished(csv); // let the log finish (or fail): the outputs are abandoned
        throw e;
      }
    }

    private void logWritten(String what, long started) {
      log.info(
          "run {}: {} written in {} ms",
          facts.runId(),
          what,
          (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Step 5: the run posted in the transaction, not yet committed (nothing for a dry run), while
     * the outputs are written; then waits for them.
     */
    private PostedRun postWhileWriting(
        Ledger.Session session, RunResult result, Future<Void> written) throws IOException {
      PostedRun posted = null;
      try {
        if (!req.dryRun()) {
          posted = post(session, result);
        }
      } catch (RuntimeException | Error e) {
        finished(written); // let the outputs' thread finish (or fail): they are abandoned
        throw e;
      }
      await(written);
      return posted;
    }

    private PostedRun post(Ledger.Session session, RunResult result) {
      long started = System.nanoTime();
      PostedRun posted =
          session.post(
              new RunToPost(
                  facts.runId(),
                  facts.period(),
                  facts.inputFileName(),
                  facts.inputSha256(),
                  req.operator(),
                  facts.toolVersion(),
                  facts.generatedAt(),
                  policies.documents().stream()
                      .map(d -> StoredDocument.of(d.kind(), d.name(), d.text()))
                      .toList(),
                  req.replaceRunId(),
                  result));
      log.info(
          "run {}: posted in {} ms (not yet committed)",
          facts.runId(),
          (System.nanoTime() - started) / 1_000_000);
      return posted;
    }

    /**
     * Step 8: posted (or a dry run), only now do the outputs appear under their names. A kill from
     * here until the journal is deleted is made good by the next run that settles it; an output
     * that cannot be placed waits in its temporary file for the clerk to remove the cause.
     */
    void place() throws IOException {
      try {
        outputs.place();
      } catch (OutputPlacingException e) {
        throw notPlaced(facts.runId(), e);
      }
      log.info(
          "run {}: {} {} and {}",
          facts.runId(),
          req.dryRun() ? "dry run, nothing posted; wrote" : "posted to " + ledger.url() + "; wrote",
          workbook,
          audit);
    }

    private Outcome outcome(RunResult result, boolean written, PostedRun posted) {
      return new Outcome(
          facts,
          periodSource,
          claims.readResult(),
          result,
          workbook,
          audit,
          written,
          posted,
          ledger.url(),
          claims);
    }
  }

  /** The policies and local rules the run computes under; --policy must name one of them. */
  private static PolicySetup policies(Request req) throws IOException {
    PolicySetup policies = PolicySetup.load(req.rulesFile());
    if (req.policyId() != null && policies.registry().document(req.policyId()).isEmpty()) {
      throw new UsageException(
          "未登记的政策：" + req.policyId() + "（可用 ipsubsidy policies 查看）",
          "unknown policy: " + req.policyId() + " (see ipsubsidy policies)");
    }
    return policies;
  }

  /** How the period was chosen: --period, the latest event date, or today. */
  private static Bilingual periodSource(Request req, LocalDate latest) {
    return req.period() != null
        ? Bilingual.of("--period", "--period")
        : latest != null
            ? Bilingual.of("最晚事项日期 " + latest, "latest event date " + latest)
            : Bilingual.of("今天", "today");
  }

  /** The run's id, period, input and policies, as the workbook states them. */
  private RunFacts facts(
      Request req, SpilledRun claims, PolicySetup policies, Bilingual periodSource)
      throws IOException {
    String inputSha = Hashing.sha256(req.claims());
    Instant now = Instant.now();
    LocalDate latest = claims.latestEventDate();
    Period period =
        req.period() != null ? req.period() : Period.of(latest != null ? latest : LocalDate.now());
    return new RunFacts(
        Ledger.newRunId(period, now),
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
  }

  private static String ledgerUrl(Request req) {
    return req.ledgerUrl() != null ? req.ledgerUrl() : Ledger.defaultUrl();
  }

  /** A posted run whose outputs cannot be put in place: they are kept for settling. */
  private static UsageException notPlaced(String runId, OutputPlacingException e) {
    Bilingual why = OutputWriteException.reason(e.getCause());
    return new UsageException(
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

  /** Lets a writing thread finish (or fail); what it wrote is the transaction's to throw away. */
  private static void finished(Future<?> job) {
    try {
      job.get();
    } catch (ExecutionException | InterruptedException | RuntimeException e) {
      log.debug("outputs discarded", e);
    }
  }

  /** {@code job} on a daemon thread of its own named {@code name}. */
  private static <T> Future<T> onItsOwnThread(String name, Callable<T> job) {
    ExecutorService thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    try {
      return thread.submit(job);
    } finally {
      thread.shutdown();
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

  /** Outputs already there are refused unless --force (staging checks again before the commit). */
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
