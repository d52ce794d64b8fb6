package cn.ipsubsidy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.domain.ReferenceNumber;
import cn.ipsubsidy.policy.PolicyLoader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Clause catalog revision 2, "one number, however it is written": for any claim set and any
 * respelling of its references (case, width, spaces, patent prefix and dot), the payouts are the
 * same, and no reference is paid twice across any split into periods.
 */
class RespellingPropertiesTest {
  private static final SubsidyEngine ENGINE = new SubsidyEngine(PolicyLoader.bundled());

  /** Patent numbers with their right check characters, and other references. */
  private static final List<String> PATENTS =
      List.of("ZL202310000001.5", "ZL202420000034.X", "ZL201510000001.0", "ZL200410012345.7");

  private static final List<String> OTHERS = List.of("TM-WK-2001", "GI-2025-07", "ab-12 c");

  /** Clauses counted per patent, and clauses whose references are compared as written. */
  private static final List<String> PATENT_CLAUSES = List.of("wx-2020/1a", "wx-2020/1b");

  private static final List<String> OTHER_CLAUSES = List.of("lyg-2021/2b", "lyg-2021/3a");

  record Spec(int clause, int ref, int entity, int spelling, int quarter) {}

  @Provide
  Arbitrary<List<Spec>> claims() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 1),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(0, 7),
            Arbitraries.integers().between(1, 4))
        .as(Spec::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(20);
  }

  private static boolean patent(Spec s) {
    return s.ref % 2 == 0;
  }

  private static String clause(Spec s) {
    return patent(s) ? PATENT_CLAUSES.get(s.clause) : OTHER_CLAUSES.get(s.clause);
  }

  private static String reference(Spec s) {
    return patent(s) ? PATENTS.get(s.ref / 2 + s.clause) : OTHERS.get(s.ref / 2 + s.clause);
  }

  /** One of eight ways a clerk may type the same number. */
  static String respell(String canonical, int how, boolean isPatent) {
    String digits = isPatent ? canonical.substring(2).replace(".", "") : canonical;
    return switch (how) {
      case 0 -> canonical;
      case 1 -> canonical.toLowerCase(java.util.Locale.ROOT);
      case 2 -> " " + String.join(" ", canonical.split("(?<=\\G.{4})")) + " ";
      case 3 -> fullWidth(canonical);
      case 4 -> isPatent ? "CN" + canonical.substring(2) : canonical.toLowerCase();
      case 5 -> isPatent ? canonical.substring(2) : "\u3000" + canonical;
      case 6 -> isPatent ? digits : fullWidth(canonical.toLowerCase());
      default -> isPatent ? "zl" + digits : canonical.replace("-", " - ");
    };
  }

  private static String fullWidth(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c > 0x20 && c < 0x7f ? (char) (c - 0x21 + 0xFF01) : c);
    }
    return b.toString();
  }

  private static TestClaims claim(Spec s, int index, boolean respelt) {
    String ref = reference(s);
    return TestClaims.claim(clause(s))
        .id("C" + index)
        .entity("E" + s.entity)
        .on("2025-02-10")
        .fees("6000")
        .refs(respelt ? respell(ref, s.spelling, patent(s)) : ref);
  }

  private static List<RunResult> byQuarter(List<Spec> specs, boolean respelt) {
    PaymentRegister prior = new PaymentRegister();
    List<RunResult> runs = new ArrayList<>();
    for (int q = 1; q <= 4; q++) {
      List<TestClaims> in = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        if (specs.get(i).quarter == q) {
          in.add(claim(specs.get(i), i, respelt));
        }
      }
      RunResult r =
          ENGINE.calculate(
              TestClaims.rows(in.toArray(TestClaims[]::new)),
              new SubsidyEngine.Options(new Period(2025, q), null),
              prior);
      for (PayoutLine l : r.lines()) {
        prior.record(l, 2025, "R" + q, LocalDate.of(2025, q * 3, 28));
      }
      runs.add(r);
    }
    return runs;
  }

  @Property(tries = 300)
  void respellingChangesNoPayoutAndNothingIsPaidTwice(@ForAll("claims") List<Spec> specs) {
    List<RunResult> asWritten = byQuarter(specs, false);
    List<RunResult> respelt = byQuarter(specs, true);
    Map<String, String> paidOnce = new HashMap<>();
    for (int q = 0; q < 4; q++) {
      List<PayoutLine> a = asWritten.get(q).lines();
      List<PayoutLine> b = respelt.get(q).lines();
      assertThat(b).hasSameSizeAs(a);
      for (int i = 0; i < a.size(); i++) {
        assertThat(b.get(i).status()).as(b.get(i).claimId()).isEqualTo(a.get(i).status());
        assertThat(b.get(i).paid()).as(b.get(i).claimId()).isEqualByComparingTo(a.get(i).paid());
        if (b.get(i).paid().signum() > 0) {
          var l = b.get(i);
          String form =
              l.clause().references().group()
                  + "|"
                  + ReferenceNumber.canonical(
                          l.row().claim().references().get(0), l.clause().references().perPatent())
                      .form();
          String before = paidOnce.put(form, l.claimId());
          assertThat(before).as(form + " paid twice: " + before + ", " + l.claimId()).isNull();
        }
      }
    }
  }
}
