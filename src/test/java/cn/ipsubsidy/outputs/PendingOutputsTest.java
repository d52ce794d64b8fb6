package cn.ipsubsidy.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The pending-outputs journal's lines, names and its test of whether a writer still runs. */
class PendingOutputsTest {
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
