package cn.ipsubsidy.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A complete output file waiting beside its target (see {@link OutputFiles#prepare}). {@link
 * #commit()} moves it into place; {@link #discard()} or {@link #close()} before a commit deletes
 * it. Not thread-safe.
 */
public final class PreparedOutput implements AutoCloseable {
  private enum State {
    PREPARED,
    COMMITTED,
    DISCARDED
  }

  private final Path target;
  private final Path temp;
  private final boolean force;
  private State state = State.PREPARED;

  PreparedOutput(Path target, Path temp, boolean force) {
    this.target = target;
    this.temp = temp;
    this.force = force;
  }

  /** Where the file goes (absolute). */
  public Path target() {
    return target;
  }

  /** The temporary file holding the content until the commit. */
  public Path temp() {
    return temp;
  }

  public boolean isCommitted() {
    return state == State.COMMITTED;
  }

  /**
   * Moves the file into place in one step. Without {@code force} an existing target is never
   * replaced, even one that appeared after {@link OutputFiles#prepare}. On failure the temporary
   * file is deleted and the target is as before.
   *
   * @throws OutputExistsException when the target appeared meanwhile and {@code force} is false
   * @throws IllegalStateException when already committed or discarded
   */
  public void commit() throws IOException {
    if (state != State.PREPARED) {
      throw new IllegalStateException("output " + target + " already " + state.name());
    }
    boolean ok = false;
    try {
      checkCommittable();
      moveIntoPlace();
      ok = true;
    } finally {
      if (!ok) {
        discard();
      }
    }
  }

  /** Whether an existing target may be replaced (--force). */
  public boolean force() {
    return force;
  }

  /**
   * Moves the file into place in one step, as {@link #commit()} does, but neither checks the target
   * first nor deletes the temporary file when the move fails: for a caller that made room for it
   * and keeps a record of the file, to place it later or throw it away (the posting protocol's
   * staging).
   *
   * @throws OutputExistsException when the target exists and {@code force} is false
   * @throws IllegalStateException when already committed or discarded
   */
  public void moveIntoPlace() throws IOException {
    if (state != State.PREPARED) {
      throw new IllegalStateException("output " + target + " already " + state.name());
    }
    OutputFiles.place(temp, target, force);
    state = State.COMMITTED;
  }

  /** Deletes the temporary file; the target is not touched. Does nothing once committed. */
  public void discard() {
    if (state == State.PREPARED) {
      state = State.DISCARDED;
      OutputFiles.deleteQuietly(temp);
    }
  }

  /** Discards the file unless it was committed. */
  @Override
  public void close() {
    discard();
  }

  /**
   * Refuses what {@link #commit()} would: an output already committed or discarded, a target that
   * is a directory, or one that exists when {@code force} is false.
   *
   * @throws OutputExistsException when the target exists and {@code force} is false
   * @throws IllegalStateException when already committed or discarded
   */
  public void checkCommittable() throws IOException {
    if (state != State.PREPARED) {
      throw new IllegalStateException("output " + target + " already " + state.name());
    }
    OutputFiles.checkTarget(target, force);
  }
}
