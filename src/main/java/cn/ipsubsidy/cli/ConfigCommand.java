package cn.ipsubsidy.cli;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ipsubsidy config}: the settings in effect (ledger, rules, operator, policy, language, lock
 * wait) and where each came from, so a clerk can see why a run used the ledger it used. Passwords
 * in ledger URLs are masked.
 */
@Command(name = "config", mixinStandardHelpOptions = true)
final class ConfigCommand implements Callable<Integer> {
  @ParentCommand IpSubsidy root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Messages m = Messages.of(spec);
    OfficeDefaults defaults = root.defaults();
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        m.get(defaults.fileExists() ? "config.file" : "config.file.missing", defaults.file()));
    Set<String> fromCommandLine = new HashSet<>();
    if (matched(spec.commandLine()) || matched(spec.commandLine().getParent())) {
      fromCommandLine.add("lang");
    }
    out.print(
        EffectiveSettings.lines(
            new EffectiveSettings(defaults, m)
                .rows(OfficeDefaults.KEYS, fromCommandLine, key -> m.lang().code())));
    out.println(m.get("config.precedence"));
    return ExitCode.OK;
  }

  private static boolean matched(CommandLine cmd) {
    return cmd != null
        && cmd.getParseResult() != null
        && cmd.getParseResult().hasMatchedOption(Lang.OPTION);
  }
}
