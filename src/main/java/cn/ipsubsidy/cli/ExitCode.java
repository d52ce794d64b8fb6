package cn.ipsubsidy.cli;

/** The exit codes of the io contract; cron jobs and office scripts test them. */
public final class ExitCode {
  /** Done, every row valid. */
  public static final int OK = 0;

  /** Done, some rows rejected for bad data (listed). */
  public static final int BAD_ROWS = 1;

  /** Usage error or unreadable input; nothing written, nothing posted. */
  public static final int USAGE = 2;

  /** reconcile found differences (listed). */
  public static final int DIFFERENCES = 3;

  /**
   * The ledger is locked by another run, cannot be written or reached (read-only file, folder,
   * connection lost) or failed its integrity check; nothing posted, no output written.
   */
  public static final int LEDGER = 4;

  /**
   * An internal error: a defect, or the JVM out of memory. Its own code (sysexits' EX_SOFTWARE) so
   * that a cron job does not take a bug for a clerk's typing error; nothing is posted, and the
   * terminal names the log file that holds the stack trace.
   */
  public static final int INTERNAL = 70;

  private ExitCode() {}
}
