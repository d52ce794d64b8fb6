package cn.ipsubsidy.report;

import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.TraceStep;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the audit log (io-contract, "Audit log"): UTF-8 with a BOM so Excel opens it as UTF-8, RFC
 * 4180 quoting, one row per computation step: the 审计 rows of the workbook with the run id and the
 * citation. Every text value passes through {@link FormulaGuard}.
 */
public final class AuditCsvWriter {
  public static final List<String> HEADER =
      List.of("run_id", "claim_id", "step", "rule", "citation", "formula", "inputs", "result");

  private static final char BOM = '\uFEFF';
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  /** Writes the log to {@code target}, replacing it; wrap in {@link OutputFiles} for safety. */
  public void write(RunResult result, String runId, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      write(result, runId, out);
    }
  }

  /** Writes the log to {@code out}, flushed and left open. */
  public void write(RunResult result, String runId, OutputStream out) throws IOException {
    Objects.requireNonNull(result, "result");
    Writer writer = new Utf8Writer(out);
    writer.write(BOM);
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    printer.printRecord(HEADER);
    String run = FormulaGuard.neutralise(runId);
    for (PayoutLine line : result.lines()) {
      for (TraceStep s : line.trace()) {
        printer.printRecord(
            run,
            safe(PayoutWorkbookWriter.auditClaimId(line, s)),
            safe(s.step()),
            safe(s.rule()),
            safe(s.citation()),
            safe(s.formula()),
            safe(s.inputs()),
            safe(s.result()));
      }
    }
    printer.flush();
  }

  private static String safe(String value) {
    return FormulaGuard.neutralise(value);
  }
}
