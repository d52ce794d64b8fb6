package cn.ipsubsidy.app;

import cn.ipsubsidy.claims.ClaimsFiles;
import cn.ipsubsidy.claims.ReadResult;
import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.engine.SubsidyEngine;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.PostedRun;
import cn.ipsubsidy.ledger.RunRecord;
import cn.ipsubsidy.ledger.RunToPost;
import cn.ipsubsidy.ledger.StoredDocument;
import cn.ipsubsidy.report.AuditCsvWriter;
import cn.ipsubsidy.report.OutputFiles;
import cn.ipsubsidy.report.PayoutWorkbookWriter;
import cn.ipsubsidy.report.PreparedOutput;
import cn.ipsubsidy.report.RunFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One quarter's run: read the claims, compute them against the policies and what the ledger holds
 * for the budget year, write the payout workbook and the audit log to temporary files, post the run
 * in one transaction under the ledger's run lock, then move the outputs into place. A failure
 * anywhere before the commit leaves the ledger and the output folder as they were.
 */
public final class CalcJob {
  private static final Logger log = LoggerFactory.getLogger(CalcJob.class);

  /**
   * Fault injection for the kill-during-posting test: milliseconds to sleep after the outputs are
   * written and the run is posted, before the transaction commits. Never set in production.
   */
  public static final String PAUSE_BEFORE_COMMIT = "ipsubsidy.test.pauseBeforeCommitMillis";

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
      Duration lockWait) {}

  /**
   * What the run did; {@code written} is false when --strict stopped it. {@code periodSource} says
   * how the period was chosen, in both languages ({@link RunFacts#periodSource()} joins them).
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
      String ledger) {}

  private final String toolVersion;

  public CalcJob(String toolVersion) {
    this.toolVersion = toolVersion;
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
    List<ClaimRow> rows = new ArrayList<>();
    ReadResult read = ClaimsFiles.read(req.claims(), req.sheet(), rows::add);
    String inputSha = Hashing.sha256(req.claims());
    Instant now = Instant.now();
    LocalDate latest =
        rows.stream()
            .map(r -> r.claim() == null ? null : r.claim().eventDate())
            .filter(Objects::nonNull)
            .max(LocalDate::compareTo)
            .orElse(null);
    Period period =
        req.period() != null ? req.period() : Period.of(latest != null ? latest : LocalDate.now());
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
            policies.rulesSha256());
    String url = req.ledgerUrl() != null ? req.ledgerUrl() : Ledger.defaultUrl();
    List<PreparedOutput> outputs = new ArrayList<>();
    try (Ledger ledger = Ledger.open(url)) {
      Period p = period;
      Outcome outcome =
          ledger.withRunLock(
              req.lockWait(),
              session -> {
                checkReplayAndReplace(req, session, p, inputSha, ledger);
                PriorPayouts prior =
                    req.replaceRunId() == null
                        ? session.prior(p.year())
                        : session.prior(p.year(), req.replaceRunId());
                RunResult result =
                    new SubsidyEngine(policies.registry())
                        .calculate(rows, new SubsidyEngine.Options(p, req.policyId()), prior);
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
                      ledger.url());
                }
                outputs.add(
                    OutputFiles.prepare(
                        workbook,
                        req.force(),
                        tmp -> new PayoutWorkbookWriter().write(result, facts, tmp)));
                outputs.add(
                    OutputFiles.prepare(
                        audit, req.force(), tmp -> new AuditCsvWriter().write(result, runId, tmp)));
                PostedRun posted = null;
                if (!req.dryRun()) {
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
                  pauseForFaultInjection();
                }
                return new Outcome(
                    facts, periodSource, read, result, workbook, audit, true, posted, ledger.url());
              });
      // Posted (or a dry run): only now do the outputs appear under their names.
      OutputFiles.commitAll(outputs);
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
      return outcome;
    } finally {
      for (PreparedOutput o : outputs) {
        o.close();
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

  private static void pauseForFaultInjection() {
    Long millis = Long.getLong(PAUSE_BEFORE_COMMIT);
    if (millis != null && millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
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
