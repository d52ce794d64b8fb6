package cn.ipsubsidy.cli;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClerkFacing;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.outputs.FaultHooks;
import cn.ipsubsidy.report.PoiTempFolder;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;

/**
 * {@code ipsubsidy}: the finance office's IP subsidy calculator. Thin: parses options, calls the
 * job, maps errors to the contract's exit codes. No stack trace reaches the clerk's terminal; it
 * goes to the log file (and to the terminal with --verbose). Every text it shows, usage help
 * included, comes from {@link Messages} in the language {@link Lang} chose.
 */
@Command(
    name = "ipsubsidy",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true)
public final class IpSubsidy implements Runnable {

  @Option(
      names = {"-v", "--verbose"},
      scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  /**
   * Declared for parsing, help and completion; the language is chosen from the arguments before
   * they are parsed ({@link Lang#choose}), so this field only ever agrees with it.
   */
  @Option(
      names = Lang.OPTION,
      paramLabel = "zh|en",
      completionCandidates = Lang.Codes.class,
      scope = CommandLine.ScopeType.INHERIT)
  Lang lang;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Messages messages;
  private final Styles styles;
  private OfficeDefaults defaults =
      OfficeDefaults.none(Ledger.home().resolve(OfficeDefaults.FILE_NAME));
  private FaultHooks faults = FaultHooks.NONE;

  private IpSubsidy(Messages messages, Styles styles) {
    this.messages = messages;
    this.styles = styles;
  }

  /** The office's defaults this command line runs with (none for the man pages). */
  OfficeDefaults defaults() {
    return defaults;
  }

  Messages messages() {
    return messages;
  }

  /** Where calc may be stopped by a test ({@link FaultHooks#NONE} but in a test's own main). */
  FaultHooks faults() {
    return faults;
  }

  Styles styles() {
    return styles;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** The commands, in the order the usage help lists them ({@code help} and completion follow). */
  static final List<Class<?>> COMMANDS =
      List.of(
          CalcCommand.class,
          ValidateCommand.class,
          PoliciesCommand.class,
          ClausesCommand.class,
          LedgerCommand.class,
          ReportCommand.class,
          NoticeCommand.class,
          ReconcileCommand.class,
          TemplateCommand.class,
          CompareCommand.class,
          ExplainCommand.class,
          ConfigCommand.class);

  /**
   * The whole command line in {@code messages}' language, colours as {@code ansi} allows: what the
   * man pages and the completion script are made from, and what runs unless {@link #only} finds the
   * one command a command line needs.
   */
  static CommandLine commandLine(Messages messages, Help.Ansi ansi) {
    return commandLine(messages, ansi, null);
  }

  /**
   * @param only the one command to build ("" for none, as for {@code --version}), or null for all
   */
  private static CommandLine commandLine(Messages messages, Help.Ansi ansi, String only) {
    IpSubsidy root = new IpSubsidy(messages, new Styles(ansi));
    CommandLine cmd = new CommandLine(root);
    for (Class<?> command : COMMANDS) {
      if (only == null || only.equals(name(command))) {
        cmd.addSubcommand(command);
      }
    }
    if (only == null) {
      cmd.addSubcommand(CommandLine.HelpCommand.class);
      // ipsubsidy generate-completion: the bash script that zsh runs too (with bashcompinit)
      cmd.addSubcommand(new AutoComplete.GenerateCompletion());
    }
    cmd.setResourceBundle(messages.bundle());
    cmd.setColorScheme(Help.defaultColorScheme(ansi));
    // every command's --version, and the man pages' source line, say the tool's version
    for (CommandLine sub : cmd.getSubcommands().values()) {
      versions(sub.getCommandSpec());
    }
    cmd.registerConverter(Lang.class, Converters.parsing(Lang::parse, messages, "lang.invalid"));
    cmd.registerConverter(
        Period.class, Converters.parsing(Period::parse, messages, "period.invalid"));
    cmd.registerConverter(
        LocalDate.class, Converters.parsing(IpSubsidy::isoDate, messages, "date.invalid"));
    return cmd;
  }

  /** An ISO date, 2025-06-01 ({@code notice --from}). */
  private static Optional<LocalDate> isoDate(String text) {
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  /**
   * The one command {@code args} runs, so that only it is built: picocli's model of a command is
   * made by reflection over its classes, and picocli's own classes (compiled for Java 5) cannot be
   * kept in the class-data archive, so building all twelve cost a clerk's every start more than the
   * JVM itself. "" when the arguments are only root options ({@code --version}); null (all) for
   * root help, {@code help}, completion, an unknown command or anything unusual, which need the
   * whole tree or say what exists.
   */
  static String only(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-v", "--verbose", "-V", "--version" -> {
          continue;
        }
        case Lang.OPTION -> {
          i++; // its value
          continue;
        }
        default -> {
          // a value of --lang=, or any other option (root help) or an unknown command: all
        }
      }
      if (a.startsWith(Lang.OPTION + "=")) {
        continue;
      }
      if (a.startsWith("-")) {
        return null;
      }
      for (Class<?> command : COMMANDS) {
        if (name(command).equals(a)) {
          return a;
        }
      }
      return null;
    }
    boolean version = false;
    for (String a : args) {
      version |= a.equals("-V") || a.equals("--version");
    }
    return version ? "" : null;
  }

  private static void versions(CommandLine.Model.CommandSpec spec) {
    spec.versionProvider(new VersionProvider()); // generate-completion's would say picocli's
    spec.subcommands().values().forEach(sub -> versions(sub.getCommandSpec()));
  }

  /**
   * Runs the command line with the process's standard streams, each written in the charset the
   * terminal reads ({@link TerminalCharset}), not the JVM's default.
   */
  public static int execute(String... args) {
    return execute(FaultHooks.NONE, args);
  }

  /**
   * As {@link #execute(String...)}, calc pausing where {@code faults} says: the seam for the tests
   * that kill a real process at a step of the posting protocol (their main is under src/test).
   */
  static int execute(FaultHooks faults, String... args) {
    return execute(
        new PrintWriter(new OutputStreamWriter(System.out, TerminalCharset.stdout()), true),
        new PrintWriter(new OutputStreamWriter(System.err, TerminalCharset.stderr()), true),
        Ledger.home().resolve(OfficeDefaults.FILE_NAME),
        System.getenv(),
        faults,
        args);
  }

  /**
   * Runs the command line with the given streams (tests capture them), in the language {@link
   * Lang#choose} finds, coloured only where picocli finds a terminal.
   */
  public static int execute(PrintWriter terminalOut, PrintWriter terminalErr, String... args) {
    return execute(
        terminalOut,
        terminalErr,
        Ledger.home().resolve(OfficeDefaults.FILE_NAME),
        System.getenv(),
        args);
  }

  /**
   * Runs the command line with the office's defaults from {@code configFile} and {@code env}
   * ({@link OfficeDefaults}): the language too ({@code lang=}) comes from there when the command
   * line names none. A bad setting stops everything, with its file and line (exit 2).
   */
  static int execute(
      PrintWriter terminalOut,
      PrintWriter terminalErr,
      Path configFile,
      Map<String, String> env,
      String... args) {
    return execute(terminalOut, terminalErr, configFile, env, FaultHooks.NONE, args);
  }

  private static int execute(
      PrintWriter terminalOut,
      PrintWriter terminalErr,
      Path configFile,
      Map<String, String> env,
      FaultHooks faults,
      String... args) {
    if ("".equals(only(args))) {
      // --version alone: what picocli would print, without building a command line to print it
      for (String line : new VersionProvider().getVersion()) {
        terminalOut.println(line);
      }
      terminalOut.flush();
      return ExitCode.OK;
    }
    OfficeDefaults defaults;
    try {
      defaults = OfficeDefaults.load(configFile, env);
    } catch (ConfigFileException e) {
      Messages messages = Messages.of(Lang.choose(args, env.get(Lang.ENV), Locale.getDefault()));
      PrintWriter err = new PrintWriter(new MaskingWriter(terminalErr), true);
      int code = report(e, err, false, messages);
      err.flush();
      return code;
    }
    String lang = defaults.setting("lang").map(OfficeDefaults.Setting::value).orElse(null);
    Messages messages = Messages.of(Lang.choose(args, lang, Locale.getDefault()));
    return execute(terminalOut, terminalErr, messages, Help.Ansi.AUTO, defaults, faults, args);
  }

  static int execute(
      PrintWriter terminalOut,
      PrintWriter terminalErr,
      Messages messages,
      Help.Ansi ansi,
      String... args) {
    return execute(
        terminalOut,
        terminalErr,
        messages,
        ansi,
        OfficeDefaults.none(Ledger.home().resolve(OfficeDefaults.FILE_NAME)),
        FaultHooks.NONE,
        args);
  }

  private static int execute(
      PrintWriter terminalOut,
      PrintWriter terminalErr,
      Messages messages,
      Help.Ansi ansi,
      OfficeDefaults defaults,
      FaultHooks faults,
      String... args) {
    System.setProperty("ipsubsidy.logfile", logFile().toString());
    // POI's temporary files (workbook sheets being written, decrypted input) in this user's own
    // folder, not the /tmp/poifiles that the first user of the machine owns
    PoiTempFolder.ensure();
    // Resident ID numbers are masked in everything the terminal shows, stack traces included.
    PrintWriter out = new PrintWriter(new MaskingWriter(terminalOut), true);
    PrintWriter err = new PrintWriter(new MaskingWriter(terminalErr), true);
    CommandLine cmd = commandLine(messages, ansi, only(args));
    IpSubsidy root = cmd.getCommand();
    root.defaults = defaults;
    root.faults = faults;
    cmd.setDefaultValueProvider(defaults);
    new EffectiveSettings(defaults, messages).installHelpSections(cmd);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine c = ex.getCommandLine();
          String help = c.getCommandSpec().qualifiedName() + " --help";
          c.getErr()
              .println("ipsubsidy: " + messages.get("error.usage", usageError(ex, messages), help));
          LoggerFactory.getLogger(IpSubsidy.class).info("usage error: {}", ex.getMessage());
          return ExitCode.USAGE;
        });
    cmd.setExecutionExceptionHandler(
        (ex, c, parsed) -> report(ex, c.getErr(), root.verbose, messages));
    try {
      return cmd.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands only Exceptions to the handler above; an Error (a missing optional class,
      // a stack overflow, memory) would reach the clerk as the JVM's stack trace and exit 1
      return report(e, err, root.verbose, messages);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * What was wrong with the command line. picocli words its complaints in English; the two a clerk
   * meets most, and a value our converters refused, are said in the chosen language.
   */
  static String usageError(CommandLine.ParameterException ex, Messages messages) {
    if (messages.lang() == Lang.EN) {
      return ex.getMessage();
    }
    if (ex instanceof CommandLine.MissingParameterException m) {
      return messages.get(
          "error.usage.missing",
          m.getMissing().stream().map(IpSubsidy::argName).collect(Collectors.joining(", ")));
    }
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      return messages.get("error.usage.unmatched", String.join(" ", u.getUnmatched()));
    }
    if (ex.getCause() instanceof CommandLine.TypeConversionException t && ex.getArgSpec() != null) {
      return messages.get("error.usage.value", argName(ex.getArgSpec()), t.getMessage());
    }
    return ex.getMessage();
  }

  private static String argName(CommandLine.Model.ArgSpec arg) {
    return arg instanceof CommandLine.Model.OptionSpec o
        ? "'" + o.longestName() + "'"
        : "'" + arg.paramLabel() + "'";
  }

  /** One clear line for the clerk, in the chosen language; the stack trace goes to the log. */
  static int report(Throwable ex, PrintWriter err, boolean verbose, Messages messages) {
    Bilingual msg;
    int code = ExitCode.USAGE;
    if (ex instanceof ClerkFacing c) {
      msg = c.bilingual();
      code = c.concern() == ClerkFacing.Concern.LEDGER ? ExitCode.LEDGER : ExitCode.USAGE;
    } else if (ex instanceof NoSuchFileException n) {
      msg = both(messages, "error.noSuchFile", n.getFile());
    } else if (ex instanceof AccessDeniedException a) {
      msg = both(messages, "error.accessDenied", a.getFile());
    } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      msg = both(messages, "error.io", ex.getMessage());
    } else if (ex instanceof OutOfMemoryError) {
      msg = both(messages, "error.outOfMemory", logFile());
      code = ExitCode.INTERNAL;
    } else {
      msg = both(messages, "error.internal", logFile());
      code = ExitCode.INTERNAL;
    }
    // the logger is made here, not in a static field: Logback's start-up (a few hundred classes
    // and an XML parser) is not paid by --version and --help
    Logger log = LoggerFactory.getLogger(IpSubsidy.class);
    log.error("{}", msg, ex);
    String line = messages.pick(msg);
    err.println("ipsubsidy: " + line.replaceAll("\\s*[\\r\\n]+\\s*", " "));
    if (verbose) {
      ex.printStackTrace(err);
    }
    return code;
  }

  /** A message of the bundles in both languages: the terminal shows one, the log keeps both. */
  private static Bilingual both(Messages messages, String key, Object arg) {
    return both(messages, key, arg, arg);
  }

  private static Bilingual both(Messages messages, String key, Object zh, Object en) {
    return Bilingual.of(messages.in(Lang.ZH).get(key, zh), messages.in(Lang.EN).get(key, en));
  }

  /** Where Logback writes: IPSUBSIDY_HOME, else -Dipsubsidy.home, else ~/.ipsubsidy. */
  static Path logFile() {
    return Ledger.home().resolve("logs").resolve("ipsubsidy.log");
  }
}
