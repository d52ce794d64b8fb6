package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.claims.EntityIds;
import cn.ipsubsidy.cli.FaultsTable.LedgerState;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.RunRecord;
import cn.ipsubsidy.ledger.TestLedgers;
import cn.ipsubsidy.outputs.PendingOutputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code calc} processes on one SQLite ledger: two at once never both post, one killed after
 * writing its outputs but before committing leaves the ledger and the folder as they were (once the
 * next run removed its temporary files), and one killed after committing but before placing its
 * outputs gets them placed by the next {@code ledger verify} or {@code calc}. What they showed goes
 * into the faults table of {@code docs/robustness.md} ({@link FaultsTable}).
 */
@Tag("robustness")
class CalcProcessesTest {
  @TempDir Path dir;

  private Path claims(String name) throws IOException {
    String e1 = "91320706MA1000001" + EntityIds.usccCheckChar("91320706MA1000001");
    Path f = dir.resolve(name);
    Files.writeString(
        f,
        "申报编号,主体代码,主体名称,主体类型,所属地区,条款,事项日期,数量,指标,凭证号\n"
            + "Q1-1,"
            + e1
            + ",海创医药,企业,海州区,lyg-2021/2a,2025-02-10,2,12,M1;M2\n",
        StandardCharsets.UTF_8);
    return f;
  }

  private Process calc(Path claims, long pauseMillis, String... more) throws IOException {
    return calc(
        claims, FaultInjectingMain.PAUSE_BEFORE_COMMIT, pauseMillis, dir.resolve("home"), more);
  }

  /** A calc in English that sleeps {@code pauseMillis} where {@code pause} says. */
  private Process calc(Path claims, String pause, long pauseMillis, Path home, String... more)
      throws IOException {
    List<String> args =
        new ArrayList<>(List.of("calc", claims.toString(), "--ledger", TestLedgers.sqlite(dir)));
    if (!List.of(more).contains("--lang")) {
      args.addAll(List.of("--lang", "en")); // the lock message is checked in English
    }
    args.addAll(List.of(more));
    return RunFiles.start(
        home,
        List.of(pause + "=" + pauseMillis),
        dir.resolve(claims.getFileName() + ".out"),
        dir.resolve(claims.getFileName() + ".err"),
        args.toArray(new String[0]));
  }

  /** Waits until the run has written its temporary outputs: it holds the ledger's lock then. */
  private void awaitTemporaryOutputs(Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      try (Stream<Path> files = Files.list(dir)) {
        if (files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"))) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "the first run never wrote its outputs: " + read(dir.resolve("a.csv.err")));
  }

  private static String read(Path p) throws IOException {
    return RunFiles.read(p);
  }

  private long postedRuns() {
    Cli runs = Cli.run("ledger", "runs", "--ledger", TestLedgers.sqlite(dir));
    assertThat(runs.exit()).isZero();
    return runs.out().lines().filter(l -> l.startsWith("2025Q1-")).count();
  }

  @Test
  void twoRunsAtOnceNeverBothPost() throws Exception {
    Path a = claims("a.csv");
    LedgerState before = LedgerState.of(TestLedgers.sqlite(dir));
    Process first = calc(a, 6000);
    awaitTemporaryOutputs(first);
    // the same file from another clerk, while the first holds the ledger; and from a third, in
    // Chinese, for the faults table
    Path b = Files.copy(a, dir.resolve("b.csv"));
    Path c = Files.copy(a, dir.resolve("c.csv"));
    Process second = calc(b, 0, "--lock-wait", "1");
    Process third = calc(c, 0, "--lock-wait", "1", "--lang", "zh");
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).as(read(dir.resolve("b.csv.err"))).isEqualTo(4);
    assertThat(read(dir.resolve("b.csv.err"))).contains("ledger").doesNotContain("Exception");
    assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(third.exitValue()).as(read(dir.resolve("c.csv.err"))).isEqualTo(4);
    assertThat(read(dir.resolve("c.csv.err"))).contains("账本").doesNotContain("Exception");
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as(read(dir.resolve("a.csv.err"))).isZero();
    assertThat(postedRuns()).isEqualTo(1);
    assertThat(dir.resolve("a-payout.xlsx")).exists();
    assertThat(dir.resolve("b-payout.xlsx")).doesNotExist();
    assertThat(dir.resolve("c-payout.xlsx")).doesNotExist();
    FaultsTable.record(
        "two-calcs-at-once",
        second.exitValue(),
        read(dir.resolve("c.csv.err")),
        read(dir.resolve("b.csv.err")),
        LedgerState.change(before, LedgerState.of(TestLedgers.sqlite(dir)))
            + "\n只有第一次运行过账 / only the first run is posted",
        "第二、三次运行未留下任何文件 / the second and third runs leave nothing behind");
  }

  @Test
  void aRunKilledBeforeItsCommitLeavesNoTrace() throws Exception {
    Path a = claims("a.csv");
    LedgerState before = LedgerState.of(TestLedgers.sqlite(dir));
    Process p = calc(a, 30_000);
    awaitTemporaryOutputs(p);
    Thread.sleep(1500); // the post is appended and waits for its commit
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    LedgerState after = LedgerState.of(TestLedgers.sqlite(dir));

    assertThat(postedRuns()).isZero();
    assertThat(Cli.run("ledger", "verify", "--ledger", TestLedgers.sqlite(dir)).exit()).isZero();
    assertThat(dir.resolve("a-payout.xlsx")).doesNotExist();
    assertThat(dir.resolve("a-audit.csv")).doesNotExist();
    // what the killed run left: its temporary outputs, and the journal that names them
    Path home = dir.resolve("home");
    List<Path> temps = RunFiles.leftovers(dir);
    assertThat(temps).hasSize(2);
    assertThat(RunFiles.journals(home)).hasSize(1);
    // the ledger is free again and the run can be posted; it first removes what the killed left
    Process again = calc(a, 0);
    assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = read(dir.resolve("a.csv.err"));
    assertThat(again.exitValue()).as(err).isZero();
    assertThat(postedRuns()).isEqualTo(1);
    assertThat(dir.resolve("a-payout.xlsx")).exists();
    for (Path temp : temps) {
      assertThat(err)
          .contains("stopped before it was posted and the ledger does not have it: removed the")
          .contains(temp.toString());
    }
    assertThat(err.lines()).as(err).hasSize(2);
    assertThat(RunFiles.leftovers(dir)).isEmpty();
    assertThat(RunFiles.journals(home)).isEmpty();
    FaultsTable.record(
        "killed-before-commit",
        FaultsTable.KILLED,
        "",
        "",
        LedgerState.change(before, after),
        "无输出文件；留下的 "
            + temps.size()
            + " 个临时文件及其待放置记录，由下一次 calc 或 ledger verify 删除 / no output file; the "
            + temps.size()
            + " temporary files left, and their pending record, are removed by the next calc or"
            + " ledger verify");
  }

  /**
   * The window the pending-outputs journal closes: killed after the commit, before the outputs were
   * moved into place. The run is posted; {@code ledger verify} places its outputs (in Chinese),
   * complete and of that run, and leaves no temporary file or journal.
   */
  @Test
  void aRunKilledAfterItsCommitGetsItsOutputsFromLedgerVerify() throws Exception {
    Path a = claims("a.csv");
    String runId = killBeforePlacing(a);

    Cli verify = Cli.run("ledger", "verify", "--ledger", TestLedgers.sqlite(dir));
    assertThat(verify.exit()).as(verify.all()).isZero();
    assertThat(verify.err())
        .contains(
            "ipsubsidy: 运行 "
                + runId
                + " 已过账，但上次在放置输出文件前中断：已将其核发明细表放到 "
                + dir.resolve("a-payout.xlsx"))
        .contains("已将其审计日志放到 " + dir.resolve("a-audit.csv"));
    assertThat(verify.err().lines()).as(verify.err()).hasSize(2);
    assertPlacedWhole(runId, "a");
    // settled once: nothing more to say
    Cli again = Cli.run("ledger", "verify", "--ledger", TestLedgers.sqlite(dir));
    assertThat(again.exit()).isZero();
    assertThat(again.err()).isEmpty();
  }

  /** The same window, settled by the next calc on the ledger (in English), which goes on. */
  @Test
  void aRunKilledAfterItsCommitGetsItsOutputsFromTheNextCalc() throws Exception {
    Path a = claims("a.csv");
    String runId = killBeforePlacing(a);

    Path b = dir.resolve("b.csv");
    Files.writeString(b, Files.readString(a).replace("Q1-1,", "Q1-2,").replace("M1;M2", "M3;M4"));
    Cli next = Cli.en("calc", b.toString(), "--ledger", TestLedgers.sqlite(dir));
    assertThat(next.exit()).as(next.all()).isZero();
    assertThat(next.err())
        .contains(
            "ipsubsidy: run "
                + runId
                + " was posted but stopped before placing its outputs: its payout workbook is now"
                + " at "
                + dir.resolve("a-payout.xlsx"))
        .contains("its audit log is now at " + dir.resolve("a-audit.csv"));
    assertThat(next.err().lines()).as(next.err()).hasSize(2);
    assertPlacedWhole(runId, "a");
    assertThat(dir.resolve("b-payout.xlsx")).exists();
    assertThat(postedRuns()).isEqualTo(2);
  }

  /**
   * Runs calc on {@code claims} in a process that shares this JVM's home (so that commands run here
   * settle its journal) and pauses after its commit; kills it there. Returns the run id.
   */
  private String killBeforePlacing(Path claims, String... more) throws Exception {
    // counted in the ledger itself: ledger runs would settle what the kill leaves
    List<RunRecord> before = runs();
    Path workbook = dir.resolve(claims.getFileName().toString().replace(".csv", "-payout.xlsx"));
    String inPlace = Files.exists(workbook) ? RunFiles.workbookRunId(workbook) : null;
    Process p = calc(claims, FaultInjectingMain.PAUSE_BEFORE_PLACING, 60_000, Ledger.home(), more);
    String runId = awaitPostedRun(p, claims, before);
    Path journal = PendingOutputs.folder().resolve(runId + ".run");
    assertThat(journal).exists();
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    // the gap: posted, and its outputs not in place
    assertThat(runs()).hasSize(before.size() + 1);
    // its outputs wait in temporary files; an old workbook that --force replaces was moved aside
    // before the commit (so that a locked one stops the run before it is posted)
    assertThat(workbook).doesNotExist();
    List<Path> temps =
        RunFiles.leftovers(dir).stream().filter(f -> f.toString().endsWith(".tmp")).toList();
    assertThat(temps).hasSize(2);
    List<Path> aside =
        RunFiles.leftovers(dir).stream().filter(f -> f.toString().endsWith(".bak")).toList();
    if (inPlace == null) {
      assertThat(aside).isEmpty();
    } else {
      Path oldWorkbook =
          aside.stream()
              .filter(b -> b.getFileName().toString().startsWith(".a-payout.xlsx."))
              .findFirst()
              .orElseThrow();
      assertThat(RunFiles.workbookRunId(oldWorkbook)).isEqualTo(inPlace);
      String journalText = Files.readString(journal, StandardCharsets.UTF_8);
      for (Path b : aside) {
        assertThat(journalText).contains(b.toString());
      }
    }
    // the journal: owner only, naming the ledger, each temporary output and its fingerprint, and
    // ready
    String text = Files.readString(journal, StandardCharsets.UTF_8);
    assertThat(text)
        .contains("run\t" + runId + "\n")
        .contains("ledger\tjdbc:sqlite:" + dir.resolve("ledger.db") + "\n")
        .endsWith("ready\n");
    for (Path temp : temps) {
      assertThat(text)
          .containsPattern(
              "written\t\\w+\t"
                  + Pattern.quote(temp.toString())
                  + "\tcrc:\\d+:[0-9a-f]{8}:[0-9a-f]{8}\t");
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.getParent())))
          .isEqualTo("rwx------");
    }
    return runId;
  }

  private List<RunRecord> runs() {
    try (Ledger ledger = Ledger.open(TestLedgers.sqlite(dir))) {
      return ledger.runs();
    }
  }

  /** Waits until the ledger holds a new run of {@code claims}; returns its id. */
  private String awaitPostedRun(Process p, Path claims, List<RunRecord> before) throws Exception {
    String name = claims.getFileName().toString();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      for (RunRecord r : runs()) {
        if (r.inputFile().equals(name) && !before.contains(r)) {
          return r.runId();
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the run was never posted: " + read(dir.resolve(name + ".err")));
  }

  /**
   * A --force run killed before placing replaces only the files it meant to: the earlier run's
   * workbook is replaced, but an audit log edited since is left alone and the run's goes beside it.
   */
  @Test
  void aForcedRunKilledBeforePlacingReplacesOnlyWhatItMeantTo() throws Exception {
    Path a = claims("a.csv");
    Cli earlier = Cli.run("calc", a.toString(), "--ledger", TestLedgers.sqlite(dir));
    assertThat(earlier.exit()).as(earlier.all()).isZero();
    Files.writeString(a, Files.readString(a).replace("Q1-1,", "Q1-2,").replace("M1;M2", "M3;M4"));
    String runId = killBeforePlacing(a, "--force");
    Path audit = Files.writeString(dir.resolve("a-audit.csv"), "edited by hand");

    Cli verify = Cli.en("ledger", "verify", "--ledger", TestLedgers.sqlite(dir));
    assertThat(verify.exit()).as(verify.all()).isZero();
    Path beside = dir.resolve("a-audit-" + runId + ".csv");
    assertThat(verify.err())
        .contains("its payout workbook is now at " + dir.resolve("a-payout.xlsx"))
        .contains(
            "ipsubsidy: run "
                + runId
                + " was posted but stopped before placing its outputs; "
                + audit
                + " has changed since and was left alone, its audit log is at "
                + beside);
    assertThat(verify.err().lines()).as(verify.err()).hasSize(2);
    assertThat(RunFiles.workbookRunId(dir.resolve("a-payout.xlsx"))).isEqualTo(runId);
    assertThat(audit).hasContent("edited by hand");
    assertThat(RunFiles.auditRows(beside))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("run_id")).isEqualTo(runId));
    assertThat(RunFiles.leftovers(dir)).isEmpty();
    assertThat(PendingOutputs.folder().resolve(runId + ".run")).doesNotExist();
  }

  /**
   * A --force run moves the old outputs aside just before its commit (a locked one then stops it
   * unposted); killed there, before the commit, the next {@code ledger verify} puts them back as
   * they were and removes its temporary outputs.
   */
  @Test
  void aForcedRunKilledBeforeItsCommitGetsTheOldOutputsBack() throws Exception {
    Path a = claims("a.csv");
    Cli earlier = Cli.run("calc", a.toString(), "--ledger", TestLedgers.sqlite(dir));
    assertThat(earlier.exit()).as(earlier.all()).isZero();
    Path workbook = dir.resolve("a-payout.xlsx");
    Path audit = dir.resolve("a-audit.csv");
    String earlierRun = RunFiles.workbookRunId(workbook);
    byte[] oldAudit = Files.readAllBytes(audit);
    Files.writeString(a, Files.readString(a).replace("Q1-1,", "Q1-2,").replace("M1;M2", "M3;M4"));
    int runsBefore = runs().size();

    Process p = calc(a, FaultInjectingMain.PAUSE_BEFORE_COMMIT, 60_000, Ledger.home(), "--force");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    // both old outputs are moved aside (one after the other) before the pause at the commit: a
    // kill between the two would test another moment than this test's
    while ((Files.exists(workbook) || Files.exists(audit))
        && p.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(workbook)
        .as("moved aside before the commit: " + read(dir.resolve("a.csv.err")))
        .doesNotExist();
    assertThat(audit).as("moved aside before the commit").doesNotExist();
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(runs()).hasSize(runsBefore);

    Cli verify = Cli.en("ledger", "verify", "--ledger", TestLedgers.sqlite(dir));
    assertThat(verify.exit()).as(verify.all()).isZero();
    assertThat(verify.err())
        .contains("the earlier payout workbook it was to replace is back at " + workbook)
        .contains("the earlier audit log it was to replace is back at " + audit);
    assertThat(RunFiles.workbookRunId(workbook)).isEqualTo(earlierRun);
    assertThat(Files.readAllBytes(audit)).isEqualTo(oldAudit);
    assertThat(RunFiles.leftovers(dir)).isEmpty();
    // the home is shared with the other tests here: only this ledger's journals count
    for (Path journal : RunFiles.journals(Ledger.home())) {
      assertThat(Files.readString(journal, StandardCharsets.UTF_8)).doesNotContain(dir.toString());
    }
  }

  /**
   * A temporary output that is gone when the run is settled is said, with the command that makes
   * the workbook again from the ledger; that command works.
   */
  @Test
  void aMissingTemporaryWorkbookIsSaidWithHowToMakeItAgain() throws Exception {
    Path a = claims("a.csv");
    String runId = killBeforePlacing(a);
    Path temp =
        RunFiles.leftovers(dir).stream()
            .filter(f -> f.getFileName().toString().startsWith(".a-payout.xlsx."))
            .findFirst()
            .orElseThrow();
    Files.delete(temp);

    Cli verify = Cli.run("ledger", "verify", "--ledger", TestLedgers.sqlite(dir));
    assertThat(verify.exit()).as(verify.all()).isZero();
    Path workbook = dir.resolve("a-payout.xlsx");
    assertThat(verify.err())
        .contains(
            "ipsubsidy: 运行 "
                + runId
                + " 已过账，但其核发明细表的临时文件 "
                + temp
                + " 缺失或已被改动，未放到 "
                + workbook
                + "；请用 ipsubsidy report "
                + runId
                + " -o "
                + workbook
                + " 从台账重新生成")
        .contains("已将其审计日志放到 " + dir.resolve("a-audit.csv"));
    assertThat(workbook).doesNotExist();
    assertThat(RunFiles.leftovers(dir)).isEmpty();
    assertThat(PendingOutputs.folder().resolve(runId + ".run")).doesNotExist();

    Cli report =
        Cli.run("report", runId, "-o", workbook.toString(), "--ledger", TestLedgers.sqlite(dir));
    assertThat(report.exit()).as(report.all()).isZero();
    assertThat(RunFiles.workbookRunId(workbook)).isEqualTo(runId);
  }

  /**
   * Both outputs of {@code stem} are in place, complete, of {@code runId}; nothing else is left.
   */
  private void assertPlacedWhole(String runId, String stem) throws IOException {
    assertThat(RunFiles.workbookRunId(dir.resolve(stem + "-payout.xlsx"))).isEqualTo(runId);
    List<CSVRecord> rows = RunFiles.auditRows(dir.resolve(stem + "-audit.csv"));
    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("run_id")).isEqualTo(runId));
    assertThat(RunFiles.leftovers(dir)).isEmpty();
    assertThat(PendingOutputs.folder().resolve(runId + ".run")).doesNotExist();
  }
}
