package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * What an eligible claim holds for the rest of the run once its line is not rejected (its one-time
 * award, its once-a-year award, its references: later rows with the same key are duplicates), and
 * what lower awards it contains were paid already for its references (wx-2020 4a under 4b).
 *
 * @param oneTimeKey the one-time key ({@link CapKeys#oneTimeKey}), or null
 * @param yearlyKey the key of a clause paid once per budget year, or null
 * @param referenceKeys each reference within its group
 * @param lowerAwards the payments of lower awards it contains, for its references, in their order
 */
record Holds(
    OneTimeKey oneTimeKey,
    YearlyKey yearlyKey,
    List<GroupedReference> referenceKeys,
    List<PriorPayment> lowerAwards) {
  static final Holds NOTHING = new Holds(null, null, List.of(), List.of());

  /** What the lower awards it contains paid; zero when none. */
  BigDecimal lowerPaid() {
    BigDecimal sum = Money.ZERO;
    for (PriorPayment p : lowerAwards) {
      sum = sum.add(p.amount());
    }
    return sum;
  }
}
