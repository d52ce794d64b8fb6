package cn.ipsubsidy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.domain.Sha256;
import cn.ipsubsidy.engine.PayoutLine;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reused hasher hashes exactly the bytes of the chain's definition, {@code
 * SHA-256(UTF-8(prev_hash + "\n" + canonical))}, for texts of every kind: Chinese, characters
 * outside the BMP, lone surrogates (which String.getBytes writes as '?'), texts longer than its
 * buffers, and one entry after another through the same instance.
 */
class ChainHasherTest {
  private static final String[] PIECES = {
    "连云港市", "ZL202110001234.5", "\uD83D\uDE00", "\uD800", "\uDC00x", "a\nb:3:c", "", "¥1,234.56"
  };

  @Test
  void theHashIsTheDefinitionsForEveryKindOfText() throws Exception {
    ChainHasher hasher = new ChainHasher();
    Random random = new Random(15);
    String prev = Canonical.GENESIS;
    for (int i = 0; i < 300; i++) {
      LedgerEntry e = entry(i + 1, prev, note(random, i));
      String expected = Sha256.of(prev + "\n" + Canonical.entry(e));
      String actual = hasher.entry(prev, e);
      assertThat(actual).as("entry %d", i).isEqualTo(expected);
      prev = actual;
    }
  }

  private static LedgerEntry entry(long seq, String prev, String text) {
    Claim claim =
        new Claim(
            "C-" + seq,
            new Claim.Claimant("E1", text, EntityType.ENTERPRISE, "海州区", null),
            new Claim.Matter(
                Fixtures.MADRID.code().toString(), LocalDate.of(2025, 3, 1), 1, null, List.of()),
            new Claim.Figures(null, null, null, null, null, null),
            text);
    PayoutLine line = Fixtures.paid((int) seq, claim, Fixtures.MADRID, "1000.00");
    return Entries.payout("2025Q1-run", Period.parse("2025Q1").orElseThrow(), line)
        .withChain(new ChainLink(seq, prev, null));
  }

  private static String note(Random random, int i) {
    StringBuilder sb = new StringBuilder();
    int pieces = i % 50 == 0 ? 3_000 : random.nextInt(12); // some beyond the 4,096-unit buffers
    for (int p = 0; p < pieces; p++) {
      sb.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }
}
