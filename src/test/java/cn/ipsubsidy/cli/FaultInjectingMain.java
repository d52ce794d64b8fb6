package cn.ipsubsidy.cli;

import cn.ipsubsidy.outputs.FaultHooks;

/**
 * {@code ipsubsidy} for the tests that kill a real calc process at a step of the posting protocol
 * ({@link RunFiles#start}): the command line as {@link IpSubsidy#main} runs it, with {@link
 * FaultHooks} that sleep for as many milliseconds as this process's system properties say. Only
 * here, on the test classpath, are those properties read.
 */
final class FaultInjectingMain {
  /**
   * Milliseconds to sleep after the outputs are written and the run is posted, before the
   * transaction commits ({@link FaultHooks#beforeCommit}): the kill-during-posting tests.
   */
  static final String PAUSE_BEFORE_COMMIT = "ipsubsidy.test.pauseBeforeCommitMillis";

  /**
   * Milliseconds to sleep after the run's posting committed, before its outputs are moved into
   * place ({@link FaultHooks#beforePlacing}): the kill-after-commit tests.
   */
  static final String PAUSE_BEFORE_PLACING = "ipsubsidy.test.pauseBeforePlacingMillis";

  private FaultInjectingMain() {}

  public static void main(String[] args) {
    FaultHooks pauses =
        new FaultHooks() {
          @Override
          public void beforeCommit() {
            pause(PAUSE_BEFORE_COMMIT);
          }

          @Override
          public void beforePlacing() {
            pause(PAUSE_BEFORE_PLACING);
          }
        };
    System.exit(IpSubsidy.execute(pauses, args));
  }

  private static void pause(String property) {
    Long millis = Long.getLong(property);
    if (millis != null && millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
