package cn.ipsubsidy.cli;

import cn.ipsubsidy.ledger.Ledger;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Which ledger, and how long to wait for another run that holds it. */
final class LedgerOptions {
  @Option(
      names = "--ledger",
      paramLabel = "JDBC-URL",
      description = {
        "台账，如 jdbc:sqlite:/path/ledger.db 或 jdbc:postgresql://host/db?user=…",
        "default: $IPSUBSIDY_LEDGER, else ~/.ipsubsidy/ledger.db"
      })
  String url;

  @Option(
      names = "--lock-wait",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "等待其他运行释放台账的秒数 / seconds to wait for another run (default ${DEFAULT-VALUE})")
  long lockWaitSeconds;

  /** Opens the named ledger, or the default one. */
  Ledger open() {
    return Ledger.open(url != null ? url : Ledger.defaultUrl());
  }

  Duration lockWait() {
    return Duration.ofSeconds(Math.max(0, lockWaitSeconds));
  }
}
