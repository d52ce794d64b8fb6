package cn.ipsubsidy.ledger;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh ledgers for tests outside this package: a SQLite file, or a database on the test cluster.
 */
public final class TestLedgers {
  private TestLedgers() {}

  public static String sqlite(Path dir) {
    return "jdbc:sqlite:" + dir.resolve("ledger.db");
  }

  /** Why there can be no PostgreSQL ledger here (no binaries), or null when there can. */
  public static String postgresMissing() {
    return PostgresCluster.missing();
  }

  /** A new PostgreSQL database; the test is skipped, visibly, when no binaries exist. */
  public static String postgres() {
    String missing = PostgresCluster.missing();
    if (missing != null) {
      System.out.println("[ledger tests] WARNING: " + missing);
      Assumptions.abort(missing);
    }
    return PostgresCluster.get().newDatabaseUrl();
  }

  /** SQL that removes the append-only trigger on updates, as someone tampering would. */
  public static String dropUpdateTrigger(String url, String table) {
    return url.startsWith("jdbc:sqlite:")
        ? "DROP TRIGGER " + table + "_no_update"
        : "DROP TRIGGER " + table + "_append_only ON " + table;
  }
}
