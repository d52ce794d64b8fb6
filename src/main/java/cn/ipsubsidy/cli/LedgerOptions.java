package cn.ipsubsidy.cli;

import cn.ipsubsidy.ledger.Ledger;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Which ledger, and how long to wait for another run that holds it. */
final class LedgerOptions {
  @Option(names = "--ledger", paramLabel = "JDBC-URL")
  String url;

  @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "30")
  long lockWaitSeconds;

  /** Opens the named ledger, or the default one. */
  Ledger open() {
    return Ledger.open(url != null ? url : Ledger.defaultUrl());
  }

  Duration lockWait() {
    return Duration.ofSeconds(Math.max(0, lockWaitSeconds));
  }
}
