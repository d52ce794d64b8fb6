package cn.ipsubsidy.app;

import cn.ipsubsidy.claims.ClaimsFiles;
import cn.ipsubsidy.claims.ReadResult;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.SubsidyEngine;
import cn.ipsubsidy.report.AuditCsvWriter;
import cn.ipsubsidy.report.OutputFiles;
import cn.ipsubsidy.report.PayoutWorkbookWriter;
import cn.ipsubsidy.report.PreparedOutput;
import cn.ipsubsidy.report.RunFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
      String operator) {}

  /** What the run did; {@code written} is false when --strict stopped it. */
  public record Outcome(
      RunFacts facts,
      ReadResult read,
      RunResult result,
      Path workbook,
      Path audit,
      boolean written) {}

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
    Instant now = Instant.now();
    Period period = req.period();
    String periodSource = "--period";
    if (period == null) {
      LocalDate latest =
          rows.stream()
              .map(r -> r.claim() == null ? null : r.claim().eventDate())
              .filter(Objects::nonNull)
              .max(LocalDate::compareTo)
              .orElse(null);
      period = Period.of(latest != null ? latest : LocalDate.now());
      periodSource = latest != null ? "最晚事项日期 latest event date " + latest : "今天 today";
    }
    RunResult result =
        new SubsidyEngine(policies.registry())
            .calculate(rows, new SubsidyEngine.Options(period, req.policyId()), PriorPayouts.NONE);
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
      return new Outcome(facts, read, result, workbook, audit, false);
    }
    // Both files go to temporary names first and are moved into place only when both are complete.
    try (PreparedOutput book =
            OutputFiles.prepare(
                workbook,
                req.force(),
                tmp -> new PayoutWorkbookWriter().write(result, facts, tmp));
        PreparedOutput csv =
            OutputFiles.prepare(
                audit, req.force(), tmp -> new AuditCsvWriter().write(result, runId, tmp))) {
      OutputFiles.commitAll(List.of(book, csv));
    }
    log.info("run {}: wrote {} and {}", runId, workbook, audit);
    return new Outcome(facts, read, result, workbook, audit, true);
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
