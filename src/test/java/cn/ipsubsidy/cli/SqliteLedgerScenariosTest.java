package cn.ipsubsidy.cli;

import cn.ipsubsidy.ledger.TestLedgers;
import java.nio.file.Path;

class SqliteLedgerScenariosTest extends LedgerScenarios {
  @Override
  String newLedger(Path dir) {
    return TestLedgers.sqlite(dir);
  }
}
