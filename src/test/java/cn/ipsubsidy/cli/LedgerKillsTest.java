package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.claims.EntityIds;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.RunRecord;
import cn.ipsubsidy.ledger.TestLedgers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #5, "nothing lost, nothing half-done": {@value #KILLS} real {@code calc} processes on one
 * SQLite ledger, each on a claims file of its own, each killed (SIGKILL) at a random moment of its
 * life, start-up included. After each kill {@code ledger verify}, in a process of its own, settles
 * what the kill left. Then, every time: the hash chain is intact, every posted run has both outputs
 * in place, complete and naming that run, no run that is not posted has any, nothing was posted
 * twice, and no temporary file or pending-outputs journal is left.
 *
 * <p>The moments are drawn from a seeded {@link Random}; every assertion names the seed, and {@code
 * -Dkills.seed=N} replays it. Where the kills landed is printed at the end.
 */
@Tag("robustness")
class LedgerKillsTest {
  private static final int KILLS = 30;

  @TempDir Path dir;

  private Path home;
  private Path std;
  private String ledgerUrl;

  /** Where in a run's life a kill landed, as seen from the ledger and the journal after it. */
  enum Phase {
    BEFORE_POSTING("before posting: start-up, reading, computing (not posted, no journal)"),
    WHILE_POSTING("while writing and posting, before the commit (not posted, journal)"),
    AFTER_COMMIT("after the commit, before the outputs were in place (posted, journal)"),
    AFTER_PLACING("after the outputs were in place, before the process ended (posted, no journal)"),
    FINISHED("after the run had ended by itself (exit 0)");

    final String says;

    Phase(String says) {
      this.says = says;
    }
  }

  @Test
  void killedRunsLeaveEveryPostedRunWholeAndNothingElse() throws Exception {
    long seed = Long.getLong("kills.seed", System.nanoTime());
    String replay = "seed " + seed + " (replay: -Dkills.seed=" + seed + ")";
    Random random = new Random(seed);
    home = dir.resolve("home");
    std = Files.createDirectories(dir.resolve("std"));
    ledgerUrl = TestLedgers.sqlite(dir);
    long began = System.nanoTime();
    Map<Phase, Integer> tally = new EnumMap<>(Phase.class);
    List<String> kills = new ArrayList<>();
    int placed = 0;
    int removed = 0;
    long life;
    // the ledger is made first, so that the run measured does not pay for its schema
    try (Ledger ledger = Ledger.open(ledgerUrl)) {
      // one run to its end: how long a run lives
      long t0 = System.nanoTime();
      Process first = calc(0);
      assertThat(first.waitFor(120, TimeUnit.SECONDS)).as(replay).isTrue();
      life = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertThat(first.exitValue()).as(replay + ": " + RunFiles.read(err(0))).isZero();
      checkWhole(ledger, 0, replay + ", the run not killed");
      for (int i = 1; i <= KILLS; i++) {
        long at = random.nextLong(life * 6 / 5 + 1); // [0, 1.2 × life]
        long start = System.nanoTime();
        Process p = calc(i);
        long wake = start + TimeUnit.MILLISECONDS.toNanos(at);
        for (long left = wake - System.nanoTime(); left > 0; left = wake - System.nanoTime()) {
          Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        boolean ended = !p.isAlive();
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(replay).isTrue();

        RunRecord posted = postedRun(ledger, i);
        boolean journal = !RunFiles.journals(home).isEmpty();
        Phase phase =
            ended
                ? Phase.FINISHED
                : posted == null
                    ? journal ? Phase.WHILE_POSTING : Phase.BEFORE_POSTING
                    : journal ? Phase.AFTER_COMMIT : Phase.AFTER_PLACING;
        tally.merge(phase, 1, Integer::sum);
        String what =
            replay
                + ", kill "
                + i
                + " at "
                + at
                + " ms of a "
                + life
                + " ms run, "
                + phase
                + "; the run said: "
                + RunFiles.read(err(i)).strip();
        kills.add(String.format("%2d  %5d ms  %s", i, at, phase));
        if (ended) {
          assertThat(p.exitValue()).as(what).isZero();
        }

        Child verify = verify(i);
        assertThat(verify.exit()).as(what + "; ledger verify said: " + verify.err()).isZero();
        List<String> said = verify.err().lines().toList();
        placed += (int) said.stream().filter(l -> l.contains("：已将其")).count();
        removed += (int) said.stream().filter(l -> l.contains("：已删除其")).count();
        switch (phase) {
          // the outputs not yet placed are placed (none, when the kill came after they were
          // placed and before the journal was deleted)
          case AFTER_COMMIT ->
              assertThat(said)
                  .as(what)
                  .allMatch(l -> l.contains(posted.runId() + " 已过账，但上次在放置输出文件前中断：已将其"));
          case WHILE_POSTING ->
              assertThat(said).as(what).allMatch(l -> l.contains("在过账前中断，台账中没有该运行：已删除其"));
          default -> assertThat(said).as(what).isEmpty();
        }
        checkWhole(ledger, i, what);
      }
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
    StringBuilder report =
        new StringBuilder("[kills] " + replay + ": a run lives " + life + " ms; ")
            .append(KILLS)
            .append(" kills in ")
            .append(seconds)
            .append(" s; ledger verify placed ")
            .append(placed)
            .append(" outputs of posted runs and removed ")
            .append(removed)
            .append(" temporary files of runs not posted\n");
    for (Phase ph : Phase.values()) {
      report.append(String.format("[kills] %2d %s%n", tally.getOrDefault(ph, 0), ph.says));
    }
    kills.forEach(k -> report.append("[kills]   ").append(k).append('\n'));
    System.out.print(report);
    assertThat(tally.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(KILLS);
    assertThat(tally.getOrDefault(Phase.FINISHED, 0))
        .as("most kills land while the run lives; " + report)
        .isLessThan(KILLS / 2);
    // what every kill was checked for (the moments are random, so the counts are not in the table)
    FaultsTable.record(
        "killed-at-random",
        FaultsTable.KILLED,
        "",
        "",
        "每次之后 ledger verify 通过（哈希链完整）；无重复过账\nverified (hash chain intact) after"
            + " every kill; nothing posted twice",
        "每个已过账的运行：核发明细表和审计日志均已放到位、完整、属于该运行；未过账的运行：无输出；"
            + "无临时文件、无待放置记录\nevery posted run: workbook and audit log in place, complete"
            + " and of that run; a run not posted: no output; no temporary file or pending record"
            + " left");
  }

  /**
   * The state after runs 0..{@code last} and their settling: one posted run per claims file at
   * most, each with both outputs complete and of that run; no output of a run not posted; nothing
   * temporary left.
   */
  private void checkWhole(Ledger ledger, int last, String what) throws IOException {
    List<RunRecord> runs = ledger.runs();
    Map<String, List<RunRecord>> byInput =
        runs.stream().collect(Collectors.groupingBy(RunRecord::inputFile));
    assertThat(byInput.values()).as(what + ": posted twice").allMatch(l -> l.size() == 1);
    int posted = 0;
    for (int j = 0; j <= last; j++) {
      List<RunRecord> run = byInput.getOrDefault(claims(j).getFileName().toString(), List.of());
      Path workbook = dir.resolve(stem(j) + "-payout.xlsx");
      Path audit = dir.resolve(stem(j) + "-audit.csv");
      if (run.isEmpty()) {
        assertThat(workbook).as(what + ": run " + j + " is not posted").doesNotExist();
        assertThat(audit).as(what + ": run " + j + " is not posted").doesNotExist();
        continue;
      }
      posted++;
      String runId = run.get(0).runId();
      String whose = what + ": run " + j + " (" + runId + ")";
      assertThat(workbook).as(whose).exists();
      assertThat(audit).as(whose).exists();
      assertThat(RunFiles.workbookRunId(workbook)).as(whose).isEqualTo(runId);
      List<CSVRecord> rows = RunFiles.auditRows(audit);
      assertThat(rows).as(whose).isNotEmpty();
      assertThat(rows.stream().map(r -> r.get("run_id")).collect(Collectors.toSet()))
          .as(whose)
          .containsExactly(runId);
      assertThat(rows.stream().map(r -> r.get("claim_id")).collect(Collectors.toSet()))
          .as(whose)
          .containsExactly(claimId(j));
    }
    assertThat(runs).as(what + ": runs of no claims file").hasSize(posted);
    assertThat(outputs("-payout.xlsx")).as(what + ": workbooks").hasSize(posted);
    assertThat(outputs("-audit.csv")).as(what + ": audit logs").hasSize(posted);
    assertThat(RunFiles.leftovers(dir)).as(what + ": temporary files").isEmpty();
    assertThat(RunFiles.journals(home)).as(what + ": journals").isEmpty();
  }

  private Set<Path> outputs(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .collect(Collectors.toSet());
    }
  }

  private RunRecord postedRun(Ledger ledger, int i) {
    String name = claims(i).getFileName().toString();
    return ledger.runs().stream().filter(r -> r.inputFile().equals(name)).findFirst().orElse(null);
  }

  private static String stem(int i) {
    return String.format("k%02d", i);
  }

  private static String claimId(int i) {
    return "K" + i;
  }

  private Path claims(int i) {
    return dir.resolve(stem(i) + ".csv");
  }

  private Path err(int i) {
    return std.resolve(stem(i) + ".err");
  }

  /**
   * A claims file of one paid claim of its own (its own claim id and entity), so that every run can
   * be posted: the same file twice in a period is refused by design.
   */
  private Process calc(int i) throws IOException {
    String first17 = String.format("91320706MA10%05d", 100 + i);
    String[] row = {
      claimId(i),
      first17 + EntityIds.usccCheckChar(first17),
      "连云港港口科技有限公司" + i,
      "企业",
      "连云区",
      "lyg-2021/2b",
      "2025-01-15"
    };
    Path claims =
        Files.writeString(
            claims(i),
            String.join(",", BadInputs.H7) + "\n" + String.join(",", row) + "\n",
            StandardCharsets.UTF_8);
    return RunFiles.start(
        home,
        List.of(),
        std.resolve(stem(i) + ".out"),
        err(i),
        "calc",
        claims.toString(),
        "--ledger",
        ledgerUrl,
        "--lang",
        "zh");
  }

  record Child(int exit, String err) {}

  /** {@code ledger verify} in a process of its own, with the runs' home: it settles their kills. */
  private Child verify(int i) throws Exception {
    Path err = std.resolve("verify-" + stem(i) + ".err");
    Process p =
        RunFiles.start(
            home,
            List.of(),
            std.resolve("verify-" + stem(i) + ".out"),
            err,
            "ledger",
            "verify",
            "--ledger",
            ledgerUrl,
            "--lang",
            "zh");
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Child(p.exitValue(), RunFiles.read(err));
  }
}
