package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.RunResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One computed run, as {@link Ledger.Session#post} appends it.
 *
 * @param runId unique id, see {@link Ledger#newRunId}; letters, digits and {@code . _ : -}, at most
 *     100
 * @param period the period processed; its year is the budget year
 * @param inputFile the claims file as named on the command line
 * @param inputSha256 hex SHA-256 of the claims file's bytes
 * @param operator who ran it (the OS user, or --operator)
 * @param toolVersion the ipsubsidy version that computed it
 * @param postedAt when it was posted; kept to the millisecond
 * @param documents the policy YAML texts and the local rules text the run was computed under
 * @param replacesRunId the run this one replaces ({@code --replace RUN}), or null
 * @param result what the engine computed
 */
public record RunToPost(
    String runId,
    Period period,
    String inputFile,
    String inputSha256,
    String operator,
    String toolVersion,
    Instant postedAt,
    List<StoredDocument> documents,
    String replacesRunId,
    RunResult result) {
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  public RunToPost {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(inputFile, "inputFile");
    Objects.requireNonNull(inputSha256, "inputSha256");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(postedAt, "postedAt");
    Objects.requireNonNull(result, "result");
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("run id: " + runId);
    }
    if (replacesRunId != null && !RUN_ID.matcher(replacesRunId).matches()) {
      throw new IllegalArgumentException("replaced run id: " + replacesRunId);
    }
    if (!period.equals(result.period())) {
      throw new IllegalArgumentException(
          "run " + runId + " is for " + period + " but its result is for " + result.period());
    }
    inputSha256 = inputSha256.toLowerCase(java.util.Locale.ROOT);
    postedAt = postedAt.truncatedTo(ChronoUnit.MILLIS);
    documents = documents == null ? List.of() : List.copyOf(documents);
  }

  /** What the run's header records of where the run came from. */
  RunRecord.Origin origin() {
    return new RunRecord.Origin(
        runId, period, inputFile, inputSha256, operator, toolVersion, postedAt, replacesRunId);
  }
}
