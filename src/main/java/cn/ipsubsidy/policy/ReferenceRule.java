package cn.ipsubsidy.policy;

/**
 * How a clause treats 凭证号.
 *
 * <ul>
 *   <li>{@code UNIQUE}: a reference (patent no., registration no., case no., certificate no.) is
 *       paid at most once per {@code group} across all periods; clauses sharing a group are
 *       exclusive for the same reference (wx-2020 4a/4b).
 *   <li>{@code UNIQUE_PER_METRIC}: as UNIQUE, but the key is the reference with the metric (wx-2020
 *       1c: the same patent is paid once per maintenance year).
 *   <li>{@code PROJECT}: the reference names a project or platform that may claim again (staged
 *       support); it keys the lifetime cap and is not a duplicate.
 * </ul>
 *
 * <p>{@code perPatent}: the clause counts per patent (lyg-2021 1a; wx-2020 1a to 1d), so its
 * references are compared in the Chinese patent form and their check characters are checked (clause
 * catalog revision 2; {@link cn.ipsubsidy.domain.ReferenceNumber}).
 *
 * <p>{@code upgrades}: the full code of a lower award in the same group that this one contains
 * (wx-2020 4b contains 4a for the same certificate, "从新、从优、从高"; revision 2): a reference that award
 * paid is not a duplicate here, and this clause pays the difference. Null elsewhere.
 */
public record ReferenceRule(
    Mode mode, String group, boolean entityWhenEmpty, boolean perPatent, String upgrades) {
  public ReferenceRule(Mode mode, String group, boolean entityWhenEmpty) {
    this(mode, group, entityWhenEmpty, false, null);
  }

  public ReferenceRule(Mode mode, String group, boolean entityWhenEmpty, boolean perPatent) {
    this(mode, group, entityWhenEmpty, perPatent, null);
  }

  public enum Mode {
    UNIQUE,
    UNIQUE_PER_METRIC,
    PROJECT
  }
}
