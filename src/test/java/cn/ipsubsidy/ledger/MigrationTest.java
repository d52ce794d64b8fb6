package cn.ipsubsidy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A ledger whose schema is current is opened without starting Flyway ({@link Migration#current});
 * the shipped migrations and their checksums it compares with are those of the files, as Flyway
 * computes them, and anything else still goes to Flyway.
 */
class MigrationTest {
  @TempDir Path dir;

  /** What Flyway resolves from the migration files for a database's locations. */
  private Map<String, Integer> resolved(Dialect dialect) {
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + dir.resolve("resolve-" + dialect.getClass().getSimpleName()));
    Flyway flyway =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(ds)
            .locations(dialect.migrationLocations())
            .placeholders(dialect.placeholders())
            .table("ledger_schema_history")
            .load();
    Map<String, Integer> checksums = new HashMap<>();
    for (MigrationInfo m : flyway.info().all()) {
      checksums.put(m.getVersion().getVersion(), m.getChecksum());
    }
    return checksums;
  }

  @Test
  void theShippedChecksumsAreThoseOfTheMigrationFiles() throws IOException {
    assertThat(resolved(Dialect.SQLITE)).isEqualTo(Migration.SQLITE);
    assertThat(resolved(Dialect.of("jdbc:postgresql://localhost/x")))
        .isEqualTo(Migration.POSTGRESQL);
    // a migration file added without its checksum here fails above; and the versions are the files'
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
      assertThat(
              files
                  .map(p -> p.getFileName().toString())
                  .filter(n -> n.matches("V\\d+__.*\\.sql"))
                  .map(n -> n.substring(1, n.indexOf("__")))
                  .distinct())
          .containsExactlyInAnyOrderElementsOf(Migration.SQLITE.keySet());
    }
  }

  @Test
  void aCurrentLedgerIsKnownCurrentAndANewOneIsNot() {
    String url = "jdbc:sqlite:" + dir.resolve("ledger.db");
    LedgerLocation.prepareSqliteFile(url, url);
    assertThat(Migration.current(url, Dialect.SQLITE)).as("empty file").isFalse();
    try (Ledger ledger = Ledger.open(url)) {
      assertThat(ledger.verify().ok()).isTrue();
    }
    assertThat(Migration.current(url, Dialect.SQLITE)).isTrue();
    // opened again, on the fast path: the same ledger
    try (Ledger again = Ledger.open(url)) {
      assertThat(again.verify().ok()).isTrue();
    }
  }

  /** The warm-up migrates a database in memory: no file appears, and a new ledger opens after. */
  @Test
  void theWarmUpLeavesNoFileAndANewLedgerOpensAfterIt() throws Exception {
    java.util.Set<Path> before;
    try (Stream<Path> files = Files.list(Path.of("."))) {
      before = files.collect(java.util.stream.Collectors.toSet());
    }
    Ledger.warmUp();
    Ledger.warmUp(); // twice: each its own database
    try (Stream<Path> files = Files.list(Path.of("."))) {
      assertThat(files.collect(java.util.stream.Collectors.toSet())).isEqualTo(before);
    }
    String url = "jdbc:sqlite:" + dir.resolve("after-warm-up.db");
    LedgerLocation.prepareSqliteFile(url, url);
    try (Ledger ledger = Ledger.open(url)) {
      assertThat(ledger.verify().ok()).isTrue();
    }
    assertThat(Migration.current(url, Dialect.SQLITE)).isTrue();
  }

  @Test
  void anUnknownOrChangedMigrationInTheHistoryGoesToFlywayAsBefore() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("newer.db");
    LedgerLocation.prepareSqliteFile(url, url);
    Ledger.open(url).close();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO ledger_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) VALUES (3, '3', 'from a newer"
              + " version', 'SQL', 'V3__newer.sql', 42, 'test', 0, 1)");
    }
    // a later version's migration: Flyway's rule (a future migration is ignored) decides, not
    // the fast path
    assertThat(Migration.current(url, Dialect.SQLITE)).isFalse();
    Ledger.open(url).close();

    String changed = "jdbc:sqlite:" + dir.resolve("changed.db");
    LedgerLocation.prepareSqliteFile(changed, changed);
    Ledger.open(changed).close();
    try (Connection c = DriverManager.getConnection(changed);
        Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE ledger_schema_history SET checksum = 7 WHERE version = '2'");
    }
    // a migration whose file is not the one applied: Flyway's validation refuses the ledger
    assertThat(Migration.current(changed, Dialect.SQLITE)).isFalse();
    assertThatThrownBy(() -> Ledger.open(changed)).isInstanceOf(LedgerException.class);
  }
}
