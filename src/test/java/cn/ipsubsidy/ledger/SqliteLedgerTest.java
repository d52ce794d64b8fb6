package cn.ipsubsidy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on a SQLite file, plus what only a file has: its permissions and path. */
class SqliteLedgerTest extends LedgerContract {
  @TempDir Path dir;
  private int files;

  @Override
  String newUrl() {
    return "jdbc:sqlite:" + dir.resolve("ledger-" + (++files) + ".db");
  }

  @Override
  String dropTrigger(String table, String op) {
    return "DROP TRIGGER " + table + (op.equals("UPDATE") ? "_no_update" : "_no_delete");
  }

  @Test
  void theLedgerFileIsReadableByItsOwnerOnly() throws IOException {
    Path file = Paths.get(LedgerLocation.sqlitePath(url));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(ledger.created()).isTrue();
    try (Ledger again = Ledger.open(url)) {
      assertThat(again.created()).isFalse();
    }
  }

  @Test
  void theConnectionThatPostsHasA64MegabytePageCache() throws Exception {
    try (Connection c = new SqliteTransactions().openLocked(url, Duration.ofSeconds(5), url, null);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA cache_size")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(-65_536L); // KiB; SQLite's own default is -2000
      c.rollback();
    }
  }

  @Test
  void theHolderFileStandsWhileTheLockIsHeldAndAStaleOneIsCleared() {
    Path file = Paths.get(LedgerLocation.sqlitePath(url) + ".holder");
    RunHolder me = RunHolder.thisProcess("2025Q1-20250401-100304-ab12", "王会计");
    ledger.withRunLock(
        WAIT,
        me,
        s -> {
          assertThat(RunHolder.read(file)).isEqualTo(me);
          return null;
        });
    assertThat(file).doesNotExist();
    // left by a run killed while it held the lock: the next run to hold it removes it
    new RunHolder("DEAD", "x", "pid 1@h", java.time.Instant.now()).publish(file);
    ledger.withRunLock(WAIT, s -> null);
    assertThat(file).doesNotExist();
  }

  @Test
  void theDefaultLedgerIsInTheIpsubsidyHome() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("IPSUBSIDY_LEDGER") == null && System.getenv("IPSUBSIDY_HOME") == null,
        "IPSUBSIDY_LEDGER or IPSUBSIDY_HOME is set");
    String home = System.getProperty("ipsubsidy.home");
    org.junit.jupiter.api.Assumptions.assumeTrue(home != null, "-Dipsubsidy.home not set");
    assertThat(Ledger.defaultUrl()).isEqualTo("jdbc:sqlite:" + Paths.get(home, "ledger.db"));
    assertThat(Paths.get(home)).isDirectory();
  }

  @Test
  void aMissingFolderAnInMemoryDatabaseOrAnotherUrlIsRefused() {
    assertThatThrownBy(() -> Ledger.open("jdbc:sqlite:" + dir.resolve("no/such/folder/l.db")))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> Ledger.open("jdbc:sqlite::memory:"))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("in-memory");
    assertThatThrownBy(() -> Ledger.open("jdbc:mysql://localhost/x"))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("not supported");
  }

  @Test
  void aDatabaseThatIsNotALedgerIsNotMigratedOver() throws Exception {
    Path other = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INTEGER)");
    }
    assertThatThrownBy(() -> Ledger.open("jdbc:sqlite:" + other))
        .isInstanceOfSatisfying(
            LedgerException.class,
            e -> assertThat(e.message().en()).contains("cannot open or migrate the ledger"));
  }

  @Test
  void aReadOnlyLedgerRefusesToPostAndSaysSo() {
    post(
        Fixtures.run(
            "R1",
            "2025Q1",
            Fixtures.paid(
                0,
                Fixtures.claim("C-1", "E1", Fixtures.MADRID, d("2025-01-10"), List.of("G1")),
                Fixtures.MADRID,
                "10")));
    try (Ledger ro = Ledger.open(url + "?open_mode=1")) {
      assertThat(ro.runs()).hasSize(1);
      assertThatThrownBy(
              () ->
                  ro.withRunLock(
                      WAIT,
                      s ->
                          s.post(
                              Fixtures.run(
                                  "R2",
                                  "2025Q2",
                                  Fixtures.paid(
                                      0,
                                      Fixtures.claim(
                                          "C-2",
                                          "E1",
                                          Fixtures.MADRID,
                                          d("2025-04-10"),
                                          List.of("G2")),
                                      Fixtures.MADRID,
                                      "10")))))
          .isInstanceOfSatisfying(
              LedgerException.class, e -> assertThat(e.message().en()).contains("read-only"));
    }
    assertThat(ledger.runs()).hasSize(1);
  }
}
