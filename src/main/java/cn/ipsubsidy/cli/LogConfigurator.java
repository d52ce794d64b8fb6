package cn.ipsubsidy.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;
import cn.ipsubsidy.ledger.Ledger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The log file, set up in code (found by Logback through {@code META-INF/services}) rather than
 * from a {@code logback.xml}: parsing the XML loaded a few hundred classes of Joran and an XML
 * parser at every start, which a clerk waited for on every quarter's run.
 *
 * <p>Logs go to a rolling file, never to the clerk's terminal: the terminal shows a short summary,
 * stack traces live here. Folder: {@code IPSUBSIDY_HOME}, else {@code -Dipsubsidy.home}, else
 * {@code ~/.ipsubsidy}; file {@code logs/ipsubsidy.log}, rolled daily (and at 50 MB), kept 90 days
 * (an audit quarter plus), 2 GB at most. Resident ID numbers are masked in every line, stack traces
 * included ({@link MaskingPatternLayout}). An office that wants another set-up names its own file
 * with {@code -Dlogback.configurationFile=…}; the tests' {@code logback-test.xml} wins too.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

  public LogConfigurator() {
    // instantiated by the ServiceLoader
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY; // a configuration file named or on the class path
    }
    configure(context, Ledger.home().resolve("logs"));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** The shipped set-up, writing into {@code logs}. */
  static void configure(LoggerContext context, Path logs) {
    context.getStatusManager().add(new NopStatusListener());

    RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
    file.setContext(context);
    file.setName("FILE");
    file.setFile(logs.resolve("ipsubsidy.log").toString());

    SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
    rolling.setContext(context);
    rolling.setParent(file);
    rolling.setFileNamePattern(logs.resolve("ipsubsidy.%d{yyyy-MM-dd}.%i.log.gz").toString());
    rolling.setMaxFileSize(FileSize.valueOf("50MB"));
    rolling.setMaxHistory(90);
    rolling.setTotalSizeCap(FileSize.valueOf("2GB"));
    rolling.start();
    file.setRollingPolicy(rolling);

    MaskingPatternLayout layout = new MaskingPatternLayout();
    layout.setContext(context);
    layout.setPattern(PATTERN);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.setLayout(layout);
    encoder.start();
    file.setEncoder(encoder);
    file.start();

    context.getLogger("org.apache.poi").setLevel(Level.WARN);
    context.getLogger("org.apache.commons").setLevel(Level.WARN);
    // Flyway's INFO lines would describe the warm-up's throwaway database on every run; the
    // ledger logs its own line when it migrates
    context.getLogger("org.flywaydb").setLevel(Level.WARN);
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(file);
  }
}
