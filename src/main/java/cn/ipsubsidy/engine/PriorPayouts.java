package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.policy.ClauseCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What earlier runs already paid, as the caps and the exactly-once checks need it. The ledger
 * implements this; a run without a ledger uses {@link #NONE}. Keys are the same strings the engine
 * builds (see {@link CapKeys}).
 */
public interface PriorPayouts {

  /** Paid to {@code entityId} under annual cap {@code group} in budget {@code year}. */
  BigDecimal paidInYear(String entityId, String group, int year);

  /** The runs that contributed to {@link #paidInYear}, for the explanation. */
  default List<String> runsInYear(String entityId, String group, int year) {
    return List.of();
  }

  /** Paid in all years under lifetime cap {@code group} for {@code projectKey}. */
  BigDecimal paidLifetime(String group, String projectKey);

  /** A payment of the reference key under the duplicate group, if any. */
  default Optional<PriorPayment> referencePaid(String group, String referenceKey) {
    return referencePaid(group, referenceKey, null);
  }

  /**
   * A payment of the reference key for a clause that contains the lower award {@code lowerClause}
   * ({@code ReferenceRule#upgrades}; null for none): a payment under another clause where there is
   * one, the lower award's only when it alone was paid. A reference paid under the lower award and
   * under the higher one that counted it (wx-2020 4a and 4b) is held by both, in whatever order
   * they were posted; a later claim is then a duplicate, not an upgrade.
   */
  Optional<PriorPayment> referencePaid(String group, String referenceKey, String lowerClause);

  /**
   * A one-time award already paid to the entity under the clause at the level, where the level is
   * {@link CapKeys#oneTimeLevel}: the claim's level for a clause that pays by level, else null.
   */
  Optional<PriorPayment> oneTimePaid(String entityId, ClauseCode clause, Level level);

  /** A payment already posted for this claim id, if any. */
  Optional<PriorPayment> claimPaid(String claimId);

  /**
   * The one-time award held under a key built by {@link CapKeys#oneTime(String, ClauseCode, Level,
   * String)} (with a reference: lyg-2021 5a, revision 2).
   */
  default Optional<PriorPayment> oneTimePaid(String oneTimeKey) {
    return Optional.empty();
  }

  /**
   * The award an entity was paid under {@code clause} in budget year {@code year}, if any: clauses
   * paid once per budget year (lyg-2021 12b, 12c; revision 2) ask it of every earlier payment.
   */
  default Optional<PriorPayment> paidForClauseInYear(String entityId, String clause, int year) {
    return Optional.empty();
  }

  PriorPayouts NONE =
      new PriorPayouts() {
        @Override
        public BigDecimal paidInYear(String entityId, String group, int year) {
          return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal paidLifetime(String group, String projectKey) {
          return BigDecimal.ZERO;
        }

        @Override
        public Optional<PriorPayment> referencePaid(
            String group, String referenceKey, String lowerClause) {
          return Optional.empty();
        }

        @Override
        public Optional<PriorPayment> oneTimePaid(String entityId, ClauseCode clause, Level level) {
          return Optional.empty();
        }

        @Override
        public Optional<PriorPayment> claimPaid(String claimId) {
          return Optional.empty();
        }
      };
}
