package cn.ipsubsidy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger contract on a real PostgreSQL server: a throwaway cluster from the machine's
 * PostgreSQL binaries. Where there are none, every test here is skipped with a message saying so.
 */
class PostgresLedgerTest extends LedgerContract {
  @BeforeAll
  static void startServer() {
    String missing = PostgresCluster.missing();
    if (missing != null) {
      // each test is then reported as skipped, with this reason
      System.out.println("[ledger tests] WARNING: " + missing);
      return;
    }
    PostgresCluster.get();
  }

  @AfterAll
  static void stopServer() {
    PostgresCluster.stopIfStarted();
  }

  @Override
  String newUrl() {
    String missing = PostgresCluster.missing();
    if (missing != null) {
      Assumptions.abort(missing);
    }
    return PostgresCluster.get().newDatabaseUrl();
  }

  @Override
  String dropTrigger(String table, String op) {
    return "DROP TRIGGER " + table + "_append_only ON " + table;
  }

  @Test
  void truncateIsRefusedToo() {
    post(
        Fixtures.run(
            "R1",
            "2025Q1",
            Fixtures.paid(
                0,
                Fixtures.claim("C-1", "E1", Fixtures.MADRID, d("2025-01-10"), List.of("G1")),
                Fixtures.MADRID,
                "10")));
    assertThatThrownBy(() -> sql("TRUNCATE ledger_entry_refs"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
  }

  @Test
  void theLockMessageNamesWhoHoldsIt() throws Exception {
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Ledger second = Ledger.open(url)) {
      Future<Object> first =
          pool.submit(
              () ->
                  ledger.withRunLock(
                      WAIT,
                      s -> {
                        locked.countDown();
                        release.await(30, TimeUnit.SECONDS);
                        return null;
                      }));
      assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> second.withRunLock(Duration.ZERO, s -> null))
          .isInstanceOfSatisfying(
              LedgerLockedException.class,
              e -> assertThat(e.message().en()).contains("pid ").contains("ipsubsidy"));
      release.countDown();
      first.get(30, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aPasswordInTheUrlIsNeverShown() {
    String secretUrl = PostgresCluster.get().url("no_such_db") + "&password=s3cret";
    assertThatThrownBy(() -> Ledger.open(secretUrl))
        .isInstanceOfSatisfying(
            LedgerException.class,
            e -> {
              assertThat(e.message().toString()).doesNotContain("s3cret").contains("password=***");
              assertThat(e.ledgerUrl()).doesNotContain("s3cret");
            });
  }
}
