package cn.ipsubsidy.ledger;

/**
 * What {@link Ledger.Session#post} appended.
 *
 * @param run the run as recorded
 * @param firstSeq the chain position of the run's header row
 * @param lastSeq the chain position of its last entry (the new head)
 * @param headHash the hash of the new head: an auditor may note it to detect later truncation
 */
public record PostedRun(
    RunRecord run, long firstSeq, long lastSeq, String headHash, int payouts, int reversals) {}
