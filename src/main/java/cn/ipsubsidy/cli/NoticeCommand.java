package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.NoticeJob;
import cn.ipsubsidy.domain.Money;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code notice RUN | --payout FILE}: the public notice of the proposed awards. The masking and the
 * office come from the run's own local rules (see {@link NoticeJob}); {@code --rules} names them
 * for a payout workbook only, since a posted run carries its rules in the ledger.
 */
@Command(name = "notice", mixinStandardHelpOptions = true, sortOptions = false)
final class NoticeCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", descriptionKey = "notice.run")
  String runId;

  @Option(names = "--payout", paramLabel = "FILE")
  Path payout;

  @Mixin RulesOption rules;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE")
  Path out;

  @Option(names = "--force")
  boolean force;

  @Option(names = "--from", paramLabel = "DATE")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE")
  LocalDate to;

  @Mixin LedgerOptions ledger;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Messages m = Messages.of(spec);
    if ((runId == null) == (payout == null)) {
      throw usage(m.get("notice.source"));
    }
    // a posted run carries its own rules: --rules typed with it is a mistake, while the office's
    // default rules (config.properties, IPSUBSIDY_RULES) simply do not apply to it
    if (runId != null && spec.commandLine().getParseResult().hasMatchedOption("--rules")) {
      throw usage(m.get("notice.rulesWithRun"));
    }
    if ((from == null) != (to == null)) {
      throw usage(m.get("notice.dates.both"));
    }
    if (to != null && to.isBefore(from)) {
      throw usage(m.get("notice.dates.order", to, from));
    }
    NoticeJob.Dates dates = new NoticeJob.Dates(from, to);
    NoticeJob job = new NoticeJob();
    NoticeJob.Outcome o =
        runId != null
            ? job.fromRun(runId, ledger.url, out, force, dates)
            : job.fromPayout(payout, rules.file, out, force, dates);
    var w = spec.commandLine().getOut();
    w.println(
        m.get(
            "notice.done",
            o.runId(),
            o.period(),
            o.awards(),
            Styles.of(spec).bold(Money.format(o.total())),
            o.workbook()));
    if (o.individuals() > 0) {
      w.println(m.get(o.masked() ? "notice.masked" : "notice.unmasked", o.individuals()));
    }
    if (from == null) {
      w.println(m.get("notice.blankPeriod"));
    }
    return ExitCode.OK;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
