/**
 * The payout ledger (issue 3): what every posted run paid, so caps, duplicate references, one-time
 * awards and claim ids count across quarters and years, and nothing is paid twice.
 *
 * <h2>Storage</h2>
 *
 * A SQLite file by default ({@code ~/.ipsubsidy/ledger.db}, created rw-------), or a PostgreSQL
 * database shared by several clerks and the cron host; the same code and the same tests run on
 * both. The schema is created and upgraded by Flyway on first use ({@code db/migration/common},
 * then {@code db/migration/sqlite} or {@code db/migration/postgresql}); history is kept in {@code
 * ledger_schema_history}.
 *
 * <ul>
 *   <li>{@code ledger_runs}: one header row per posted run: period, input file and SHA-256,
 *       operator, tool version, posted at, the run it replaces, counts and totals.
 *   <li>{@code ledger_entries}: one row per claim row of a run (every status), with every field of
 *       the claim as read, the clause applied, the amounts, and the keys it counts under (annual
 *       group, lifetime group and project, one-time key); reversal rows negate the payouts of a
 *       replaced run.
 *   <li>{@code ledger_entry_refs}: the duplicate-check reference keys of each entry, indexed.
 *   <li>{@code ledger_documents} (content-addressed by SHA-256) and {@code ledger_run_documents}:
 *       the policy YAML and local rules texts each run was computed under.
 *   <li>{@code ledger_cap_usages}: the 主体 rows each run computed, for {@code report RUN}.
 * </ul>
 *
 * Money is TEXT with two decimals on SQLite and NUMERIC(18,2) on PostgreSQL; never floating point,
 * and sums are made in Java with BigDecimal.
 *
 * <h2>Append-only, exactly once</h2>
 *
 * The code only ever INSERTs; triggers on every ledger table refuse UPDATE and DELETE (and TRUNCATE
 * on PostgreSQL). A replaced run stays as it was: the replacing run posts reversal entries for its
 * payouts, and "replaced by" is derived from the replacing run's {@code replaces_run_id}. What
 * counts as paid is a PAID payout entry of at least 0.01 in an active (not replaced) run.
 *
 * <h2>Hash chain</h2>
 *
 * One chain over run headers and entries together, ordered by {@code seq} (one sequence for both
 * tables): a run's header, then its reversals, then its payouts. Each row stores {@code prev_hash}
 * and {@code hash = SHA-256(prev_hash + "\n" + canonical text)}, the first row chaining to 64
 * zeros. The canonical text (see {@code Canonical}) covers every column of the row, and for a
 * header also its documents' SHA-256s and its cap usages, for an entry its reference keys; it is
 * built from the values as read back, so it is the same on both databases. {@link
 * cn.ipsubsidy.ledger.Ledger#verify()} recomputes every hash, checks each link and each run's
 * declared entry counts, and names the first row that does not match. Removing whole runs from the
 * end cannot be seen from the chain alone: note the head hash ({@link
 * cn.ipsubsidy.ledger.VerifyResult#headHash()}) somewhere else, e.g. on the printed payout list.
 *
 * <h2>Run lock</h2>
 *
 * {@link cn.ipsubsidy.ledger.Ledger#withRunLock} holds the lock for the whole read-compute-post, in
 * one transaction, and verifies the chain before anything else. SQLite: {@code BEGIN IMMEDIATE}
 * with {@code busy_timeout} set to the wait. PostgreSQL: {@code pg_try_advisory_xact_lock(key
 * 0x49505342)} polled until the wait ends; the lock goes with the transaction, also when the
 * connection drops.
 */
package cn.ipsubsidy.ledger;
