package cn.ipsubsidy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.policy.ClauseCode;
import org.junit.jupiter.api.Test;

/**
 * The stored form of every key that caps and exactly-once checks count under. These strings are in
 * the ledger's columns (annual_group, one_time_key, the lifetime project, ledger_entry_refs) of
 * every run ever posted: a change of form would let a mark, a patent or a one-time award be paid
 * again in the next year without any test of amounts noticing. Change one only with a reading of
 * the old form beside it (as {@link CapKeys#storedReferenceForms} reads keys posted before revision
 * 2), and pin both here. A ledger posted by an earlier version is checked by {@code
 * EarlierLedgerTest}.
 */
class CapKeysGoldenTest {
  static final String E = "91320706MA10000017";

  @Test
  void annualCapKey() {
    assertThat(CapKeys.annual(E, "lyg-2021/2a")).isEqualTo("91320706MA10000017|lyg-2021/2a");
  }

  @Test
  void oneTimeKeys() {
    assertThat(CapKeys.oneTime(E, ClauseCode.of("lyg-2021/5a"), null))
        .isEqualTo("91320706MA10000017|lyg-2021/5a|");
    assertThat(CapKeys.oneTime(E, ClauseCode.of("lyg-2021/4a"), Level.NATIONAL))
        .isEqualTo("91320706MA10000017|lyg-2021/4a|NATIONAL");
    // once per entity and reference (lyg-2021 5a, revision 2): the references appended
    assertThat(CapKeys.oneTime(E, ClauseCode.of("lyg-2021/5a"), null, "ZX-1;ZX-2"))
        .isEqualTo("91320706MA10000017|lyg-2021/5a||ZX-1;ZX-2");
    assertThat(CapKeys.oneTime(E, ClauseCode.of("lyg-2021/5a"), null, null))
        .isEqualTo(CapKeys.oneTime(E, ClauseCode.of("lyg-2021/5a"), null));
  }

  @Test
  void lifetimeProjectKeys() {
    assertThat(CapKeys.institution("91320214MA1W000018"))
        .isEqualTo("institution:91320214MA1W000018");
    // a project posted before revision 2 as typed compares in the canonical form
    assertThat(CapKeys.canonicalProject("p-1;ｐ－２")).isEqualTo("P-1;P-2");
    assertThat(CapKeys.canonicalProject("institution:91320214MA1W000018"))
        .isEqualTo("institution:91320214MA1W000018");
    assertThat(CapKeys.canonicalProject("entity:" + E)).isEqualTo("entity:" + E);
  }

  @Test
  void referenceKeys() {
    assertThat(CapKeys.reference("ZL202420000034.X", null)).isEqualTo("ZL202420000034.X");
    assertThat(CapKeys.reference("ZL202420000034.X", 2024L)).isEqualTo("ZL202420000034.X#2024");
    assertThat(CapKeys.queryForm("tm - wk 2001")).isEqualTo("TM-WK2001");
    assertThat(CapKeys.queryForm("entity:" + E)).isEqualTo("entity:" + E);
  }

  @Test
  void referenceKeysPostedBeforeRevisionTwoAreHeldUnderEachFormTheyCanMean() {
    assertThat(CapKeys.storedReferenceForms("zl 2024 2000 0034.x"))
        .containsExactly("ZL202420000034.X");
    // bare digits and check character: the general form, and the patent form with ZL and the dot
    assertThat(CapKeys.storedReferenceForms("202420000034X#2024"))
        .containsExactly("202420000034X#2024", "ZL202420000034.X#2024");
    assertThat(CapKeys.storedReferenceForms("entity:" + E)).containsExactly("entity:" + E);
  }
}
