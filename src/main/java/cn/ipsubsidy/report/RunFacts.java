package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.policy.PolicyDocument;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What identifies a run, printed at the top of 汇总 so an auditor can tie the workbook to its inputs.
 *
 * @param runId 运行编号
 * @param period the period processed
 * @param periodSource how the period was chosen: {@value #FROM_OPTION} or {@value #FROM_EVENTS}
 * @param policies the policy documents registered for the run, with their file names and SHA-256
 * @param inputFileName the claims file as named on the command line (file name only)
 * @param inputSha256 SHA-256 of the claims file
 * @param generatedAt when the run was made
 * @param toolVersion the tool's version
 * @param operator who ran it (the OS user or {@code --operator})
 * @param rulesFileName the office's local rules file, or null when none was used
 * @param rulesSha256 SHA-256 of the local rules file, or null when none was used
 * @param office whom 汇总's title names: the {@code office} of the local rules file; null when none
 *     was used, which names the issuers of {@code policies} instead ({@link #issuers})
 */
public record RunFacts(
    String runId,
    Period period,
    String periodSource,
    List<PolicyDocument> policies,
    String inputFileName,
    String inputSha256,
    Instant generatedAt,
    String toolVersion,
    String operator,
    String rulesFileName,
    String rulesSha256,
    String office) {

  /** {@link #periodSource()} when the clerk named the period with {@code --period}. */
  public static final String FROM_OPTION = "--period";

  /** {@link #periodSource()} when the period is the quarter of the latest event date. */
  public static final String FROM_EVENTS = "latest event date";

  public RunFacts {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(generatedAt, "generatedAt");
    policies = policies == null ? List.of() : List.copyOf(policies);
    office = office == null || office.isBlank() ? null : office.strip();
  }

  /**
   * Whom 汇总's title names: the local rules' office; without rules, the issuers of the documents the
   * run's lines were computed under ({@code policyIds}), else of all its documents.
   */
  public String officeFor(Collection<String> policyIds) {
    if (office != null) {
      return office;
    }
    List<PolicyDocument> used = policies.stream().filter(d -> policyIds.contains(d.id())).toList();
    return issuers(used.isEmpty() ? policies : used);
  }

  /** The issuers of {@code policies}, each once in their order, joined by 、 ("" when none). */
  static String issuers(List<PolicyDocument> policies) {
    return policies.stream()
        .map(PolicyDocument::issuer)
        .filter(i -> i != null && !i.isBlank())
        .distinct()
        .collect(Collectors.joining("、"));
  }
}
