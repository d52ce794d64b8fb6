package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalProgressTest {
  @Test
  void showsRowsRateAndTimeLeftWhenTheTotalIsKnown() {
    assertThat(TerminalProgress.line("计算 computing", 250_000, 1_000_000, 5.0))
        .isEqualTo("计算 computing 250,000/1,000,000 行 rows · 50,000 行/秒 rows/s · 剩余 left 0:15");
  }

  @Test
  void showsWhatItKnowsWhenTheTotalIsNot() {
    assertThat(TerminalProgress.line("读取 reading", 120_000, -1, 4.0))
        .isEqualTo("读取 reading 120,000 行 rows · 30,000 行/秒 rows/s");
  }

  @Test
  void isSilentWhenStderrIsNotATerminal() {
    // the test JVM has no console: nothing may be written to stderr
    assertThat(TerminalProgress.stderrIsTerminal()).isFalse();
  }
}
