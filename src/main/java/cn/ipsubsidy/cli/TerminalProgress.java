package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.Progress;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Progress on the terminal for long runs: one line on stderr, rewritten in place at most four times
 * a second, with the phase, the rows done (of how many, when known), rows per second and the time
 * left. It shows nothing during the first {@value #QUIET_MILLIS} ms (a quarter's run is done by
 * then) and nothing at all when stderr is not a terminal (a log file, a pipe, CI).
 */
final class TerminalProgress implements Progress {
  static final long QUIET_MILLIS = 2000;
  private static final long EVERY_MILLIS = 250;

  private final PrintStream err;
  private final long started = System.nanoTime();
  private String label = "";
  private long total = -1;
  private long phaseStart = started;
  private long lastShown;
  private int shownWidth;

  private TerminalProgress(PrintStream err) {
    this.err = err;
  }

  /**
   * A reporter on System.err when it is a terminal, else {@link Progress#NONE}; in the terminal's
   * charset, as every other line the clerk reads.
   */
  static Progress forStderr() {
    return stderrIsTerminal()
        ? new TerminalProgress(new PrintStream(System.err, true, TerminalCharset.stderr()))
        : Progress.NONE;
  }

  /**
   * Whether stderr is a terminal. Java tells only whether stdin and stdout are a console, so where
   * /proc says where stderr goes (Linux) that decides, and elsewhere the console does.
   */
  static boolean stderrIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.exists(fd2)) {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (Exception e) {
      // fall through to the console
    }
    return System.console() != null;
  }

  @Override
  public void phase(String label, long total) {
    this.label = label;
    this.total = total;
    this.phaseStart = System.nanoTime();
  }

  @Override
  public void advance(long done) {
    long now = System.nanoTime();
    long sinceStart = (now - started) / 1_000_000;
    if (sinceStart < QUIET_MILLIS || (now - lastShown) / 1_000_000 < EVERY_MILLIS) {
      return;
    }
    lastShown = now;
    show(line(label, done, total, (now - phaseStart) / 1e9));
  }

  @Override
  public void done() {
    if (shownWidth > 0) {
      err.print("\r" + " ".repeat(shownWidth) + "\r");
      err.flush();
      shownWidth = 0;
    }
  }

  private void show(String text) {
    String padded =
        text.length() < shownWidth ? text + " ".repeat(shownWidth - text.length()) : text;
    err.print("\r" + padded);
    err.flush();
    shownWidth = Math.max(shownWidth, text.length());
  }

  /** "计算 computing 412,000/1,000,000 行 rows · 48,210 行/秒 rows/s · 剩余 left 0:12". */
  static String line(String label, long done, long total, double seconds) {
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder sb = new StringBuilder(label).append(' ');
    sb.append(String.format(Locale.ROOT, "%,d", done));
    if (total > 0) {
      sb.append(String.format(Locale.ROOT, "/%,d", total));
    }
    sb.append(" 行 rows · ").append(String.format(Locale.ROOT, "%,.0f", rate)).append(" 行/秒 rows/s");
    if (total > 0 && rate > 0 && done < total) {
      long left = Math.round((total - done) / rate);
      sb.append(String.format(Locale.ROOT, " · 剩余 left %d:%02d", left / 60, left % 60));
    }
    return sb.toString();
  }
}
