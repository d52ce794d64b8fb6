package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.engine.PriorPayouts;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger inside {@link Ledger#withRunLock}: one transaction on one connection, the run lock
 * held, the chain verified. It reads what was paid (one snapshot, loaded once until the next post)
 * and posts ({@link Posting}); it ends with the locked work.
 */
final class LockedSession implements Ledger.Session {
  private final Store store;
  private final VerifyResult verified;
  private final LedgerErrors errors;
  private final Posting posting;
  private Store.Head head;
  private Snapshot cached;
  private String cachedExclude;
  private boolean open = true;
  private final List<String> posted = new ArrayList<>();

  LockedSession(Store store, VerifyResult verified, LedgerErrors errors, String masked) {
    this.store = store;
    this.verified = verified;
    this.errors = errors;
    this.posting = new Posting(store, masked);
    this.head = new Store.Head(verified.headSeq(), verified.headHash());
  }

  /** The locked work returned or threw: the session may not be used any more. */
  void end() {
    open = false;
  }

  /** The runs posted in this session, in order. */
  List<String> posted() {
    return posted;
  }

  @Override
  public PriorPayouts prior(int budgetYear) {
    return prior(budgetYear, null);
  }

  @Override
  public PriorPayouts prior(int budgetYear, String replacingRunId) {
    check();
    try {
      return snapshot(budgetYear, replacingRunId);
    } catch (SQLException e) {
      throw errors.failed(e);
    }
  }

  private Snapshot snapshot(int year, String exclude) throws SQLException {
    if (cached == null || cached.budgetYear() != year || !Objects.equals(cachedExclude, exclude)) {
      cached = Snapshot.load(store, year, exclude);
      cachedExclude = exclude;
    }
    return cached;
  }

  @Override
  public Optional<RunRecord> findSameInput(Period period, String inputSha256) {
    check();
    try {
      RunRecord found = null;
      for (RunRecord r : store.runs()) {
        if (r.active()
            && r.period().equals(period)
            && r.inputSha256().equalsIgnoreCase(inputSha256)) {
          found = r;
        }
      }
      return Optional.ofNullable(found);
    } catch (SQLException e) {
      throw errors.failed(e);
    }
  }

  @Override
  public Optional<RunRecord> run(String runId) {
    check();
    try {
      return store.run(runId);
    } catch (SQLException e) {
      throw errors.failed(e);
    }
  }

  @Override
  public VerifyResult verified() {
    return verified;
  }

  @Override
  public PostedRun post(RunToPost r) {
    check();
    PostedRun done;
    try {
      done = posting.post(r, head, this::snapshot);
    } catch (SQLException e) {
      throw errors.failed(e);
    }
    head = new Store.Head(done.lastSeq(), done.headHash());
    cached = null;
    posted.add(r.runId());
    return done;
  }

  private void check() {
    if (!open) {
      throw new IllegalStateException("the ledger session ended with its withRunLock call");
    }
  }
}
