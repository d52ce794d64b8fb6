package cn.ipsubsidy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.PriorPayouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the ledger scales: posts one run of {@code -Dledger.scale.rows} claims (default 100,000) and
 * times posting, loading the snapshot, verifying and reading the year. Not part of the normal build
 * (its name does not end in Test); run it with {@code mvn test -Dtest=LedgerScaleCheck
 * -Dledger.scale.rows=1000000 [-Dledger.scale.pg=true]}.
 */
class LedgerScaleCheck {
  @Test
  void sqlite() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getProperty("ledger.scale.rows") != null, "-Dledger.scale.rows not given");
    Path dir = Files.createTempDirectory("ledger-scale");
    try {
      measure("sqlite", "jdbc:sqlite:" + dir.resolve("ledger.db"));
    } finally {
      try (var files = Files.list(dir)) {
        files.forEach(p -> p.toFile().delete());
      }
      Files.deleteIfExists(dir);
    }
  }

  @Test
  void postgresql() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getProperty("ledger.scale.rows") != null && Boolean.getBoolean("ledger.scale.pg"),
        "-Dledger.scale.rows and -Dledger.scale.pg=true not given");
    try {
      measure("postgresql", PostgresCluster.get().newDatabaseUrl());
    } finally {
      PostgresCluster.stopIfStarted();
    }
  }

  private static void measure(String name, String url) {
    int rows = Integer.getInteger("ledger.scale.rows", 100_000);
    List<PayoutLine> lines = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      Claim c =
          Fixtures.claim(
              "C-" + i,
              "E" + (i % 20_000),
              Fixtures.MADRID,
              LocalDate.of(2025, 1, 1).plusDays(i % 90),
              List.of("ZL" + i));
      lines.add(Fixtures.paid(i, c, Fixtures.MADRID, "1"));
    }
    Period p = new Period(2025, 1);
    RunToPost run =
        new RunToPost(
            "SCALE",
            p,
            "scale.xlsx",
            StoredDocument.sha256("scale"),
            "clerk",
            "0.1.0",
            Instant.now(),
            Fixtures.documents(),
            null,
            Fixtures.result(p, lines, List.of()));
    try (Ledger ledger = Ledger.open(url)) {
      long t0 = System.nanoTime();
      ledger.withRunLock(Duration.ofSeconds(10), s -> s.post(run));
      long t1 = System.nanoTime();
      PriorPayouts prior = ledger.withRunLock(Duration.ofSeconds(10), s -> s.prior(2025));
      long t2 = System.nanoTime();
      VerifyResult v = ledger.verify();
      long t3 = System.nanoTime();
      int year = ledger.claimsOfYear(2025).size();
      long t4 = System.nanoTime();
      assertThat(v.ok()).isTrue();
      assertThat(year).isEqualTo(rows);
      assertThat(prior.claimPaid("C-" + (rows - 1))).isPresent();
      System.out.printf(
          "[ledger scale] %s, %,d claims: post %d ms; lock+verify+snapshot %d ms; verify %d ms;"
              + " claimsOfYear %d ms; heap used %d MB%n",
          name,
          rows,
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t3 - t2) / 1_000_000,
          (t4 - t3) / 1_000_000,
          (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }
  }
}
