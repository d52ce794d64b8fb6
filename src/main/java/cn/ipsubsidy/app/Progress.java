package cn.ipsubsidy.app;

/**
 * What a long run tells the clerk while it works: which phase, how many rows done of how many. The
 * job calls it often; an implementation throttles its output. {@link #NONE} says nothing.
 */
public interface Progress {
  Progress NONE = new Progress() {};

  /**
   * A phase begins.
   *
   * @param label e.g. "读取 reading"
   * @param total rows the phase will handle, or -1 when not known in advance
   */
  default void phase(String label, long total) {}

  /** Rows done so far in the current phase. */
  default void advance(long done) {}

  /** The run is over (finished or failed): clear what was shown. */
  default void done() {}
}
