package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.Handoff;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.engine.LineTotals;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.Status;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

/**
 * Appends one run inside the locked transaction: its header, reversals of the replaced run's payout
 * entries when it replaces one, then one payout entry per line, each chained to the row before it
 * ({@link Chain}) and each line checked against what the ledger holds as paid and the rest of the
 * run ({@link PostCheck}). A conflict, or totals that do not match the lines, throws, and the
 * transaction is rolled back, so nothing of the run is kept. The entries are made, checked and
 * chained on a thread of their own while this one stores them ({@link Handoff}); the chain, the
 * check and the totals are read here only once that thread has ended.
 */
final class Posting {
  private final Store store;
  private final String masked;

  Posting(Store store, String masked) {
    this.store = store;
    this.masked = masked;
  }

  /** What the ledger holds as paid in a budget year, leaving out a run (or null). */
  @FunctionalInterface
  interface Prior {
    Snapshot of(int budgetYear, String excludeRunId) throws SQLException;
  }

  /**
   * Appends {@code r} after {@code head}, checked against {@code prior} without the run it
   * replaces.
   *
   * @throws LedgerConflictException see {@link Ledger.Session#post}
   */
  PostedRun post(RunToPost r, Store.Head head, Prior prior) throws SQLException {
    RunRecord replaced = replaced(r, store.runs());
    Snapshot paid = prior.of(r.period().year(), r.replacesRunId());
    // One pass over the lines: the header's counts and totals come from the totals the engine
    // kept while computing (a run's lines may be a million, read from disk: reading them twice
    // was a third of the posting). Each line is checked against the ledger and the run, chained
    // and appended.
    List<PayoutLine> lines = r.result().lines();
    List<LedgerEntry> reversed =
        replaced == null ? List.of() : store.payoutsOfRun(replaced.runId());
    Chain chain = new Chain(head);
    RunRecord header =
        chain.append(
            header(r, chain.nextSeq(), head.hash(), reversed),
            r.documents(),
            r.result().capUsages());
    store.insertRun(header, r.documents(), r.result().capUsages());
    PostCheck check = new PostCheck(paid);
    RunTotals appended = new RunTotals();
    // Made, checked and chained on a thread of their own while this one stores them (Handoff).
    try (Store.EntryWriter writer = store.new EntryWriter();
        Handoff<LedgerEntry> chained =
            Handoff.start(
                "ipsubsidy-chain",
                out -> {
                  for (LedgerEntry o : reversed) {
                    out.accept(chain.append(o.reversedBy(r.runId())));
                  }
                  for (PayoutLine line : lines) {
                    LedgerEntry entry = Entries.payout(r.runId(), r.period(), line);
                    check.check(line, entry);
                    appended.add(entry);
                    out.accept(chain.append(entry));
                  }
                })) {
      chained.forEach(writer::add);
      List<Bilingual> conflicts = check.conflicts();
      if (!conflicts.isEmpty()) {
        throw new LedgerConflictException(masked, conflicts);
      }
    }
    appended.mustMatch(header);
    Store.Head last = chain.head();
    return new PostedRun(
        header, header.seq(), last.seq(), last.hash(), lines.size(), reversed.size());
  }

  /**
   * The run {@code r} replaces, or null when none.
   *
   * @throws LedgerConflictException when its id is in the ledger already, or the run to replace is
   *     not or was replaced already
   */
  private RunRecord replaced(RunToPost r, List<RunRecord> runs) {
    if (runs.stream().anyMatch(x -> x.runId().equals(r.runId()))) {
      throw conflict(
          "运行编号" + r.runId() + "已在账本中", "run id " + r.runId() + " is already in the ledger");
    }
    if (r.replacesRunId() == null) {
      return null;
    }
    RunRecord replaced =
        runs.stream().filter(x -> x.runId().equals(r.replacesRunId())).findFirst().orElse(null);
    if (replaced == null) {
      throw conflict(
          "要替换的运行" + r.replacesRunId() + "不在账本中",
          "the run to replace, " + r.replacesRunId() + ", is not in the ledger");
    }
    if (replaced.replacedBy() != null) {
      throw conflict(
          "运行" + replaced.runId() + "已被运行" + replaced.replacedBy() + "替换",
          "run " + replaced.runId() + " was already replaced by run " + replaced.replacedBy());
    }
    return replaced;
  }

  private LedgerConflictException conflict(String zh, String en) {
    return new LedgerConflictException(masked, List.of(Bilingual.of(zh, en)));
  }

  /** The run's header at {@code seq}, from the engine's totals; its hash not yet made. */
  private static RunRecord header(
      RunToPost r, long seq, String prevHash, List<LedgerEntry> reversed) {
    LineTotals totals = r.result().totals();
    BigDecimal reversedTotal = Money.ZERO;
    for (LedgerEntry e : reversed) {
      reversedTotal = reversedTotal.subtract(e.paid());
    }
    return new RunRecord(
        new ChainLink(seq, prevHash, null),
        r.origin(),
        null,
        new RunRecord.Counts(
            Math.toIntExact(totals.lines()),
            reversed.size(),
            Math.toIntExact(totals.count(Status.PAID)),
            Math.toIntExact(totals.count(Status.CAPPED)),
            Math.toIntExact(totals.count(Status.REVIEW)),
            Math.toIntExact(totals.count(Status.REJECTED))),
        new RunRecord.Totals(
            Money.ZERO.add(totals.totalPaid()),
            Money.ZERO.add(totals.totalCityShare()),
            Money.ZERO.add(totals.totalDistrictShare()),
            reversedTotal));
  }

  /** The counts and sums of the entries as appended, to hold against the run's header. */
  private static final class RunTotals {
    private final int[] counts = new int[Status.values().length];
    private int lines;
    private BigDecimal paid = Money.ZERO;
    private BigDecimal city = Money.ZERO;
    private BigDecimal district = Money.ZERO;

    void add(LedgerEntry e) {
      lines++;
      counts[e.status().ordinal()]++;
      paid = paid.add(e.paid());
      city = e.cityShare() == null ? city : city.add(e.cityShare());
      district = e.districtShare() == null ? district : district.add(e.districtShare());
    }

    /** The header was made from the engine's totals: they must be the entries'. */
    void mustMatch(RunRecord h) {
      boolean same =
          lines == h.lineCount()
              && counts[Status.PAID.ordinal()] == h.paidCount()
              && counts[Status.CAPPED.ordinal()] == h.cappedCount()
              && counts[Status.REVIEW.ordinal()] == h.reviewCount()
              && counts[Status.REJECTED.ordinal()] == h.rejectedCount()
              && paid.compareTo(h.totalPaid()) == 0
              && city.compareTo(h.totalCityShare()) == 0
              && district.compareTo(h.totalDistrictShare()) == 0;
      if (!same) {
        throw new IllegalStateException(
            "run "
                + h.runId()
                + ": the totals kept while computing differ from its lines (lines "
                + lines
                + " paid "
                + paid
                + " against "
                + h.lineCount()
                + " and "
                + h.totalPaid()
                + "); nothing posted");
      }
    }
  }
}
