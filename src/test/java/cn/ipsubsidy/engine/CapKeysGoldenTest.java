package cn.ipsubsidy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.policy.ClauseCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stored form of every key that caps and exactly-once checks count under. These strings are in
 * the ledger's columns (annual_group, one_time_key, the lifetime project, ledger_entry_refs) of
 * every run ever posted: a change of form would let a mark, a patent or a one-time award be paid
 * again in the next year without any test of amounts noticing. Change one only with a reading of
 * the old form beside it (as {@link ReferenceCheckKey#storedForms} reads keys posted before
 * revision 2), and pin both here. Each key type has one format ({@code stored()}) and one reading
 * ({@code parse}); every form found in the ledgers posted by earlier versions (under {@code
 * src/test/resources/ledger-fixtures}) reads back to the same text. A ledger posted by an earlier
 * version is checked by {@code EarlierLedgerTest}.
 */
class CapKeysGoldenTest {
  static final String E = "91320706MA10000017";

  @Test
  void annualCapKey() {
    assertThat(new AnnualCapKey(E, "lyg-2021/2a").stored())
        .isEqualTo("91320706MA10000017|lyg-2021/2a");
    assertThat(AnnualCapKey.parse("91320706MA10000017|lyg-2021/2a"))
        .isEqualTo(new AnnualCapKey(E, "lyg-2021/2a"));
  }

  @Test
  void oneTimeKeys() {
    assertThat(OneTimeKey.of(E, ClauseCode.of("lyg-2021/5a"), null).stored())
        .isEqualTo("91320706MA10000017|lyg-2021/5a|");
    assertThat(OneTimeKey.of(E, ClauseCode.of("lyg-2021/4a"), Level.NATIONAL).stored())
        .isEqualTo("91320706MA10000017|lyg-2021/4a|NATIONAL");
    // once per entity and reference (lyg-2021 5a, revision 2): the references appended
    assertThat(
            new OneTimeKey(E, ClauseCode.of("lyg-2021/5a"), null, List.of("ZX-1", "ZX-2")).stored())
        .isEqualTo("91320706MA10000017|lyg-2021/5a||ZX-1;ZX-2");
    assertThat(new OneTimeKey(E, ClauseCode.of("lyg-2021/5a"), null, null).stored())
        .isEqualTo(OneTimeKey.of(E, ClauseCode.of("lyg-2021/5a"), null).stored());
  }

  @Test
  void oneTimeKeysReadBackToTheirComponents() {
    assertThat(OneTimeKey.parse("12320722MB1000004W|lyg-2021/4a|PROVINCIAL"))
        .isEqualTo(
            OneTimeKey.of("12320722MB1000004W", ClauseCode.of("lyg-2021/4a"), Level.PROVINCIAL));
    assertThat(OneTimeKey.parse("91320706MA10000017|lyg-2021/5a||ZX-1;ZX-2"))
        .isEqualTo(new OneTimeKey(E, ClauseCode.of("lyg-2021/5a"), null, List.of("ZX-1", "ZX-2")));
    assertThat(OneTimeKey.parse(null)).isNull();
    // a text that is not a key as stored is refused, never read as another key
    assertThatThrownBy(() -> OneTimeKey.parse("E|lyg-2021/5a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OneTimeKey.parse("E|LYG-2021/5A|"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lifetimeProjectKeys() {
    assertThat(ProjectKey.institution("91320214MA1W000018").stored())
        .isEqualTo("institution:91320214MA1W000018");
    assertThat(ProjectKey.entity(E).stored()).isEqualTo("entity:" + E);
    assertThat(ProjectKey.references(List.of("P-1", "P-2")).stored()).isEqualTo("P-1;P-2");
    // a project posted before revision 2 as typed compares in the canonical form
    assertThat(ProjectKey.parse("p-1;ｐ－２").canonical().stored()).isEqualTo("P-1;P-2");
    assertThat(ProjectKey.parse("institution:91320214MA1W000018").canonical().stored())
        .isEqualTo("institution:91320214MA1W000018");
    assertThat(ProjectKey.parse("entity:" + E).canonical().stored()).isEqualTo("entity:" + E);
    assertThat(ProjectKey.parse("institution:91320214MA1W000018"))
        .isEqualTo(ProjectKey.institution("91320214MA1W000018"));
    assertThat(ProjectKey.parse("entity:" + E)).isEqualTo(ProjectKey.entity(E));
    assertThat(ProjectKey.parse("P-1;P-2").references()).containsExactly("P-1", "P-2");
    assertThat(ProjectKey.parse(null)).isNull();
  }

  @Test
  void referenceKeys() {
    assertThat(ReferenceCheckKey.of("ZL202420000034.X", null).stored())
        .isEqualTo("ZL202420000034.X");
    assertThat(ReferenceCheckKey.of("ZL202420000034.X", 2024L).stored())
        .isEqualTo("ZL202420000034.X#2024");
    assertThat(ReferenceCheckKey.entity(E).stored()).isEqualTo("entity:" + E);
    assertThat(ReferenceCheckKey.parse("tm - wk 2001").queryForm().stored()).isEqualTo("TM-WK2001");
    assertThat(ReferenceCheckKey.parse("entity:" + E).queryForm().stored())
        .isEqualTo("entity:" + E);
    assertThat(ReferenceCheckKey.parse("ZL201710000041.4#8"))
        .isEqualTo(new ReferenceCheckKey(null, "ZL201710000041.4", "8"));
    assertThat(ReferenceCheckKey.parse("entity:" + E)).isEqualTo(ReferenceCheckKey.entity(E));
    // "#" not followed by digits is part of the reference; a reference with "#digits" reads as
    // the same key however it was built
    assertThat(ReferenceCheckKey.parse("A#B").reference()).isEqualTo("A#B");
    assertThat(ReferenceCheckKey.of("A#1", null)).isEqualTo(ReferenceCheckKey.parse("A#1"));
  }

  @Test
  void referenceKeysPostedBeforeRevisionTwoAreHeldUnderEachFormTheyCanMean() {
    assertThat(stored(ReferenceCheckKey.parse("zl 2024 2000 0034.x").storedForms()))
        .containsExactly("ZL202420000034.X");
    // bare digits and check character: the general form, and the patent form with ZL and the dot
    assertThat(stored(ReferenceCheckKey.parse("202420000034X#2024").storedForms()))
        .containsExactly("202420000034X#2024", "ZL202420000034.X#2024");
    assertThat(stored(ReferenceCheckKey.parse("entity:" + E).storedForms()))
        .containsExactly("entity:" + E);
  }

  /**
   * Every one_time_key in the ledgers posted by earlier versions, and the new per-reference form.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "12320722MB1000004W|lyg-2021/4a|PROVINCIAL",
        "11320707MB1000005C|lyg-2021/4b|NATIONAL",
        "51320700MC1000008E|lyg-2021/5a|",
        "91320706MA10000017|lyg-2021/8a|",
        "91320703MA1000002Y|lyg-2021/8b|",
        "51320700MC1000008E|lyg-2021/11d|",
        "51320700MC1000008E|lyg-2021/11e|MUNICIPAL",
        "91320706MA1000003D|lyg-2021/12a|",
        "12320700MB10000067|lyg-2021/13a|",
        "12320706MB10000071|lyg-2021/13b|PROVINCIAL",
        "91320706MA10000017|lyg-2021/5a||ZX-1;ZX-2",
        "91320706MA10000017|lyg-2021/5a||ZX-1"
      })
  void storedOneTimeKeysReadBackToTheSameText(String stored) {
    assertThat(OneTimeKey.parse(stored).stored()).isEqualTo(stored);
    assertThat(OneTimeKey.parse(OneTimeKey.parse(stored).stored()))
        .isEqualTo(OneTimeKey.parse(stored));
  }

  /** Every project_key in the ledgers posted by earlier versions, and typed forms before rev. 2. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "P-1",
        "JJQ-001",
        "PT-01",
        "PT-02",
        "institution:91320211MA1000104K",
        "entity:91320706MA10000017",
        "p-1;ｐ－２",
        "P-1;P-2",
        ""
      })
  void storedProjectKeysReadBackToTheSameText(String stored) {
    assertThat(ProjectKey.parse(stored).stored()).isEqualTo(stored);
    assertThat(ProjectKey.parse(ProjectKey.parse(stored).stored()))
        .isEqualTo(ProjectKey.parse(stored));
  }

  /** Every ref_key in the ledgers posted by earlier versions, and typed forms before revision 2. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "TM-WK-2001",
        "GI-2025-07",
        "(2024)苏07民初123号",
        "(2024)苏07知民初45号",
        "ZL202310000001.5",
        "ZL202310000002.X",
        "ZL201710000041.4#8",
        "ZL201710000042.9#8",
        "US11223344B2",
        "G1234567",
        "CERT-2025-0101",
        "entity:91320706MA10000017",
        "zl 2024 2000 0034.x",
        "202420000034X#2024",
        "A#B",
        "A#007",
        "#1"
      })
  void storedReferenceKeysReadBackToTheSameText(String stored) {
    assertThat(ReferenceCheckKey.parse(stored).stored()).isEqualTo(stored);
    assertThat(ReferenceCheckKey.parse(ReferenceCheckKey.parse(stored).stored()))
        .isEqualTo(ReferenceCheckKey.parse(stored));
  }

  @Test
  void keysConcatenatedIntoATextReadAsStored() {
    assertThat("" + ProjectKey.institution("X")).isEqualTo("institution:X");
    assertThat("" + ReferenceCheckKey.of("G1", 3L)).isEqualTo("G1#3");
    assertThat("" + OneTimeKey.of(E, ClauseCode.of("lyg-2021/5a"), null))
        .isEqualTo("91320706MA10000017|lyg-2021/5a|");
    assertThat("" + new AnnualCapKey(E, "g")).isEqualTo("91320706MA10000017|g");
  }

  private static List<String> stored(List<ReferenceCheckKey> keys) {
    return keys.stream().map(ReferenceCheckKey::stored).toList();
  }
}
