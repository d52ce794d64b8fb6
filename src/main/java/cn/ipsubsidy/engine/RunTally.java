package cn.ipsubsidy.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Which references and one-time awards earlier rows of this run hold. Together with {@link
 * PriorPayouts} (earlier runs) it is what the exactly-once checks count.
 */
final class RunTally {
  /** Which row holds a reference or one-time award in this run, for the explanation. */
  record Holder(String claimId, int row) {}

  final Map<String, Holder> references = new HashMap<>();
  final Map<String, Holder> oneTime = new HashMap<>();
}
