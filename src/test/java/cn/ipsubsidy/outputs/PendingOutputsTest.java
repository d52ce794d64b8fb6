package cn.ipsubsidy.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.Sha256;
import cn.ipsubsidy.outputs.PendingOutputs.Action;
import cn.ipsubsidy.outputs.PendingOutputs.Settled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The pending-outputs journal's lines, names and its test of whether a writer still runs. */
class PendingOutputsTest {
  private static final String RUN = "2025Q1-20250401-093000-cd34";
  // no process has this id (Linux's limit is 2^22, Windows' ids are multiples of 4)
  private static final long GONE = 2_147_483_646L;

  @TempDir Path dir;

  /**
   * A journal of a killed, posted run as {@code print} recorded its outputs: the run's workbook (a
   * {@code --force} run over an old one) and its audit log (no file there before); settled.
   */
  private List<Settled> settleKilledRun(Print print, boolean alterAudit) throws IOException {
    String ledger = "jdbc:sqlite:" + dir.resolve("ledger.db");
    Path workbook = Files.writeString(dir.resolve("a-payout.xlsx"), "old wb");
    Path audit = dir.resolve("a-audit.csv");
    Path tempWorkbook = Files.writeString(dir.resolve(".a-payout.xlsx.tmp"), "new wb");
    Path tempAudit = Files.writeString(dir.resolve(".a-audit.csv.tmp"), "new csv");
    String journal =
        JournalFormat.header(RUN, ledger, GONE, 1)
            + JournalFormat.line("temp", "workbook", tempWorkbook.toString(), workbook.toString())
            + JournalFormat.line(
                "written",
                "workbook",
                tempWorkbook.toString(),
                print.of(tempWorkbook),
                print.of(workbook))
            + JournalFormat.line("temp", "audit", tempAudit.toString(), audit.toString())
            + JournalFormat.line("written", "audit", tempAudit.toString(), print.of(tempAudit), "-")
            + JournalFormat.ready();
    if (alterAudit) {
      Files.writeString(tempAudit, "new CSV"); // the same size
    }
    // owner only, as a run makes it (the home is shared with the tests that check that)
    Path folder = PendingOutputs.folder();
    FileOps.privateDirectories(folder);
    Files.writeString(JournalFormat.file(folder, RUN), journal, StandardCharsets.UTF_8);
    List<Settled> settled = PendingOutputs.settle(ledger, run -> run.equals(RUN));
    assertThat(JournalFormat.file(folder, RUN)).doesNotExist();
    return settled;
  }

  /** How a journal records a file. */
  private interface Print {
    String of(Path file) throws IOException;
  }

  /** As journals recorded files until 2026-12-07. */
  private static String sha256(Path p) throws IOException {
    return Sha256.of(Files.readAllBytes(p));
  }

  /** As this version records them, and as journals of earlier versions did (SHA-256). */
  @Test
  void aPostedRunsOutputsArePlacedByWhatTheJournalRecordedOfThem() throws IOException {
    for (Print print : List.<Print>of(FileFingerprint::of, PendingOutputsTest::sha256)) {
      List<Settled> settled = settleKilledRun(print, false);
      assertThat(settled).extracting(Settled::action).containsExactly(Action.PLACED, Action.PLACED);
      assertThat(dir.resolve("a-payout.xlsx")).hasContent("new wb");
      assertThat(dir.resolve("a-audit.csv")).hasContent("new csv");
      Files.delete(dir.resolve("a-audit.csv"));
    }
  }

  @Test
  void aTemporaryOutputChangedSinceItWasWrittenIsNotPlaced() throws IOException {
    for (Print print : List.<Print>of(FileFingerprint::of, PendingOutputsTest::sha256)) {
      List<Settled> settled = settleKilledRun(print, true);
      assertThat(settled)
          .extracting(Settled::output, Settled::action)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(Output.WORKBOOK, Action.PLACED),
              org.assertj.core.groups.Tuple.tuple(Output.AUDIT, Action.LOST));
      assertThat(dir.resolve("a-audit.csv")).doesNotExist();
      Files.delete(dir.resolve("a-payout.xlsx"));
    }
  }

  @Test
  void fieldsSurviveTabsNewlinesAndBackslashesInPaths() {
    String odd = "C:\\财政\\2025 Q1\tfinal\nversion\r.xlsx";
    String line = JournalFormat.line("temp", "workbook", odd, "/srv/out/a-payout.xlsx");
    assertThat(line).endsWith("\n").doesNotContain("\r");
    assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
    assertThat(JournalFormat.fields(line.substring(0, line.length() - 1)))
        .containsExactly("temp", "workbook", odd, "/srv/out/a-payout.xlsx");
  }

  @Test
  void anOutputPlacedBesideItsTargetIsNamedWithTheRun() {
    String run = "2025Q1-20250401-093000-ab12";
    assertThat(PendingOutputs.beside(Path.of("/srv/out/a-payout.xlsx"), run))
        .isEqualTo(Path.of("/srv/out/a-payout-" + run + ".xlsx"));
    assertThat(PendingOutputs.beside(Path.of("/srv/out/payout"), run))
        .isEqualTo(Path.of("/srv/out/payout-" + run));
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aWriterIsAliveOnlyWhileItsProcessRuns() throws Exception {
    ProcessHandle self = ProcessHandle.current();
    long started = self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    assertThat(PendingOutputs.alive(self.pid(), started)).isTrue();

    Process child = new ProcessBuilder("sleep", "60").start();
    long pid = child.pid();
    long childStarted = child.toHandle().info().startInstant().orElseThrow().toEpochMilli();
    assertThat(PendingOutputs.alive(pid, childStarted)).isTrue();
    // the same id, but a process that started at another time: the id was reused
    assertThat(PendingOutputs.alive(pid, childStarted - 60_000)).isFalse();
    child.destroyForcibly();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(PendingOutputs.alive(pid, childStarted)).isFalse();
  }
}
