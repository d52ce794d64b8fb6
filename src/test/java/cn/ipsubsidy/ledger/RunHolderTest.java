package cn.ipsubsidy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who holds the run lock, as the runs that wait for it learn it. */
class RunHolderTest {
  @TempDir Path dir;

  private static final Instant SINCE = Instant.parse("2025-04-01T02:03:04Z");

  @Test
  void theApplicationNameCarriesRunAndOperatorWithinPostgresLimit() {
    RunHolder h = new RunHolder("2025Q1-20250401-100304-ab12", "王会计", "pid 1@h", SINCE);
    String name = h.applicationName();
    assertThat(name).matches("[\\x20-\\x7e]{1,63}");
    RunHolder back = RunHolder.fromApplicationName(name, "postgres@127.0.0.1 pid 9", SINCE);
    assertThat(back.runId()).isEqualTo("2025Q1-20250401-100304-ab12");
    assertThat(back.operator()).isEqualTo("王会计");
    // a long name is cut at 63 bytes: the operator loses its end, never the run id
    RunHolder longName = new RunHolder(h.runId(), "王".repeat(40), "pid 1@h", SINCE);
    assertThat(longName.applicationName()).hasSize(63);
    RunHolder cut =
        RunHolder.fromApplicationName(longName.applicationName(), "postgres pid 9", SINCE);
    assertThat(cut.runId()).isEqualTo(h.runId());
    assertThat(cut.operator()).isNotEmpty().matches("王+");
    // another application's session is named as such
    assertThat(RunHolder.fromApplicationName("psql", "postgres pid 9", SINCE).describe().en())
        .isEqualTo("psql, postgres pid 9, since 2025-04-01 10:03:04");
  }

  @Test
  void describesInBothLanguagesInChinaTime() {
    RunHolder h = new RunHolder("R1", "王会计", "pid 42@office-pc", SINCE);
    assertThat(h.describe().zh()).isEqualTo("运行 R1，操作员 王会计，pid 42@office-pc，2025-04-01 10:03:04 起");
    assertThat(h.describe().en())
        .isEqualTo("run R1 by 王会计, pid 42@office-pc, since 2025-04-01 10:03:04");
  }

  @Test
  void theHolderFileIsTheOwnersOnlyAndWithdrawnOnlyByItsHolder() throws Exception {
    Path file = dir.resolve("ledger.db.holder");
    RunHolder mine = new RunHolder("R1", "王会计", "pid 42@h", SINCE);
    mine.publish(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(RunHolder.read(file)).isEqualTo(mine);
    RunHolder next = new RunHolder("R2", "李会计", "pid 43@h", SINCE.plusSeconds(60));
    next.publish(file);
    mine.withdraw(file); // a run that lost the file to the next holder leaves it
    assertThat(RunHolder.read(file)).isEqualTo(next);
    next.withdraw(file);
    assertThat(file).doesNotExist();
    assertThat(RunHolder.read(file)).isNull();
  }
}
