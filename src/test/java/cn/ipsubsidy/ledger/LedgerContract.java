package cn.ipsubsidy.ledger;

import static cn.ipsubsidy.ledger.Fixtures.MADRID;
import static cn.ipsubsidy.ledger.Fixtures.ONE_TIME;
import static cn.ipsubsidy.ledger.Fixtures.PER_METRIC;
import static cn.ipsubsidy.ledger.Fixtures.PROJECT;
import static cn.ipsubsidy.ledger.Fixtures.YEARLY;
import static cn.ipsubsidy.ledger.Fixtures.claim;
import static cn.ipsubsidy.ledger.Fixtures.line;
import static cn.ipsubsidy.ledger.Fixtures.paid;
import static cn.ipsubsidy.ledger.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.domain.SourceLocation;
import cn.ipsubsidy.engine.CapKeys;
import cn.ipsubsidy.engine.CapUsage;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.PriorPayment;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.ProjectKey;
import cn.ipsubsidy.engine.ReferenceCheckKey;
import cn.ipsubsidy.engine.Status;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's behaviour, the same on every database: each subclass runs every test here against
 * its own database (a SQLite file, a PostgreSQL server).
 */
abstract class LedgerContract {
  static final String GROUP = "lyg-2021/2a";
  static final Duration WAIT = Duration.ofSeconds(10);

  String url;
  Ledger ledger;

  /** A JDBC URL of a new, empty ledger database. */
  abstract String newUrl();

  /** SQL that removes the append-only trigger refusing {@code op} (UPDATE/DELETE) on a table. */
  abstract String dropTrigger(String table, String op);

  @BeforeEach
  void openLedger() {
    url = newUrl();
    ledger = Ledger.open(url);
  }

  @AfterEach
  void closeLedger() {
    if (ledger != null) {
      ledger.close();
    }
  }

  PostedRun post(RunToPost run) {
    return ledger.withRunLock(WAIT, s -> s.post(run));
  }

  <T> T inSession(Function<Ledger.Session, T> f) {
    return ledger.withRunLock(WAIT, f::apply);
  }

  Optional<RunRecord> same(Function<Ledger.Session, Optional<RunRecord>> f) {
    return inSession(f);
  }

  PriorPayouts prior(int year) {
    return inSession(s -> s.prior(year));
  }

  /** Runs SQL behind the tool's back, as someone with database access could. */
  void sql(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String st : statements) {
        s.execute(st);
      }
    }
  }

  long count(String table) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  // ---- what earlier runs paid

  @Test
  void annualSumOfTheBudgetYearCountsEarlierQuarters() {
    Claim a = claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1"));
    Claim b = claim("C-2", "E1", MADRID, d("2025-02-01"), List.of("G2"));
    Claim c = claim("C-3", "E1", MADRID, d("2025-03-01"), List.of("G3"));
    Claim other = claim("C-4", "E2", MADRID, d("2025-03-02"), List.of("G4"));
    post(
        run(
            "2025Q1-A",
            "2025Q1",
            paid(0, a, MADRID, "10000"),
            paid(1, b, MADRID, "10000"),
            line(2, c, MADRID, Status.CAPPED, "0"),
            paid(3, other, MADRID, "5000")));

    PriorPayouts prior = prior(2025);
    assertThat(prior.paidInYear("E1", GROUP, 2025)).isEqualByComparingTo("20000.00");
    assertThat(prior.paidInYear("E1", GROUP, 2025).scale()).isEqualTo(2);
    assertThat(prior.runsInYear("E1", GROUP, 2025)).containsExactly("2025Q1-A");
    assertThat(prior.paidInYear("E2", GROUP, 2025)).isEqualByComparingTo("5000.00");
    assertThat(prior.paidInYear("E3", GROUP, 2025)).isEqualByComparingTo("0.00");
    assertThat(prior.runsInYear("E3", GROUP, 2025)).isEmpty();

    // a Q2 run adds to the same budget year, and the next year starts at zero
    Claim d = claim("C-5", "E1", MADRID, d("2025-04-10"), List.of("G5"));
    post(run("2025Q2-A", "2025Q2", paid(0, d, MADRID, "10000")));
    prior = prior(2025);
    assertThat(prior.paidInYear("E1", GROUP, 2025)).isEqualByComparingTo("30000.00");
    assertThat(prior.runsInYear("E1", GROUP, 2025)).containsExactly("2025Q1-A", "2025Q2-A");
    assertThat(prior(2026).paidInYear("E1", GROUP, 2026)).isEqualByComparingTo("0.00");
    assertThatThrownBy(() -> prior(2026).paidInYear("E1", GROUP, 2025))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void referenceAndClaimIdPaidEarlierAreFoundWithRunAndDate() {
    Claim a = claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1", "G1b"));
    Claim review = claim("C-2", "E1", MADRID, d("2025-01-11"), List.of("G2"));
    post(
        run(
            "2025Q1-A",
            "2025Q1",
            paid(0, a, MADRID, "10000"),
            line(1, review, MADRID, Status.REVIEW, "0")));

    PriorPayouts prior = prior(2025);
    PriorPayment expected =
        new PriorPayment(
            "2025Q1-A", d("2025-01-21"), "C-1", new BigDecimal("10000.00"), "lyg-2021/2a");
    assertThat(prior.referencePaid("lyg-2021/2", ReferenceCheckKey.parse("G1"))).contains(expected);
    assertThat(prior.referencePaid("lyg-2021/2", ReferenceCheckKey.parse("G1b")))
        .contains(expected);
    assertThat(prior.claimPaid("C-1")).contains(expected);
    assertThat(prior.claimPaid("C-1").orElseThrow().describe())
        .isEqualTo("run 2025Q1-A, 2025-01-21, claim C-1");
    // another group, and rows not paid, hold nothing
    assertThat(prior.referencePaid("lyg-2021/3", ReferenceCheckKey.parse("G1"))).isEmpty();
    assertThat(prior.referencePaid("lyg-2021/2", ReferenceCheckKey.parse("G2"))).isEmpty();
    assertThat(prior.claimPaid("C-2")).isEmpty();
  }

  @Test
  void referenceKeysCarryTheMetricForPerYearReferences() {
    Claim y3 =
        new Claim(
            "C-1",
            new Claim.Claimant("E1", "甲", EntityType.ENTERPRISE, "海州区", null),
            new Claim.Matter("wx-2020/1c", d("2025-01-10"), 1, null, List.of("ZL2019100001")),
            new Claim.Figures(null, null, null, null, 3L, null),
            null);
    post(run("2025Q1-A", "2025Q1", paid(0, y3, PER_METRIC, "1000")));
    PriorPayouts prior = prior(2025);
    assertThat(prior.referencePaid("wx-2020/1", ReferenceCheckKey.parse("ZL2019100001#3")))
        .isPresent();
    assertThat(prior.referencePaid("wx-2020/1", ReferenceCheckKey.parse("ZL2019100001#4")))
        .isEmpty();
    assertThat(prior.referencePaid("wx-2020/1", ReferenceCheckKey.parse("ZL2019100001"))).isEmpty();
  }

  @Test
  void oneTimeAwardPaidInAnEarlierYearIsFound() {
    Claim award =
        new Claim(
            "C-9",
            new Claim.Claimant("E1", "甲", EntityType.ENTERPRISE, "海州区", null),
            new Claim.Matter("lyg-2021/5a", d("2024-11-02"), 1, Level.NATIONAL, List.of()),
            new Claim.Figures(null, null, null, null, null, null),
            null);
    post(run("2024Q4-A", "2024Q4", paid(0, award, ONE_TIME, "200000")));

    PriorPayouts prior = prior(2025);
    // asked as the engine asks: 5a does not pay by level, so the award is held whatever 级别 says
    assertThat(prior.oneTimePaid("E1", ONE_TIME.code(), CapKeys.oneTimeLevel(ONE_TIME, award)))
        .contains(
            new PriorPayment("2024Q4-A", d("2024-10-21"), "C-9", Money.of(200000), "lyg-2021/5a"));
    assertThat(prior.oneTimePaid("E1", ONE_TIME.code(), Level.PROVINCIAL)).isEmpty();
    assertThat(prior.oneTimePaid("E2", ONE_TIME.code(), Level.NATIONAL)).isEmpty();
  }

  @Test
  void lifetimeSumsSpanYearsByProject() {
    Claim stage1 = claim("C-1", "E1", PROJECT, d("2024-05-01"), List.of("PLAT-1"));
    Claim stage2 = claim("C-2", "E1", PROJECT, d("2025-05-01"), List.of("PLAT-1"));
    Claim noRef = claim("C-3", "E7", PROJECT, d("2025-05-02"), List.of());
    post(run("2024Q2-A", "2024Q2", paid(0, stage1, PROJECT, "300000")));
    post(
        run(
            "2025Q2-A",
            "2025Q2",
            paid(0, stage2, PROJECT, "200000"),
            paid(1, noRef, PROJECT, "50000")));

    PriorPayouts prior = prior(2026);
    assertThat(prior.paidLifetime("lyg-2021/9", ProjectKey.parse("PLAT-1")))
        .isEqualByComparingTo("500000.00");
    assertThat(prior.paidLifetime("lyg-2021/9", ProjectKey.parse("entity:E7")))
        .isEqualByComparingTo("50000.00");
    assertThat(prior.paidLifetime("lyg-2021/9", ProjectKey.parse("PLAT-2")))
        .isEqualByComparingTo("0.00");
    // a project reference is not a duplicate key
    assertThat(prior.referencePaid("lyg-2021/9", ReferenceCheckKey.parse("PLAT-1"))).isEmpty();
  }

  @Test
  void findSameInputFindsTheActiveRunOfThePeriodWithThatHash() {
    RunToPost q1 =
        run(
            "2025Q1-A",
            "2025Q1",
            paid(0, claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1")), MADRID, "10000"));
    post(q1);
    Optional<RunRecord> found = inSession(s -> s.findSameInput(q1.period(), q1.inputSha256()));
    assertThat(found).map(RunRecord::runId).contains("2025Q1-A");
    assertThat(found.orElseThrow().postedAt()).isEqualTo(q1.postedAt());
    assertThat(same(s -> s.findSameInput(new Period(2025, 2), q1.inputSha256()))).isEmpty();
    assertThat(same(s -> s.findSameInput(q1.period(), StoredDocument.sha256("other")))).isEmpty();
    assertThat(same(s -> s.findSameInput(q1.period(), q1.inputSha256().toUpperCase()))).isPresent();
  }

  // ---- replacing a run

  @Test
  void replacingARunPostsReversalsAndTheNewRunInOneGo() throws SQLException {
    Claim a = claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1"));
    Claim b = claim("C-2", "E1", MADRID, d("2025-02-01"), List.of("G2"));
    RunToPost wrong =
        run("2025Q1-A", "2025Q1", paid(0, a, MADRID, "10000"), paid(1, b, MADRID, "20000"));
    PostedRun first = post(wrong);

    // what the corrected run is computed against: the ledger without the run it replaces
    PriorPayouts without = inSession(s -> s.prior(2025, "2025Q1-A"));
    assertThat(without.paidInYear("E1", GROUP, 2025)).isEqualByComparingTo("0.00");
    assertThat(without.claimPaid("C-1")).isEmpty();
    assertThat(without.referencePaid("lyg-2021/2", ReferenceCheckKey.parse("G1"))).isEmpty();

    RunToPost corrected = run("2025Q1-B", "2025Q1", "2025Q1-A", paid(0, a, MADRID, "10000"));
    PostedRun second = post(corrected);
    assertThat(second.reversals()).isEqualTo(2);
    assertThat(second.payouts()).isEqualTo(1);
    assertThat(second.firstSeq()).isEqualTo(first.lastSeq() + 1);
    assertThat(second.lastSeq()).isEqualTo(first.lastSeq() + 4);

    PriorPayouts prior = prior(2025);
    assertThat(prior.paidInYear("E1", GROUP, 2025)).isEqualByComparingTo("10000.00");
    assertThat(prior.runsInYear("E1", GROUP, 2025)).containsExactly("2025Q1-B");
    assertThat(prior.referencePaid("lyg-2021/2", ReferenceCheckKey.parse("G2"))).isEmpty();
    assertThat(prior.claimPaid("C-2")).isEmpty();
    assertThat(prior.claimPaid("C-1")).map(PriorPayment::runId).contains("2025Q1-B");

    List<RunRecord> runs = ledger.runs();
    assertThat(runs).extracting(RunRecord::runId).containsExactly("2025Q1-A", "2025Q1-B");
    assertThat(runs.get(0).replacedBy()).isEqualTo("2025Q1-B");
    assertThat(runs.get(0).active()).isFalse();
    assertThat(runs.get(1).replacesRunId()).isEqualTo("2025Q1-A");
    assertThat(runs.get(1).replacedBy()).isNull();
    assertThat(runs.get(1).totalPaid()).isEqualByComparingTo("10000.00");
    assertThat(runs.get(1).totalReversed()).isEqualByComparingTo("-30000.00");
    assertThat(runs.get(1).reversalCount()).isEqualTo(2);

    RunDetail detail = ledger.show("2025Q1-B").orElseThrow();
    RunDetail old = ledger.show("2025Q1-A").orElseThrow();
    assertThat(detail.entries())
        .extracting(LedgerEntry::kind)
        .containsExactly(EntryKind.REVERSAL, EntryKind.REVERSAL, EntryKind.PAYOUT);
    assertThat(detail.entries().subList(0, 2))
        .extracting(LedgerEntry::reversesSeq)
        .containsExactly(old.entries().get(0).seq(), old.entries().get(1).seq());
    assertThat(detail.entries().subList(0, 2))
        .extracting(e -> e.paid().toPlainString())
        .containsExactly("-10000.00", "-20000.00");
    assertThat(detail.entries().get(0).claimId()).isEqualTo("C-1");
    assertThat(detail.payouts()).hasSize(1);
    // the old run is still there, unchanged: history shows both
    assertThat(old.entries())
        .extracting(e -> e.paid().toPlainString())
        .containsExactly("10000.00", "20000.00");

    // replaced once only
    long rows = count("ledger_entries");
    assertThatThrownBy(() -> post(run("2025Q1-C", "2025Q1", "2025Q1-A", paid(0, b, MADRID, "1"))))
        .isInstanceOf(LedgerConflictException.class)
        .hasMessageContaining("already replaced by run 2025Q1-B");
    assertThat(count("ledger_entries")).isEqualTo(rows);

    // the replaced run's input no longer counts as posted; the new one's does
    assertThat(same(s -> s.findSameInput(wrong.period(), wrong.inputSha256()))).isEmpty();
    assertThat(same(s -> s.findSameInput(corrected.period(), corrected.inputSha256())))
        .map(RunRecord::runId)
        .contains("2025Q1-B");
    assertThat(ledger.claimsOfYear(2025))
        .extracting(LedgerEntry::runId)
        .containsExactly("2025Q1-B");
    assertThat(ledger.verify().ok()).isTrue();
  }

  @Test
  void aReplacementOfAReplacementCountsOnlyTheLatest() {
    Claim a = claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1"));
    post(run("R1", "2025Q1", paid(0, a, MADRID, "10000")));
    post(run("R2", "2025Q1", "R1", paid(0, a, MADRID, "20000")));
    post(run("R3", "2025Q1", "R2", paid(0, a, MADRID, "15000")));
    assertThat(prior(2025).paidInYear("E1", GROUP, 2025)).isEqualByComparingTo("15000.00");
    RunDetail r3 = ledger.show("R3").orElseThrow();
    // R3 reverses R2's payout only, not R2's reversal of R1
    assertThat(r3.entries())
        .extracting(e -> e.kind() + " " + e.paid().toPlainString())
        .containsExactly("REVERSAL -20000.00", "PAYOUT 15000.00");
    assertThat(ledger.runs()).extracting(RunRecord::replacedBy).containsExactly("R2", "R3", null);
  }

  @Test
  void replacingAnUnknownRunIsRefused() {
    assertThatThrownBy(
            () ->
                post(
                    run(
                        "R1",
                        "2025Q1",
                        "NOPE",
                        paid(
                            0,
                            claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1")),
                            MADRID,
                            "1"))))
        .isInstanceOf(LedgerConflictException.class)
        .hasMessageContaining("NOPE");
    assertThat(ledger.runs()).isEmpty();
  }

  // ---- the ledger's own last check

  @Test
  void postingWhatIsAlreadyPaidIsRefusedAndNothingIsWritten() throws SQLException {
    Claim a = claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1"));
    post(run("2025Q1-A", "2025Q1", paid(0, a, MADRID, "10000")));
    long entries = count("ledger_entries");

    // same claim id, computed without the ledger
    assertThatThrownBy(() -> post(run("2025Q2-A", "2025Q2", paid(0, a, MADRID, "10000"))))
        .isInstanceOfSatisfying(
            LedgerConflictException.class,
            e -> {
              assertThat(e.conflicts()).hasSize(2); // the claim id and its reference
              assertThat(e.message().en()).contains("C-1").contains("2025Q1-A");
              assertThat(e.message().zh()).contains("已核发");
            });
    // the same reference under another claim id
    Claim sameRef = claim("C-2", "E2", MADRID, d("2025-04-10"), List.of("G1"));
    assertThatThrownBy(() -> post(run("2025Q2-B", "2025Q2", paid(0, sameRef, MADRID, "10000"))))
        .isInstanceOf(LedgerConflictException.class)
        .hasMessageContaining("reference G1");
    // twice in one run
    Claim x = claim("C-3", "E3", MADRID, d("2025-04-10"), List.of("G9"));
    Claim y = claim("C-3", "E3", MADRID, d("2025-04-11"), List.of("G8"));
    assertThatThrownBy(
            () ->
                post(
                    run(
                        "2025Q2-C",
                        "2025Q2",
                        paid(0, x, MADRID, "100"),
                        paid(1, y, MADRID, "100"))))
        .isInstanceOf(LedgerConflictException.class)
        .hasMessageContaining(
            "claim id C-3 is paid twice in this run: 申报汇总 row 3 (C-3) and 申报汇总 row 4 (C-3)");
    // over the annual cap: 10,000 earlier + 25,000 now > 30,000
    Claim big = claim("C-4", "E1", MADRID, d("2025-05-10"), List.of("G4"));
    assertThatThrownBy(() -> post(run("2025Q2-D", "2025Q2", paid(0, big, MADRID, "25000"))))
        .isInstanceOf(LedgerConflictException.class)
        .hasMessageContaining("over the annual cap of 30000.00");
    // a status that disagrees with its amount
    Claim odd = claim("C-5", "E5", MADRID, d("2025-05-10"), List.of("G5"));
    PayoutLine capped = paid(0, odd, MADRID, "10");
    PayoutLine wrong =
        new PayoutLine(
            capped.row(),
            Status.CAPPED,
            MADRID,
            capped.computed(),
            capped.paid(),
            null,
            null,
            "",
            capped.explanation(),
            false,
            GROUP,
            List.of());
    assertThatThrownBy(() -> post(run("2025Q2-E", "2025Q2", wrong)))
        .isInstanceOf(LedgerConflictException.class)
        .hasMessageContaining("status capped with amount 10.00");
    // a run id used before
    assertThatThrownBy(() -> post(run("2025Q1-A", "2025Q2", paid(0, odd, MADRID, "10"))))
        .isInstanceOf(LedgerConflictException.class)
        .hasMessageContaining("already in the ledger");

    assertThat(count("ledger_entries")).isEqualTo(entries);
    assertThat(ledger.runs()).hasSize(1);
    assertThat(ledger.verify().ok()).isTrue();
  }

  // ---- append-only and the hash chain

  @Test
  void anAwardOncePerBudgetYearPaidEarlierInTheYearIsRefused() {
    // lyg-2021 12b (revision 2): once per agency per budget year, whatever the claim id
    Claim q1 = claim("A-1", "E7", YEARLY, d("2025-02-10"), List.of());
    post(run("2025Q1-A", "2025Q1", paid(0, q1, YEARLY, "30000")));

    Claim q2 = claim("A-2", "E7", YEARLY, d("2025-05-10"), List.of());
    assertThatThrownBy(() -> post(run("2025Q2-A", "2025Q2", paid(0, q2, YEARLY, "30000"))))
        .isInstanceOfSatisfying(
            LedgerConflictException.class,
            e -> {
              assertThat(e.conflicts()).hasSize(1);
              assertThat(e.message().en())
                  .contains("the yearly award lyg-2021/12b for 2025 was already paid")
                  .contains("2025Q1-A");
              assertThat(e.message().zh()).contains("年度奖励lyg-2021/12b（2025年度）已核发");
            });
    Claim other = claim("A-4", "E8", YEARLY, d("2025-05-11"), List.of());
    Claim otherAgain = claim("A-5", "E8", YEARLY, d("2025-05-12"), List.of());
    assertThatThrownBy(
            () ->
                post(
                    run(
                        "2025Q2-B",
                        "2025Q2",
                        paid(0, other, YEARLY, "30000"),
                        paid(1, otherAgain, YEARLY, "30000"))))
        .isInstanceOf(LedgerConflictException.class)
        .hasMessageContaining("the yearly award lyg-2021/12b for 2025 is paid twice in this run");
    // another agency in 2025, and the same agency in the next budget year, are paid
    post(run("2025Q2-C", "2025Q2", paid(0, other, YEARLY, "30000")));
    Claim next = claim("A-6", "E7", YEARLY, d("2026-02-10"), List.of());
    post(run("2026Q1-A", "2026Q1", paid(0, next, YEARLY, "30000")));
    assertThat(ledger.runs())
        .extracting(RunRecord::runId)
        .containsExactly("2025Q1-A", "2025Q2-C", "2026Q1-A");
  }

  @Test
  void updatesAndDeletesAreRefusedByTheDatabase() {
    post(
        run(
            "2025Q1-A",
            "2025Q1",
            paid(0, claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1")), MADRID, "10000")));
    for (String table : Store.TABLES) {
      assertThatThrownBy(() -> sql("DELETE FROM " + table))
          .as(table)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    assertThatThrownBy(() -> sql("UPDATE ledger_entries SET paid = '1.00'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("UPDATE ledger_runs SET operator = 'x'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("UPDATE ledger_documents SET content = 'x'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("UPDATE ledger_entry_refs SET ref_key = 'x'"))
        .hasMessageContaining("append-only");
    assertThat(ledger.verify().ok()).isTrue();
    assertThat(ledger.verify().warnings()).isEmpty();
  }

  @Test
  void aKeyChangedOutsideTheToolIsToldAsALedgerFailureNamingItsRow() throws SQLException {
    Claim a = claim("C-1", "E1", ONE_TIME, d("2025-01-10"), List.of());
    post(run("2025Q1-A", "2025Q1", paid(0, a, ONE_TIME, "200000")));
    // the run header is seq 1, its one entry seq 2; "E1|lyg-2021/5a|" is no longer its stored form
    sql(
        dropTrigger("ledger_entries", "UPDATE"),
        "UPDATE ledger_entries SET one_time_key = 'E1|5a' WHERE seq = 2");
    for (Runnable reading : List.<Runnable>of(() -> ledger.verify(), () -> prior(2025))) {
      assertThatThrownBy(reading::run)
          .isExactlyInstanceOf(LedgerException.class)
          .satisfies(
              e -> {
                LedgerException le = (LedgerException) e;
                assertThat(le.message().en())
                    .contains("cannot read, in ledger_entries at seq 2")
                    .contains("not a one-time key: E1|5a")
                    .contains("changed outside this tool");
                assertThat(le.message().zh()).contains("ledger_entries 表 seq 2 的记录无法读取");
              });
    }
  }

  @Test
  void verifyNamesTheFirstEntryChangedBehindTheToolsBack() throws SQLException {
    Claim a = claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1"));
    Claim b = claim("C-2", "E1", MADRID, d("2025-02-01"), List.of("G2"));
    post(run("2025Q1-A", "2025Q1", paid(0, a, MADRID, "10000"), paid(1, b, MADRID, "10000")));
    post(
        run(
            "2025Q2-A",
            "2025Q2",
            paid(0, claim("C-3", "E2", MADRID, d("2025-04-01"), List.of("G3")), MADRID, "5000")));
    VerifyResult good = ledger.verify();
    assertThat(good.ok()).isTrue();
    assertThat(good.runs()).isEqualTo(2);
    assertThat(good.entries()).isEqualTo(3);
    assertThat(good.headSeq()).isEqualTo(5);
    assertThat(good.headHash()).hasSize(64);

    // an attacker drops the trigger and lowers what the ledger says was paid for C-2 (seq 3)
    sql(
        dropTrigger("ledger_entries", "UPDATE"),
        "UPDATE ledger_entries SET paid = '1.00' WHERE seq = 3");
    VerifyResult bad = ledger.verify();
    assertThat(bad.ok()).isFalse();
    VerifyResult.Break first = bad.firstBreak().orElseThrow();
    assertThat(first.seq()).isEqualTo(3);
    assertThat(first.table()).isEqualTo("ledger_entries");
    assertThat(first.runId()).isEqualTo("2025Q1-A");
    assertThat(first.claimId()).isEqualTo("C-2");
    assertThat(first.describeEn()).contains("row 3").contains("changed after posting");
    assertThat(bad.breaks()).hasSize(1);
    assertThat(bad.warnings()).singleElement().asString().contains("ledger_entries");

    // and nothing more is posted to it
    long runs = count("ledger_runs");
    assertThatThrownBy(
            () ->
                post(
                    run(
                        "2025Q3-A",
                        "2025Q3",
                        paid(
                            0,
                            claim("C-9", "E9", MADRID, d("2025-07-01"), List.of("G9")),
                            MADRID,
                            "1"))))
        .isInstanceOfSatisfying(
            LedgerIntegrityException.class,
            e -> {
              assertThat(e.result().firstBreak().orElseThrow().seq()).isEqualTo(3);
              assertThat(e.message().en()).contains(Ledger.mask(url)).contains("row 3");
              assertThat(e.message().zh()).contains("第3条记录").contains("拒绝过账");
            });
    assertThat(count("ledger_runs")).isEqualTo(runs);
  }

  @Test
  void verifyFindsAChangedRunHeaderDocumentOrReference() throws SQLException {
    post(
        run(
            "2025Q1-A",
            "2025Q1",
            paid(0, claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1")), MADRID, "10000")));
    sql(
        dropTrigger("ledger_documents", "UPDATE"),
        "UPDATE ledger_documents SET content = 'id: forged' WHERE content LIKE 'city_share%'");
    VerifyResult v = ledger.verify();
    assertThat(v.firstBreak().orElseThrow().seq()).isEqualTo(1);
    assertThat(v.firstBreak().orElseThrow().describeEn()).contains("local-rules.yaml");

    String url2 = newUrl();
    try (Ledger other = Ledger.open(url2)) {
      other.withRunLock(
          WAIT,
          s ->
              s.post(
                  run(
                      "R",
                      "2025Q1",
                      paid(
                          0,
                          claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1")),
                          MADRID,
                          "10000"))));
      url = url2;
      sql(
          dropTrigger("ledger_entry_refs", "UPDATE"),
          "UPDATE ledger_entry_refs SET ref_key = 'G-other'");
      assertThat(other.verify().firstBreak().orElseThrow().seq()).isEqualTo(2);
      sql(dropTrigger("ledger_runs", "UPDATE"), "UPDATE ledger_runs SET operator = 'someone else'");
      assertThat(other.verify().firstBreak().orElseThrow().seq()).isEqualTo(1);
    }
  }

  @Test
  void verifyFindsEntriesRemovedFromTheEndOfTheLastRun() throws SQLException {
    Claim a = claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1"));
    Claim b = claim("C-2", "E1", MADRID, d("2025-02-01"), List.of("G2"));
    post(run("2025Q1-A", "2025Q1", paid(0, a, MADRID, "10000"), paid(1, b, MADRID, "10000")));
    sql(
        dropTrigger("ledger_entry_refs", "DELETE"),
        dropTrigger("ledger_entries", "DELETE"),
        "DELETE FROM ledger_entry_refs WHERE entry_seq = 3",
        "DELETE FROM ledger_entries WHERE seq = 3");
    VerifyResult v = ledger.verify();
    assertThat(v.ok()).isFalse();
    assertThat(v.firstBreak().orElseThrow().describeEn())
        .contains("header of run 2025Q1-A")
        .contains("entries were removed");
  }

  @Test
  void verifyFindsARowRemovedFromTheMiddle() throws SQLException {
    post(
        run(
            "R1",
            "2025Q1",
            paid(0, claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1")), MADRID, "10000")));
    post(
        run(
            "R2",
            "2025Q2",
            paid(0, claim("C-2", "E1", MADRID, d("2025-04-10"), List.of("G2")), MADRID, "10000")));
    sql(
        dropTrigger("ledger_entry_refs", "DELETE"),
        dropTrigger("ledger_entries", "DELETE"),
        "DELETE FROM ledger_entry_refs WHERE entry_seq = 2",
        "DELETE FROM ledger_entries WHERE seq = 2");
    VerifyResult v = ledger.verify();
    assertThat(v.breaks())
        .extracting(VerifyResult.Break::seq)
        .contains(3L); // R2's header no longer follows its predecessor
  }

  @Test
  void anEmptyLedgerVerifies() {
    VerifyResult v = ledger.verify();
    assertThat(v.ok()).isTrue();
    assertThat(v.headSeq()).isZero();
    assertThat(v.headHash()).isEqualTo("0".repeat(64));
    assertThat(ledger.runs()).isEmpty();
  }

  /**
   * The same run gives the same chain on every database: the canonical text is built from values as
   * read back, with money at two decimals and dates in ISO form.
   */
  @Test
  void theHashChainIsTheSameOnEveryDatabase() {
    PostedRun p =
        post(
            run(
                "2025Q1-A",
                "2025Q1",
                paid(
                    0,
                    claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1")),
                    MADRID,
                    "10000")));
    assertThat(p.headHash()).isEqualTo(GOLDEN_HEAD);
    assertThat(ledger.verify().headHash()).isEqualTo(GOLDEN_HEAD);
  }

  static final String GOLDEN_HEAD =
      "f9c1a685f5c8de2381ac64b3bee35daa223128a0eb15efdfc048345e27c9a1f8";

  // ---- what is stored

  @Test
  void everyFieldOfAClaimRowRoundTrips() {
    Claim full =
        new Claim(
            "C-全-1",
            new Claim.Claimant(
                "91320700MA1XXXXX0A",
                "连云港“某某”科技\n有限公司",
                EntityType.UNIVERSITY,
                "海州区",
                d("2020-01-01")),
            new Claim.Matter(
                "lyg-2021/2a 马德里商标国际注册",
                d("2025-02-28"),
                3,
                Level.PROVINCIAL,
                List.of("G-1", "G-2")),
            new Claim.Figures(
                new BigDecimal("12345.678"),
                new BigDecimal("0.5"),
                new BigDecimal("1E+3"),
                new BigDecimal("999.99"),
                7L,
                -12L),
            "备注 with 'quotes', a \\ backslash and 100% 的文字");
    ClaimRow fullRow =
        new ClaimRow(4, new SourceLocation("claims Q1.xlsx", "申报汇总", 7), full, List.of());
    PayoutLine paidLine =
        new PayoutLine(
            fullRow,
            Status.PAID,
            MADRID,
            Money.of("30000"),
            Money.of("9999.99"),
            Money.of("5999.99"),
            Money.of("4000.00"),
            "连政发〔2021〕79号 第二条",
            Bilingual.of("按条款核发。", "paid."),
            false,
            GROUP,
            List.of());
    ClaimRow broken =
        new ClaimRow(
            5,
            new SourceLocation("claims Q1.xlsx", "申报汇总", 8),
            new Claim(
                "C-2",
                new Claim.Claimant("E2", null, null, "海州区", null),
                new Claim.Matter("2a", null, null, null, List.of()),
                new Claim.Figures(null, null, null, null, null, null),
                null),
            List.of(
                new CellProblem(
                    "申报汇总", 8, "事项日期 (G)", "2025-13-45", Bilingual.of("不是日期", "not a date")),
                new CellProblem("申报汇总", 8, "主体类型 (D)", "", Bilingual.of("必填", "required"))));
    PayoutLine badLine =
        new PayoutLine(
            broken,
            Status.REJECTED,
            null,
            null,
            Money.ZERO,
            null,
            null,
            "",
            Bilingual.of("数据有误。", "invalid data."),
            true,
            null,
            List.of());
    ClaimRow empty = new ClaimRow(6, null, null, List.of());
    PayoutLine emptyLine =
        new PayoutLine(
            empty,
            Status.REJECTED,
            null,
            null,
            Money.ZERO,
            null,
            null,
            null,
            null,
            true,
            null,
            List.of());
    CapUsage usage =
        new CapUsage(
            "91320700MA1XXXXX0A",
            "某某",
            2025,
            GROUP,
            Money.of(30000),
            Money.of(20000),
            Money.of("9999.99"),
            Money.of("0.01"));
    RunToPost r =
        new RunToPost(
            "2025Q1-A",
            new Period(2025, 1),
            "/data/claims Q1.xlsx",
            StoredDocument.sha256("input"),
            "张三",
            "0.1.0",
            Instant.parse("2025-03-31T16:30:00.123456Z"),
            Fixtures.documents(),
            null,
            Fixtures.result(
                new Period(2025, 1), List.of(paidLine, badLine, emptyLine), List.of(usage)));
    post(r);

    RunDetail detail = ledger.show("2025Q1-A").orElseThrow();
    List<LedgerEntry> es = detail.entries();
    assertThat(es).hasSize(3);
    LedgerEntry e = es.get(0);
    Claim expected =
        new Claim(
            full.claimId(),
            new Claim.Claimant(
                full.entityId(),
                full.entityName(),
                full.entityType(),
                full.district(),
                full.establishedDate()),
            new Claim.Matter(
                full.clause(), full.eventDate(), full.quantity(), full.level(), full.references()),
            new Claim.Figures(
                new BigDecimal("12345.678"),
                new BigDecimal("0.5"),
                new BigDecimal("1000"),
                new BigDecimal("999.99"),
                7L,
                -12L),
            full.note());
    assertThat(e.row()).isEqualTo(new ClaimRow(4, fullRow.location(), expected, List.of()));
    assertThat(e.clauseCode()).isEqualTo("lyg-2021/2a");
    assertThat(e.clauseName()).isEqualTo("马德里商标国际注册");
    assertThat(e.status()).isEqualTo(Status.PAID);
    assertThat(e.computed()).isEqualTo(new BigDecimal("30000.00"));
    assertThat(e.paid()).isEqualTo(new BigDecimal("9999.99"));
    assertThat(e.cityShare()).isEqualTo(new BigDecimal("5999.99"));
    assertThat(e.districtShare()).isEqualTo(new BigDecimal("4000.00"));
    assertThat(e.citation()).isEqualTo("连政发〔2021〕79号 第二条");
    assertThat(e.explanation()).isEqualTo(Bilingual.of("按条款核发。", "paid."));
    assertThat(e.annualGroup()).isEqualTo(GROUP);
    assertThat(e.lifetimeGroup()).isNull();
    assertThat(e.oneTimeKey()).isNull();
    assertThat(e.referenceKeys())
        .containsExactly(
            new ReferenceKey("lyg-2021/2", ReferenceCheckKey.parse("G-1")),
            new ReferenceKey("lyg-2021/2", ReferenceCheckKey.parse("G-2")));
    assertThat(e.period()).isEqualTo(new Period(2025, 1));
    assertThat(e.kind()).isEqualTo(EntryKind.PAYOUT);
    assertThat(e.badData()).isFalse();

    LedgerEntry bad = es.get(1);
    assertThat(bad.row()).isEqualTo(broken);
    assertThat(bad.badData()).isTrue();
    assertThat(bad.clauseCode()).isNull();
    assertThat(bad.computed()).isNull();
    assertThat(es.get(2).row()).isEqualTo(empty);
    assertThat(es.get(2).explanation()).isNull();

    RunRecord run = detail.run();
    assertThat(run.postedAt()).isEqualTo(Instant.parse("2025-03-31T16:30:00.123Z"));
    assertThat(run.paidOn()).isEqualTo(d("2025-04-01")); // China Standard Time
    assertThat(run.operator()).isEqualTo("张三");
    assertThat(run.inputFile()).isEqualTo("/data/claims Q1.xlsx");
    assertThat(run.inputSha256()).isEqualTo(StoredDocument.sha256("input"));
    assertThat(run.toolVersion()).isEqualTo("0.1.0");
    assertThat(run.lineCount()).isEqualTo(3);
    assertThat(run.paidCount()).isEqualTo(1);
    assertThat(run.rejectedCount()).isEqualTo(2);
    assertThat(run.cappedCount()).isZero();
    assertThat(run.reviewCount()).isZero();
    assertThat(run.totalPaid()).isEqualTo(new BigDecimal("9999.99"));
    assertThat(run.totalCityShare()).isEqualTo(new BigDecimal("5999.99"));
    assertThat(run.totalDistrictShare()).isEqualTo(new BigDecimal("4000.00"));
    assertThat(run.totalReversed()).isEqualTo(new BigDecimal("0.00"));
    assertThat(detail.capUsages())
        .containsExactly(
            new CapUsage(
                "91320700MA1XXXXX0A",
                "某某",
                2025,
                GROUP,
                new BigDecimal("30000.00"),
                new BigDecimal("20000.00"),
                new BigDecimal("9999.99"),
                new BigDecimal("0.01")));
    assertThat(detail.documents()).isEqualTo(Fixtures.documents());
    assertThat(ledger.verify().ok()).isTrue();
  }

  @Test
  void documentsAreStoredOncePerHashAndReturnedPerRun() throws SQLException {
    post(
        run(
            "R1",
            "2025Q1",
            paid(0, claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1")), MADRID, "10")));
    post(
        run(
            "R2",
            "2025Q2",
            paid(0, claim("C-2", "E1", MADRID, d("2025-04-10"), List.of("G2")), MADRID, "10")));
    assertThat(ledger.documents("R1")).isEqualTo(Fixtures.documents());
    assertThat(ledger.documents("R2")).isEqualTo(Fixtures.documents());
    assertThat(ledger.documents("R2").get(0).text()).isEqualTo("id: lyg-2021\n条款: 2a\n");
    assertThat(count("ledger_documents")).isEqualTo(2);
    assertThat(count("ledger_run_documents")).isEqualTo(4);
    assertThat(ledger.documents("NOPE")).isEmpty();
    assertThat(ledger.show("NOPE")).isEmpty();
  }

  @Test
  void claimsOfAYearComeInTheOrderTheyWereComputed() {
    Claim late = claim("C-late", "E1", MADRID, d("2025-03-20"), List.of("G1"));
    Claim early = claim("C-early", "E2", MADRID, d("2025-01-05"), List.of("G2"));
    Claim q2 = claim("C-q2", "E3", MADRID, d("2025-04-05"), List.of("G3"));
    Claim second = claim("C-second-run", "E4", MADRID, d("2025-01-01"), List.of("G4"));
    Claim lastYear = claim("C-2024", "E5", MADRID, d("2024-12-01"), List.of("G5"));
    Claim noDate = claim("C-nodate", "E6", MADRID, null, List.of("G6"));
    post(run("2024Q4-A", "2024Q4", paid(0, lastYear, MADRID, "10")));
    post(run("2025Q2-A", "2025Q2", paid(0, q2, MADRID, "10")));
    post(
        run(
            "2025Q1-A",
            "2025Q1",
            line(0, noDate, MADRID, Status.REJECTED, "0"),
            paid(1, late, MADRID, "10"),
            paid(2, early, MADRID, "10")));
    post(run("2025Q1-B", "2025Q1", paid(0, second, MADRID, "10")));
    assertThat(ledger.claimsOfYear(2025))
        .extracting(LedgerEntry::claimId)
        .containsExactly("C-early", "C-late", "C-nodate", "C-second-run", "C-q2");
    assertThat(ledger.claimsOfYear(2024))
        .extracting(LedgerEntry::claimId)
        .containsExactly("C-2024");
    assertThat(ledger.claimsOfYear(2023)).isEmpty();
  }

  // ---- transactions and the run lock

  @Test
  void aFailureInsideTheLockedWorkRollsEverythingBack() throws Exception {
    post(
        run(
            "R1",
            "2025Q1",
            paid(0, claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1")), MADRID, "10")));
    long[] before = {
      count("ledger_runs"),
      count("ledger_entries"),
      count("ledger_entry_refs"),
      count("ledger_documents"),
      count("ledger_run_documents")
    };
    RunToPost r2 =
        run(
            "R2",
            "2025Q2",
            "R1",
            paid(0, claim("C-2", "E1", MADRID, d("2025-04-10"), List.of("G2")), MADRID, "10"));

    assertThatThrownBy(
            () ->
                ledger.withRunLock(
                    WAIT,
                    s -> {
                      s.post(r2);
                      throw new IllegalStateException("report could not be written");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("report could not be written");
    assertThatThrownBy(
            () ->
                ledger.withRunLock(
                    WAIT,
                    s -> {
                      s.post(r2);
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(IOException.class);

    long[] after = {
      count("ledger_runs"),
      count("ledger_entries"),
      count("ledger_entry_refs"),
      count("ledger_documents"),
      count("ledger_run_documents")
    };
    assertThat(after).containsExactly(before);
    assertThat(ledger.runs()).extracting(RunRecord::runId).containsExactly("R1");
    assertThat(ledger.verify().ok()).isTrue();
    // and the lock was released
    assertThat(post(r2).run().runId()).isEqualTo("R2");
  }

  @Test
  void aSessionCannotBeUsedAfterItsLockedWork() {
    Ledger.Session s = ledger.withRunLock(WAIT, x -> x);
    assertThatThrownBy(() -> s.prior(2025)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSecondRunWaitsABoundedTimeThenIsRefused() throws Exception {
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Ledger second = Ledger.open(url)) {
      Future<PostedRun> first =
          pool.submit(
              () ->
                  ledger.withRunLock(
                      WAIT,
                      s -> {
                        PostedRun p =
                            s.post(
                                run(
                                    "R1",
                                    "2025Q1",
                                    paid(
                                        0,
                                        claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1")),
                                        MADRID,
                                        "10")));
                        locked.countDown();
                        release.await(30, TimeUnit.SECONDS);
                        return p;
                      }));
      assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
      long start = System.nanoTime();
      assertThatThrownBy(() -> second.withRunLock(Duration.ofMillis(700), s -> s.prior(2025)))
          .isInstanceOfSatisfying(
              LedgerLockedException.class,
              e -> {
                assertThat(e.waited()).isEqualTo(Duration.ofMillis(700));
                assertThat(e.message().en())
                    .contains(Ledger.mask(url))
                    .contains("in use by another run");
                assertThat(e.message().zh()).contains("正被另一次运行占用");
              });
      long waitedMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(waitedMs).isBetween(600L, 10_000L);
      release.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS).run().runId()).isEqualTo("R1");
      // once released, the second gets it and sees what the first posted
      Optional<PriorPayment> seen = second.withRunLock(WAIT, s -> s.prior(2025).claimPaid("C-1"));
      assertThat(seen).isPresent();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void twoRunsAtOnceNeverBothPost() throws Exception {
    Claim same = claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1"));
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (String id : List.of("R-a", "R-b")) {
        results.add(
            pool.submit(
                () -> {
                  try (Ledger mine = Ledger.open(url)) {
                    start.await(30, TimeUnit.SECONDS);
                    return mine.withRunLock(
                        Duration.ofMillis(500),
                        s -> {
                          boolean seen = s.prior(2025).claimPaid("C-1").isPresent();
                          if (!seen) {
                            s.post(run(id, "2025Q1", paid(0, same, MADRID, "10000")));
                          }
                          Thread.sleep(2000); // the rest of a long calc, lock held
                          return "posted";
                        });
                  } catch (LedgerLockedException e) {
                    return "locked";
                  }
                }));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(outcomes).containsExactlyInAnyOrder("posted", "locked");
    } finally {
      pool.shutdownNow();
    }
    assertThat(ledger.runs()).hasSize(1);
    assertThat(prior(2025).paidInYear("E1", GROUP, 2025)).isEqualByComparingTo("10000.00");
  }

  @Test
  void anotherProcessHoldingTheLockKeepsThisOneOut() throws Exception {
    Process child = startLockHolder(30_000, 4_000, "CHILD-1");
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      String l;
      while ((l = out.readLine()) != null && !l.equals("LOCKED")) {
        lines.add(l);
      }
      assertThat(l).as("child output: %s", lines).isEqualTo("LOCKED");
      assertThatThrownBy(() -> ledger.withRunLock(Duration.ofMillis(800), s -> s.prior(2025)))
          .isInstanceOf(LedgerLockedException.class);
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isZero();
    } finally {
      child.destroyForcibly();
    }
    assertThat(ledger.runs()).extracting(RunRecord::runId).containsExactly("CHILD-1");
  }

  @Test
  void anotherProcessWaitsThenExitsFourWhileThisOneHoldsTheLock() throws Exception {
    String output =
        ledger.withRunLock(
            WAIT,
            s -> {
              s.post(
                  run(
                      "R1",
                      "2025Q1",
                      paid(
                          0,
                          claim("C-1", "E1", MADRID, d("2025-01-10"), List.of("G1")),
                          MADRID,
                          "10")));
              Process child = startLockHolder(1_000, 0, "CHILD-2");
              try {
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String text =
                    new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(child.exitValue()).as(text).isEqualTo(4);
                return text;
              } finally {
                child.destroyForcibly();
              }
            });
    assertThat(output).contains("REFUSED").contains("in use by another run");
    assertThat(ledger.runs()).extracting(RunRecord::runId).containsExactly("R1");
  }

  Process startLockHolder(long waitMs, long holdMs, String runId) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "-Dipsubsidy.home=" + System.getProperty("ipsubsidy.home", "target/ipsubsidy-home"),
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            LockHolder.class.getName(),
            url,
            Long.toString(waitMs),
            Long.toString(holdMs),
            runId)
        .redirectErrorStream(true)
        .start();
  }
}
