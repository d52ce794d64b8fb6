package cn.ipsubsidy.outputs;

import cn.ipsubsidy.report.IoWriter;
import cn.ipsubsidy.report.OutputFiles;
import cn.ipsubsidy.report.PreparedOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outputs of one run, kept in step with its posting so that none is lost, none is placed for a
 * run the ledger does not hold, and none is seen half-written: steps 4 to 8 of the posting protocol
 * (ARCHITECTURE.md). Its methods are the phases, called in this order, the ledger's transaction
 * open around the first four:
 *
 * <ol>
 *   <li>{@link #journal}: under the run lock, before any output exists, the journal is on disk
 *       ({@link Journal}); from here a kill leaves nothing the next settling cannot clear.
 *   <li>{@link #write}, once per output: to its temporary file, named in the journal before it is
 *       created, its fingerprint ({@link FileFingerprint}) recorded once complete. Thread-safe: the
 *       outputs are written side by side while the run is posted.
 *   <li>{@link #stageForCommit}: every output written, the old files that {@code --force} replaces
 *       are moved aside, each journalled first ({@link StagedOutputs}). A locked one stops the run
 *       here, before it is posted.
 *   <li>{@link #ready}: the journal says so, and the ledger's transaction commits once this returns
 *       ({@link FaultHooks#beforeCommit}).
 *   <li>{@link #place}, after the commit: the outputs under their names, the old files and the
 *       journal deleted ({@link FaultHooks#beforePlacing} first). When one cannot be placed the run
 *       is posted all the same: the journal keeps the rest for the next settling.
 * </ol>
 *
 * When anything fails before the commit, {@link #abandon}: the old files go back. When the commit's
 * outcome is not known, {@link #leaveForSettling}: the journal, the temporary files and the old
 * files stay for the next settling, which asks the ledger. {@link #close} always, last: it deletes
 * the temporary files and the journal unless the journal is to be settled. Every {@link #write} has
 * returned before any later phase is called.
 *
 * <p>A dry run ({@code commits} false) takes the same phases without a commit: {@link #place}
 * places the outputs, or puts the old files back when one cannot be placed, as any other write.
 */
public final class OutputTransaction implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutputTransaction.class);

  /** Where the transaction is: each phase moves it on, and only from the state before it. */
  public enum State {
    /** Nothing on disk yet. */
    OPEN,
    /** The journal is on disk; the outputs are being written. */
    JOURNALLED,
    /** Every output is complete and the old files are aside. */
    STAGED,
    /** The journal says ready: the ledger's transaction may commit. */
    READY,
    /** The outputs are under their names. */
    PLACED,
    /** Failed before the commit: the old files are back, {@link #close} deletes the rest. */
    ABANDONED,
    /** The run may be posted: the journal keeps everything for the next settling. */
    LEFT_FOR_SETTLING,
    /** Closed: the journal is deleted, or left for settling. */
    CLOSED
  }

  private final Journal journal;
  private final boolean commits;
  private final boolean force;
  private final FaultHooks faults;

  /** The outputs written, in the order they are placed (the workbook first). */
  private final Map<Output, PreparedOutput> written = new EnumMap<>(Output.class);

  private StagedOutputs staged;
  private State state = State.OPEN;

  private OutputTransaction(Path folder, boolean commits, boolean force, FaultHooks faults) {
    this.journal = new Journal(folder);
    this.commits = commits;
    this.force = force;
    this.faults = faults;
  }

  /**
   * A transaction whose journal goes in {@code folder} ({@link PendingOutputs#folder()}); nothing
   * is on disk until {@link #journal}.
   *
   * @param commits whether a ledger commit follows {@link #ready} (false for a dry run)
   * @param force whether the outputs replace files at their targets ({@code --force})
   */
  public static OutputTransaction open(
      Path folder, boolean commits, boolean force, FaultHooks faults) {
    return new OutputTransaction(folder, commits, force, faults);
  }

  public synchronized State state() {
    return state;
  }

  /**
   * Phase 1: the journal of run {@code runId} on {@code ledger} ({@code Ledger.identity()}), on
   * disk before this returns.
   *
   * @throws JournalException when the folder cannot be written (nothing was written or posted)
   */
  public synchronized void journal(String runId, String ledger) {
    require(State.OPEN, "journal");
    journal.start(runId, ledger);
    state = State.JOURNALLED;
  }

  /**
   * Phase 2: {@code output}'s content, through {@code writer}, to a temporary file beside {@code
   * target}, named in the journal before it is created and recorded with its fingerprint once
   * complete. On failure nothing of it is left. May run on several threads at once, one output
   * each.
   *
   * @return the temporary file
   */
  public Path write(Output output, Path target, IoWriter writer) throws IOException {
    synchronized (this) {
      require(State.JOURNALLED, "write");
      if (written.containsKey(output)) {
        throw new IllegalStateException(output + " already written");
      }
    }
    Path absolute = target.toAbsolutePath().normalize();
    PreparedOutput prepared =
        OutputFiles.prepare(target, force, writer, tmp -> journal.temp(output, absolute, tmp));
    try {
      journal.written(output, prepared);
      synchronized (this) {
        require(State.JOURNALLED, "write");
        written.put(output, prepared);
      }
    } catch (IOException | RuntimeException e) {
      prepared.discard();
      throw e;
    }
    return prepared.temp();
  }

  /**
   * Phase 3: room for the outputs. Checks that no target that may not be replaced has appeared and
   * moves each old file that {@code --force} replaces aside, journalled before it is moved. On
   * failure every old file is back and the transaction is still {@link State#JOURNALLED}: {@link
   * #abandon} it.
   *
   * @throws cn.ipsubsidy.report.OutputExistsException when a target appeared meanwhile
   * @throws cn.ipsubsidy.report.OutputWriteException when an old file cannot be moved (locked)
   */
  public synchronized void stageForCommit() throws IOException {
    require(State.JOURNALLED, "stageForCommit");
    staged = StagedOutputs.stage(List.copyOf(written.values()), journal::movedAside);
    state = State.STAGED;
  }

  /**
   * Phase 4: the journal says {@code ready}, so that settling knows every output was complete; the
   * ledger's transaction commits once this returns.
   */
  public synchronized void ready() throws IOException {
    require(State.STAGED, "ready");
    journal.ready();
    state = State.READY;
    if (commits) {
      faults.beforeCommit();
    }
  }

  /**
   * Phase 5, once the run's posting committed: moves every output under its name, then deletes the
   * old files it replaced; {@link #close} deletes the journal. A dry run's outputs are placed or,
   * when one cannot be, those placed are taken back and the old files restored.
   *
   * @throws OutputPlacingException when an output of a posted run cannot be placed: the transaction
   *     is {@link State#LEFT_FOR_SETTLING}, the outputs not placed in their temporary files, named
   *     by the journal
   * @throws IOException when a dry run's output cannot be placed ({@link
   *     StagedOutputs#placeOrRestore}); the transaction is {@link State#ABANDONED}
   */
  public synchronized void place() throws IOException {
    require(State.READY, "place");
    if (!commits) {
      try {
        staged.placeOrRestore();
      } catch (IOException | RuntimeException e) {
        state = State.ABANDONED; // the old files are back
        throw e;
      }
      state = State.PLACED;
      return;
    }
    faults.beforePlacing();
    try {
      staged.place();
    } catch (OutputPlacingException e) {
      state = State.LEFT_FOR_SETTLING;
      throw e;
    }
    state = State.PLACED;
  }

  /**
   * Something failed before the commit, or the commit failed and the run is not posted: the old
   * files moved aside go back to their names; {@link #close} deletes the temporary files and the
   * journal.
   */
  public synchronized void abandon() {
    if (state.compareTo(State.READY) > 0) {
      throw new IllegalStateException("cannot abandon outputs " + state);
    }
    if (staged != null) {
      staged.restore();
    }
    state = State.ABANDONED;
  }

  /**
   * Whether the run was posted is not known (the connection broke during the commit): the journal
   * keeps the outputs and the old files, and the next settling decides from what the ledger holds.
   */
  public synchronized void leaveForSettling() {
    if (state.compareTo(State.READY) > 0) {
      throw new IllegalStateException("cannot leave outputs for settling: " + state);
    }
    state = State.LEFT_FOR_SETTLING;
  }

  /**
   * Ends the transaction. Left for settling, it closes the journal and keeps it; otherwise it
   * deletes the temporary files of outputs not placed, then the journal. Closed while {@link
   * State#READY}, neither placed nor abandoned, the commit may have happened: the journal is kept
   * for settling, which asks the ledger. Closed earlier, nothing was posted: as {@link #abandon}.
   */
  @Override
  public synchronized void close() {
    switch (state) {
      case CLOSED -> {
        return;
      }
      case READY -> {
        log.warn("outputs neither placed nor abandoned: left for the next settling");
        state = State.LEFT_FOR_SETTLING;
      }
      case JOURNALLED, STAGED -> abandon();
      default -> {
        // OPEN (nothing on disk), PLACED, ABANDONED, LEFT_FOR_SETTLING
      }
    }
    if (state == State.LEFT_FOR_SETTLING) {
      journal.detach();
    } else {
      for (PreparedOutput o : written.values()) {
        o.close(); // the temporary files of those not placed
      }
      journal.close(); // after the outputs: placed, or deleted
    }
    state = State.CLOSED;
  }

  private void require(State expected, String phase) {
    if (state != expected) {
      throw new IllegalStateException(
          phase + " when the outputs are " + state + ", not " + expected);
    }
  }
}
