package cn.ipsubsidy.outputs;

import static cn.ipsubsidy.testsupport.OutputFolders.listing;
import static cn.ipsubsidy.testsupport.OutputFolders.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipsubsidy.outputs.OutputTransaction.State;
import cn.ipsubsidy.report.OutputExistsException;
import cn.ipsubsidy.report.OutputWriteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phases of a run's output transaction, without a ledger or a process: what each leaves in the
 * output folder and in the journal when the run goes on, fails, or stops where the posting protocol
 * says.
 */
class OutputTransactionTest {
  private static final String RUN = "2025Q1-20250401-093000-ab12";
  private static final String LEDGER = "jdbc:sqlite:/srv/ipsubsidy/ledger.db";

  @TempDir Path dir;
  private Path pending;
  private Path out;
  private Path workbook;
  private Path audit;
  private final List<String> hooks = new ArrayList<>();
  private final FaultHooks recording =
      new FaultHooks() {
        @Override
        public void beforeCommit() {
          hooks.add("beforeCommit");
        }

        @Override
        public void beforePlacing() {
          hooks.add("beforePlacing");
        }
      };

  @BeforeEach
  void folders() throws IOException {
    pending = dir.resolve("pending");
    out = Files.createDirectory(dir.resolve("out"));
    workbook = out.resolve("claims-payout.xlsx");
    audit = out.resolve("claims-audit.csv");
  }

  private OutputTransaction open(boolean commits, boolean force) {
    return OutputTransaction.open(pending, commits, force, recording);
  }

  private void oldFiles() throws IOException {
    Files.writeString(workbook, "old wb");
    Files.writeString(audit, "old csv");
  }

  /** The old files as they were, nothing beside them, no journal. */
  private void oldFilesBackAndNothingLeft() throws IOException {
    assertThat(workbook).hasContent("old wb");
    assertThat(audit).hasContent("old csv");
    assertThat(listing(out)).containsExactly("claims-audit.csv", "claims-payout.xlsx");
    assertThat(listing(pending)).isEmpty();
  }

  private Path journal() {
    return pending.resolve(RUN + ".run");
  }

  private String journalText() throws IOException {
    return Files.readString(journal(), StandardCharsets.UTF_8);
  }

  /** Both outputs written, staged and marked ready. */
  private void upToReady(OutputTransaction tx) throws IOException {
    tx.journal(RUN, LEDGER);
    tx.write(Output.WORKBOOK, workbook, text("new wb"));
    tx.write(Output.AUDIT, audit, text("new csv"));
    tx.stageForCommit();
    tx.ready();
  }

  @Test
  void theOutputsAppearOnlyOncePlacedAndNothingElseIsLeft() throws IOException {
    try (OutputTransaction tx = open(true, false)) {
      tx.journal(RUN, LEDGER);
      assertThat(journalText())
          .startsWith("ipsubsidy-pending\t1\nrun\t" + RUN + "\nledger\t" + LEDGER + "\nowner\t");
      Path temp = tx.write(Output.WORKBOOK, workbook, text("new wb"));
      tx.write(Output.AUDIT, audit, text("new csv"));
      assertThat(temp).hasContent("new wb");
      assertThat(journalText())
          .contains("temp\tworkbook\t" + temp + "\t" + workbook + "\n")
          .containsPattern("written\tworkbook\t.+\tcrc:6:[0-9a-f]{8}:[0-9a-f]{8}\t-\n");
      tx.stageForCommit();
      tx.ready();
      assertThat(journalText()).endsWith("ready\n");
      assertThat(hooks).containsExactly("beforeCommit");
      assertThat(workbook).doesNotExist();
      assertThat(audit).doesNotExist();

      tx.place();
      assertThat(hooks).containsExactly("beforeCommit", "beforePlacing");
      assertThat(tx.state()).isEqualTo(State.PLACED);
    }
    assertThat(workbook).hasContent("new wb");
    assertThat(audit).hasContent("new csv");
    assertThat(listing(out)).containsExactly("claims-audit.csv", "claims-payout.xlsx");
    assertThat(listing(pending)).isEmpty();
  }

  @Test
  void aFailedWriteLeavesNoTemporaryFileAndNoJournal() throws IOException {
    try (OutputTransaction tx = open(true, false)) {
      tx.journal(RUN, LEDGER);
      tx.write(Output.AUDIT, audit, text("new csv"));
      assertThatThrownBy(
              () ->
                  tx.write(
                      Output.WORKBOOK,
                      workbook,
                      f -> {
                        Files.writeString(f, "half");
                        throw new IOException("disk full");
                      }))
          .isInstanceOf(OutputWriteException.class)
          .hasRootCauseMessage("disk full");
      tx.abandon();
    }
    assertThat(listing(out)).isEmpty();
    assertThat(listing(pending)).isEmpty();
    assertThat(hooks).isEmpty();
  }

  @Test
  void aFailureAfterStagingPutsTheOldFilesBack() throws IOException {
    oldFiles();
    try (OutputTransaction tx = open(true, true)) {
      tx.journal(RUN, LEDGER);
      tx.write(Output.WORKBOOK, workbook, text("new wb"));
      tx.write(Output.AUDIT, audit, text("new csv"));
      tx.stageForCommit();
      // moved aside before the commit, each journalled before it moved
      assertThat(workbook).doesNotExist();
      assertThat(audit).doesNotExist();
      List<String> backups = listing(out).stream().filter(n -> n.endsWith(".bak")).toList();
      assertThat(backups).hasSize(2);
      for (String b : backups) {
        assertThat(journalText()).contains("backup\t" + out.resolve(b) + "\t");
      }
      // the posting fails, or the commit does and the run is not posted
      tx.abandon();
      assertThat(workbook).hasContent("old wb");
      assertThat(audit).hasContent("old csv");
    }
    oldFilesBackAndNothingLeft();
  }

  /**
   * After the commit the run is posted: an output that cannot be placed (here a file appeared at
   * its name) stays in its temporary file, and the journal that names it stays for settling.
   */
  @Test
  void afterTheCommitAnOutputThatCannotBePlacedKeepsTheJournalForSettling() throws IOException {
    try (OutputTransaction tx = open(true, false)) {
      upToReady(tx);
      Files.writeString(audit, "someone else's");
      assertThatThrownBy(tx::place)
          .isInstanceOf(OutputPlacingException.class)
          .hasCauseInstanceOf(OutputExistsException.class)
          .satisfies(e -> assertThat(((OutputPlacingException) e).target()).isEqualTo(audit));
      assertThat(tx.state()).isEqualTo(State.LEFT_FOR_SETTLING);
    }
    assertThat(workbook).hasContent("new wb");
    assertThat(audit).hasContent("someone else's");
    List<String> temps = listing(out).stream().filter(n -> n.endsWith(".tmp")).toList();
    assertThat(temps).hasSize(1);
    assertThat(journalText())
        .contains("written\taudit\t" + out.resolve(temps.get(0)) + "\t")
        .endsWith("ready\n");
  }

  /** The commit's outcome is not known: the journal keeps everything, old files aside too. */
  @Test
  void aCommitOfUnknownOutcomeLeavesEverythingForSettling() throws IOException {
    Files.writeString(workbook, "old wb");
    try (OutputTransaction tx = open(true, true)) {
      upToReady(tx);
      tx.leaveForSettling();
    }
    assertThat(workbook).doesNotExist();
    assertThat(listing(out)).hasSize(3).allSatisfy(n -> assertThat(n).matches("\\..+\\.(tmp|bak)"));
    assertThat(journal()).exists();
  }

  /** A run closed after ready, neither placed nor abandoned, may be posted: left for settling. */
  @Test
  void closedWhenReadyTheJournalIsKept() throws IOException {
    try (OutputTransaction tx = open(true, false)) {
      upToReady(tx);
    }
    assertThat(journal()).exists();
    assertThat(listing(out)).hasSize(2).allSatisfy(n -> assertThat(n).endsWith(".tmp"));
  }

  /** A dry run commits nothing: no fault hook, and an output that cannot be placed is undone. */
  @Test
  void aDryRunThatCannotPlaceItsOutputsRestoresTheOldFilesAndLeavesNothing() throws IOException {
    oldFiles();
    try (OutputTransaction tx = open(false, true)) {
      tx.journal(RUN, LEDGER);
      tx.write(Output.WORKBOOK, workbook, text("new wb"));
      Path temp = tx.write(Output.AUDIT, audit, text("new csv"));
      tx.stageForCommit();
      tx.ready();
      Files.delete(temp); // its move fails as a locked target's would
      assertThatThrownBy(tx::place)
          .isInstanceOf(OutputWriteException.class)
          .hasMessageContaining("the previous files were restored");
      assertThat(tx.state()).isEqualTo(State.ABANDONED);
    }
    assertThat(hooks).isEmpty();
    oldFilesBackAndNothingLeft();
  }

  @Test
  void thePhasesGoInTheirOrderOnly() throws IOException {
    try (OutputTransaction tx = open(true, false)) {
      assertThatThrownBy(() -> tx.write(Output.WORKBOOK, workbook, text("x")))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(tx::stageForCommit).isInstanceOf(IllegalStateException.class);
      tx.journal(RUN, LEDGER);
      assertThatThrownBy(tx::ready).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(tx::place).isInstanceOf(IllegalStateException.class);
      tx.abandon();
    }
    assertThat(listing(out)).isEmpty();
    assertThat(listing(pending)).isEmpty();
  }
}
