package cn.ipsubsidy.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Real ipsubsidy processes for the tests that kill them, and what a run left behind, read back: the
 * run id its payout workbook names (汇总, 运行编号), its audit log's rows, temporary files and
 * pending-outputs journals.
 */
final class RunFiles {
  private RunFiles() {}

  /**
   * Starts {@code ipsubsidy ARGS} in a new JVM (this test's classpath) with its home folder, the
   * given system properties and its output and errors in files. With properties it runs {@link
   * FaultInjectingMain}, which reads the pauses they ask for (e.g. {@link
   * FaultInjectingMain#PAUSE_BEFORE_COMMIT}); without, the real {@link IpSubsidy#main}.
   */
  static Process start(Path home, List<String> properties, Path out, Path err, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // a short-lived JVM: the first compiler only, no shared-memory statistics file
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:-UsePerfData");
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.add("-Dstderr.encoding=UTF-8");
    cmd.add("-Dstdout.encoding=UTF-8");
    cmd.add("-Dipsubsidy.home=" + home);
    for (String p : properties) {
      cmd.add("-D" + p);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add((properties.isEmpty() ? IpSubsidy.class : FaultInjectingMain.class).getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().remove("IPSUBSIDY_HOME");
    pb.environment().remove("IPSUBSIDY_LEDGER");
    return pb.start();
  }

  static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }

  /** The run id the workbook's 汇总 sheet names (row 运行编号); opening it fails if incomplete. */
  static String workbookRunId(Path workbook) throws IOException {
    try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
      Sheet summary = wb.getSheet("汇总");
      DataFormatter f = new DataFormatter();
      for (Row r : summary) {
        if ("运行编号".equals(f.formatCellValue(r.getCell(0)))) {
          return f.formatCellValue(r.getCell(1));
        }
      }
      return null;
    }
  }

  /** The audit log's rows (after its header), read as the clerk's spreadsheet would. */
  static List<CSVRecord> auditRows(Path audit) throws IOException {
    String text = Files.readString(audit, StandardCharsets.UTF_8);
    if (!text.startsWith("\uFEFFrun_id,") || !text.endsWith("\r\n")) {
      throw new IOException("not a complete audit log: " + audit);
    }
    try (Reader in = new StringReader(text.substring(1));
        CSVParser p =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
      return p.getRecords();
    }
  }

  /** Temporary outputs and backups left in {@code dir}. */
  static List<Path> leftovers(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".tmp") || name.endsWith(".bak");
              })
          .sorted()
          .toList();
    }
  }

  /** What is in {@code <home>/pending}: journals, finished or not. */
  static List<Path> journals(Path home) throws IOException {
    Path pending = home.resolve("pending");
    if (!Files.isDirectory(pending)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(pending)) {
      return files.sorted().toList();
    }
  }
}
