package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.app.CalcJob;
import cn.ipsubsidy.claims.EntityIds;
import cn.ipsubsidy.cli.FaultsTable.LedgerState;
import cn.ipsubsidy.ledger.TestLedgers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code calc} processes on one SQLite ledger: two at once never both post, and one killed
 * after writing its outputs but before committing leaves the ledger and the folder as they were.
 * What they showed goes into the faults table of {@code docs/robustness.md} ({@link FaultsTable}).
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
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-D" + CalcJob.PAUSE_BEFORE_COMMIT + "=" + pauseMillis);
    cmd.add("-Dipsubsidy.home=" + dir.resolve("home"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("cn.ipsubsidy.cli.IpSubsidy");
    cmd.add("calc");
    cmd.add(claims.toString());
    cmd.add("--ledger");
    cmd.add(TestLedgers.sqlite(dir));
    if (!List.of(more).contains("--lang")) {
      cmd.add("--lang"); // the lock message is checked in English
      cmd.add("en");
    }
    cmd.addAll(List.of(more));
    return new ProcessBuilder(cmd)
        .redirectOutput(dir.resolve(claims.getFileName() + ".out").toFile())
        .redirectError(dir.resolve(claims.getFileName() + ".err").toFile())
        .start();
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
    return Files.exists(p) ? Files.readString(p) : "";
  }

  private long postedRuns() {
    Cli runs = Cli.run("ledger", "runs", "--ledger", TestLedgers.sqlite(dir));
    assertThat(runs.exit()).isZero();
    return runs.out().lines().filter(l -> l.startsWith("2025Q1-")).count();
  }

  /** The killed run's row of the faults table: what the ledger and the folder show after it. */
  private void recordKilled(LedgerState before) throws IOException {
    long temporary;
    try (Stream<Path> files = Files.list(dir)) {
      temporary = files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
    }
    boolean outputs =
        Files.exists(dir.resolve("a-payout.xlsx")) || Files.exists(dir.resolve("a-audit.csv"));
    FaultsTable.record(
        "killed-before-commit",
        FaultsTable.KILLED,
        "",
        "",
        LedgerState.change(before, LedgerState.of(TestLedgers.sqlite(dir))),
        (outputs ? "输出文件已放置 / outputs placed" : "无输出文件 / no output file")
            + (temporary == 0
                ? ""
                : "\n留下 "
                    + temporary
                    + " 个临时文件（.tmp）/ "
                    + temporary
                    + " temporary files (.tmp) left"));
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
    recordKilled(before);

    assertThat(postedRuns()).isZero();
    assertThat(Cli.run("ledger", "verify", "--ledger", TestLedgers.sqlite(dir)).exit()).isZero();
    assertThat(dir.resolve("a-payout.xlsx")).doesNotExist();
    assertThat(dir.resolve("a-audit.csv")).doesNotExist();
    // the ledger is free again and the run can be posted
    Process again = calc(a, 0);
    assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(again.exitValue()).as(read(dir.resolve("a.csv.err"))).isZero();
    assertThat(postedRuns()).isEqualTo(1);
    assertThat(dir.resolve("a-payout.xlsx")).exists();
  }
}
