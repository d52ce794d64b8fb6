package cn.ipsubsidy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.Period;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerUrlTest {
  @Test
  void passwordsAreMasked() {
    assertThat(
            Ledger.mask("jdbc:postgresql://db.example/ledger?user=clerk&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db.example/ledger?user=clerk&password=***&ssl=true");
    assertThat(Ledger.mask("jdbc:postgresql://clerk:s3cret@db.example/ledger"))
        .isEqualTo("jdbc:postgresql://clerk:***@db.example/ledger");
    assertThat(Ledger.mask("jdbc:sqlite:/home/clerk/.ipsubsidy/ledger.db"))
        .isEqualTo("jdbc:sqlite:/home/clerk/.ipsubsidy/ledger.db");
  }

  @Test
  void sqlitePaths() {
    assertThat(LedgerLocation.sqlitePath("jdbc:sqlite:/a/b.db")).isEqualTo("/a/b.db");
    assertThat(LedgerLocation.sqlitePath("jdbc:sqlite:/a/b.db?open_mode=1")).isEqualTo("/a/b.db");
    assertThat(LedgerLocation.sqlitePath("jdbc:sqlite:file:/a/b.db")).isEqualTo("/a/b.db");
    assertThat(LedgerLocation.sqlitePath("jdbc:sqlite::memory:")).isNull();
    assertThat(LedgerLocation.sqlitePath("jdbc:sqlite:")).isNull();
    assertThat(LedgerLocation.sqlitePath("jdbc:sqlite:file:x?mode=memory")).isNull();
  }

  @Test
  void runIdsNameThePeriodAndTheLocalTime() {
    assertThat(Ledger.newRunId(new Period(2025, 1), Instant.parse("2025-04-05T02:15:30Z")))
        .matches("2025Q1-20250405-101530-[0-9a-f]{4}");
  }
}
