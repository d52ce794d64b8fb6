package cn.ipsubsidy.outputs;

/**
 * Points of the posting protocol where a test may stop a run: it pauses there and the test kills
 * the process ({@code CalcProcessesTest}, {@code LedgerFaultsTest}). Production runs with {@link
 * #NONE}; only a test's own main class (under {@code src/test}) passes others.
 */
public interface FaultHooks {
  /** Does nothing at any point. */
  FaultHooks NONE = new FaultHooks() {};

  /**
   * The outputs are written and staged, the journal says {@code ready}, the run is posted: the
   * transaction commits when this returns. Not called for a dry run, which commits nothing.
   */
  default void beforeCommit() {}

  /**
   * The run's posting committed; its outputs wait in their temporary files, named by the journal,
   * and are moved into place when this returns. Not called for a dry run.
   */
  default void beforePlacing() {}
}
