package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.UsageException;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.util.List;

/** The optional POLICY parameter of the listing commands: one registered policy, or all. */
final class PolicyChoice {
  private PolicyChoice() {}

  static List<PolicyDocument> documents(PolicyRegistry registry, String policy) {
    if (policy == null) {
      return registry.documents();
    }
    return List.of(
        registry
            .document(policy)
            .orElseThrow(
                () ->
                    new UsageException(
                        "未登记的政策：" + policy + "（可用 ipsubsidy policies 查看）",
                        "unknown policy: " + policy + " (see ipsubsidy policies)")));
  }
}
