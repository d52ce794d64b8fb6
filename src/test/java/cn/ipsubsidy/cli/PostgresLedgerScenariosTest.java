package cn.ipsubsidy.cli;

import cn.ipsubsidy.ledger.TestLedgers;
import java.nio.file.Path;

class PostgresLedgerScenariosTest extends LedgerScenarios {
  @Override
  String newLedger(Path dir) {
    return TestLedgers.postgres();
  }
}
