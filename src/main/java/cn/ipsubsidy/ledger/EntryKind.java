package cn.ipsubsidy.ledger;

/** What a ledger entry records. */
public enum EntryKind {
  /** A line a run computed, with every status (PAID, CAPPED, REVIEW, REJECTED). */
  PAYOUT,
  /**
   * The negation of a payout entry of a run that a later run replaced ({@code --replace RUN}): the
   * same claim, amounts negated, posted by the replacing run.
   */
  REVERSAL
}
