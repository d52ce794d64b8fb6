package cn.ipsubsidy.outputs;

import cn.ipsubsidy.report.OutputExistsException;
import cn.ipsubsidy.report.OutputFiles;
import cn.ipsubsidy.report.OutputWriteException;
import cn.ipsubsidy.report.PreparedOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Output files that belong together (the workbook and the audit log of one run), complete in their
 * temporary files ({@link OutputFiles#prepare}), with room made for them: {@link #stage} has moved
 * every old file that {@code --force} replaces aside. {@link #place} them, or {@link #restore} the
 * old files; the workbook and the audit log never come from two different runs.
 */
public final class StagedOutputs {
  private final List<PreparedOutput> outputs;

  /** Per output: where its old file was moved, or null when there was none. */
  private final List<Path> backups = new ArrayList<>();

  private StagedOutputs(List<PreparedOutput> outputs) {
    this.outputs = List.copyOf(outputs);
  }

  /**
   * Told each old file that {@code --force} replaces before it is moved aside, and the name it
   * gets; a failure to record stops the staging, since the record is what brings the old file back
   * should the process be killed before the outputs are placed.
   */
  @FunctionalInterface
  public interface MovedAside {
    MovedAside NONE = (target, backup) -> {};

    void willMove(Path target, Path backup) throws IOException;
  }

  /**
   * Moves every prepared file into place: {@link #stage} then {@link #placeOrRestore}; when a file
   * cannot be placed, those placed are taken back and the old files restored. The temporary files
   * of those not placed are deleted.
   */
  public static void commitAll(List<PreparedOutput> outputs) throws IOException {
    try {
      stage(outputs, MovedAside.NONE).placeOrRestore();
    } finally {
      for (PreparedOutput output : outputs) {
        output.close(); // the temporary files of those not placed
      }
    }
  }

  /**
   * Makes room for the prepared files: checks that none of the targets that may not be replaced has
   * appeared, and moves every old file that {@code --force} replaces aside to a hidden backup
   * beside it ({@code .<name>.<random>.bak}). This is the step that fails on a file open in Excel
   * (Windows refuses to rename it) or otherwise locked, so a caller that commits a transaction
   * between staging and {@link #place} learns of it before the commit. On failure every file
   * already moved is put back and nothing is changed.
   *
   * @throws OutputExistsException when a target that may not be replaced exists
   * @throws OutputWriteException when an old file cannot be moved aside
   */
  public static StagedOutputs stage(List<PreparedOutput> outputs, MovedAside aside)
      throws IOException {
    for (PreparedOutput output : outputs) {
      output.checkCommittable();
    }
    StagedOutputs staged = new StagedOutputs(outputs);
    for (PreparedOutput output : outputs) {
      Path target = output.target();
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        staged.backups.add(null);
        continue;
      }
      Path backup = OutputFiles.hiddenSibling(target, ".bak");
      try {
        aside.willMove(target, backup);
        Files.move(target, backup, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        boolean restored = staged.restore();
        throw OutputWriteException.replacing(target, e, restored);
      }
      staged.backups.add(backup);
    }
    staged.syncDirectories();
    return staged;
  }

  /**
   * Moves every output into place, then deletes the old files moved aside. A failure leaves the
   * outputs not yet placed in their temporary files and every old file in its backup, for the
   * caller to restore ({@link #restore}) or to place later.
   *
   * @throws OutputPlacingException naming the output that could not be placed
   */
  public void place() throws OutputPlacingException {
    for (PreparedOutput output : outputs) {
      if (output.isCommitted()) {
        continue;
      }
      try {
        output.moveIntoPlace();
      } catch (IOException | RuntimeException e) {
        throw new OutputPlacingException(output.target(), e);
      }
    }
    for (Path backup : backups) {
      if (backup != null) {
        FileOps.deleteQuietly(backup);
      }
    }
  }

  /**
   * {@link #place}; when an output cannot be placed, those placed are taken back and the old files
   * restored, so the workbook and the audit log never come from two different runs.
   *
   * @throws OutputExistsException when a target that may not be replaced appeared meanwhile
   * @throws OutputWriteException naming the output that could not be placed
   */
  public void placeOrRestore() throws IOException {
    try {
      place();
    } catch (OutputPlacingException e) {
      boolean restored = restore();
      if (e.getCause() instanceof OutputExistsException exists) {
        throw exists;
      }
      throw OutputWriteException.replacing(e.target(), e.getCause(), restored);
    }
  }

  /**
   * Takes back the outputs already placed and moves every old file back to its name; the outputs'
   * temporary files are left to their owner. True when everything is as before.
   */
  public boolean restore() {
    boolean restored = true;
    for (int i = 0; i < outputs.size(); i++) {
      PreparedOutput output = outputs.get(i);
      Path backup = i < backups.size() ? backups.get(i) : null;
      try {
        if (output.isCommitted()) {
          Files.deleteIfExists(output.target());
        }
        if (backup != null) {
          Files.move(backup, output.target(), StandardCopyOption.ATOMIC_MOVE);
        }
      } catch (IOException | RuntimeException e) {
        restored = false;
      }
    }
    syncDirectories();
    return restored;
  }

  private void syncDirectories() {
    outputs.stream()
        .map(o -> o.target().getParent())
        .distinct()
        .forEach(OutputFiles::syncDirectory);
  }
}
