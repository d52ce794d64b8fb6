package cn.ipsubsidy.outputs;

import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.LedgerException;
import cn.ipsubsidy.outputs.JournalFormat.Backup;
import cn.ipsubsidy.outputs.JournalFormat.Record;
import cn.ipsubsidy.outputs.JournalFormat.Temp;
import cn.ipsubsidy.outputs.JournalFormat.Written;
import cn.ipsubsidy.report.OutputExistsException;
import cn.ipsubsidy.report.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery of the pending-outputs journals ({@link Journal}, in the format {@link JournalFormat}
 * describes): a run killed after its posting committed but before its outputs were moved into place
 * gets them placed later, and one killed before it was posted leaves no temporary file behind.
 *
 * <p>Under the ledger's run lock, before it creates its first temporary output, {@code calc} writes
 * {@code <home>/pending/<runId>.run} (home as {@link Ledger#home()}; owner only): the run id, the
 * ledger ({@link Ledger#identity()}, no password), the process that writes it, and then, each line
 * forced to disk as it is written, the name of every temporary output before it is created, each
 * output's {@link FileFingerprint} once complete (and that of the file it is to replace, for {@code
 * --force}), the name and place of every old file a {@code --force} run moves aside to make room
 * (before it is moved, just before the commit), and {@code ready} before the transaction commits.
 * After the commit the outputs are moved into place, the old files deleted and the journal deleted;
 * on a failure before it, the old files are moved back and the temporary files and the journal
 * deleted.
 *
 * <p>A journal whose process is gone is settled by the next {@code calc}, {@code ledger verify} or
 * {@code ledger runs} on the same ledger, under its run lock: if the ledger holds the run its
 * outputs are moved into place, else they are deleted and any old file moved aside is put back. An
 * output is placed only over nothing or over the very file its run meant to replace; a target
 * changed since is left alone and the output goes beside it under a name with the run id. A
 * temporary file that is missing or no longer the one written is reported, with how to get the
 * output again.
 */
public final class PendingOutputs {
  private static final Logger log = LoggerFactory.getLogger(PendingOutputs.class);

  /** What settling did with one output of a run. */
  public enum Action {
    /** The ledger holds the run: its output was moved into place. */
    PLACED,
    /** The ledger holds the run but the target changed since: the output is beside it. */
    PLACED_BESIDE,
    /** The ledger does not hold the run: its temporary output was deleted. */
    REMOVED,
    /**
     * The ledger does not hold the run: the old file it had moved aside to replace is back at its
     * name.
     */
    RESTORED,
    /**
     * The ledger does not hold the run, and the old file it had moved aside cannot go back (a new
     * file has that name): it stays at {@code placed}.
     */
    KEPT_ASIDE,
    /** The ledger holds the run, but its temporary output is missing or not the one written. */
    LOST,
    /** Moving the output into place failed; the journal is kept and the next settling retries. */
    NOT_YET
  }

  /**
   * One line for the clerk: {@code file} is the temporary file, {@code target} where the output
   * belongs, {@code placed} where it went (PLACED, PLACED_BESIDE), {@code reason} why not
   * (NOT_YET).
   */
  public record Settled(
      String runId,
      Action action,
      Output output,
      Path file,
      Path target,
      Path placed,
      String reason) {}

  private PendingOutputs() {}

  /** {@code <home>/pending}. */
  public static Path folder() {
    return Ledger.home().resolve("pending");
  }

  // ---- settling

  /**
   * Settles the journals of runs on {@code ledger} whose process is gone, under the ledger's run
   * lock if it is free now; when it is not (a run is going on) or the ledger cannot be locked, they
   * are left for the next {@code calc}, which settles them first. Never throws for that.
   */
  public static List<Settled> settle(Ledger ledger) {
    String id = ledger.identity();
    List<Orphan> orphans = orphans(id);
    if (orphans.isEmpty()) {
      return List.of();
    }
    try {
      return ledger.withRunLock(
          Duration.ZERO, session -> settle(id, run -> session.run(run).isPresent()));
    } catch (LedgerException e) {
      log.info(
          "{} pending-outputs journal(s) of {} left for the next calc: {}",
          orphans.size(),
          id,
          e.getMessage(),
          e);
      return List.of();
    }
  }

  /**
   * Settles the journals of runs on {@code ledger} whose process is gone. Call it holding the
   * ledger's run lock, so that no run of that ledger is between posting and committing; {@code
   * posted} says whether the ledger holds a run.
   */
  public static List<Settled> settle(String ledger, Predicate<String> posted) {
    List<Settled> done = new ArrayList<>();
    for (Orphan o : orphans(ledger)) {
      settle(o.journal(), o.record(), posted.test(o.record().runId()), done);
    }
    return done;
  }

  private record Orphan(Path journal, Record record) {}

  /** Journals of {@code ledger} whose writer is gone; stale fresh ones are deleted on the way. */
  private static List<Orphan> orphans(String ledger) {
    Path dir = folder();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> names;
    try (Stream<Path> files = Files.list(dir)) {
      names = files.sorted().toList();
    } catch (IOException e) {
      log.warn("cannot list the pending-outputs folder {}", dir, e);
      return List.of();
    }
    List<Orphan> found = new ArrayList<>();
    for (Path f : names) {
      String name = f.getFileName().toString();
      if (JournalFormat.isFresh(name)) {
        // killed while writing the header: no output was made yet, so nothing else to remove
        long pid = JournalFormat.pidOfFresh(name);
        if (pid > 0 && !alive(pid, 0) && FileOps.deleteQuietly(f)) {
          log.info("removed the unfinished pending-outputs journal {}", f);
        }
      } else if (JournalFormat.isJournal(name)) {
        try {
          Record r = Record.read(f);
          if (ledger.equals(r.ledger()) && !alive(r.pid(), r.started())) {
            found.add(new Orphan(f, r));
          }
        } catch (NoSuchFileException e) {
          // finished meanwhile
        } catch (IOException e) {
          log.warn("cannot read the pending-outputs journal {}", f, e);
        }
      }
    }
    return found;
  }

  private static void settle(Path journal, Record r, boolean posted, List<Settled> done) {
    if (!posted) {
      log.info(
          "run {} is not in {}: removing its temporary outputs ({})",
          r.runId(),
          r.ledger(),
          journal);
      for (Temp t : r.temps().values()) {
        if (FileOps.deleteQuietly(t.temp())) {
          done.add(
              new Settled(r.runId(), Action.REMOVED, t.output(), t.temp(), t.target(), null, null));
        }
      }
      for (Backup b : r.backups()) {
        restore(r, b, done);
      }
      if (FileOps.deleteQuietly(journal)) {
        OutputFiles.syncDirectory(journal.getParent());
      }
      return;
    }
    log.info("run {} is posted in {}: placing its outputs ({})", r.runId(), r.ledger(), journal);
    if (!r.ready()) {
      log.warn("run {} is posted but its journal {} was never marked ready", r.runId(), journal);
    }
    boolean keep = false;
    for (Output output : Output.values()) {
      Temp temp =
          r.temps().values().stream().filter(t -> t.output() == output).findFirst().orElse(null);
      if (temp == null) {
        continue; // never began writing it (a run with --strict writes none)
      }
      Written w = r.written().get(output);
      Settled s = w == null ? lost(r, temp, temp.target()) : place(r, w, temp.target());
      if (s != null) {
        done.add(s);
        keep |= s.action() == Action.NOT_YET;
      }
    }
    if (keep) {
      return;
    }
    for (Temp t : r.temps().values()) {
      if (FileOps.deleteQuietly(t.temp())) {
        log.info("run {}: removed the unused temporary file {}", r.runId(), t.temp());
      }
    }
    finish(journal, r);
  }

  /** The output {@code w} of a posted run moved to {@code target}, beside it, or reported. */
  private static Settled place(Record r, Written w, Path target) {
    try {
      if (FileFingerprint.matches(w.fingerprint(), target)) {
        log.info("run {}: {} is already in place", r.runId(), target);
        FileOps.deleteQuietly(w.temp());
        return null;
      }
      if (!FileFingerprint.matches(w.fingerprint(), w.temp())) {
        return lost(r, new Temp(w.output(), w.temp(), target), target);
      }
      boolean targetExists = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
      if (!targetExists || FileFingerprint.matches(w.replaces(), target)) {
        try {
          OutputFiles.place(w.temp(), target, targetExists);
          log.info("run {}: placed {} at {}", r.runId(), w.temp(), target);
          return new Settled(r.runId(), Action.PLACED, w.output(), w.temp(), target, target, null);
        } catch (OutputExistsException e) {
          log.info("run {}: {} appeared meanwhile", r.runId(), target);
        }
      }
      Path beside = beside(target, r.runId());
      if (FileFingerprint.matches(w.fingerprint(), beside)) {
        FileOps.deleteQuietly(w.temp());
        return null;
      }
      // a file of that name too: kept for a later try, as any other failure to place (NOT_YET)
      OutputFiles.place(w.temp(), beside, false);
      log.warn(
          "run {}: {} changed since the run, placed its output at {}", r.runId(), target, beside);
      return new Settled(
          r.runId(), Action.PLACED_BESIDE, w.output(), w.temp(), target, beside, null);
    } catch (IOException e) {
      log.warn("run {}: cannot place {} at {}", r.runId(), w.temp(), target, e);
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Settled(r.runId(), Action.NOT_YET, w.output(), w.temp(), target, null, why);
    }
  }

  /** The old file that a run not posted had moved aside, back at its name where that is free. */
  private static void restore(Record r, Backup b, List<Settled> done) {
    if (!Files.exists(b.copy(), LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Output output = outputAt(r, b.target());
    try {
      OutputFiles.place(b.copy(), b.target(), false);
      log.info("run {}: moved the old file {} back to {}", r.runId(), b.copy(), b.target());
      done.add(
          new Settled(r.runId(), Action.RESTORED, output, b.copy(), b.target(), b.target(), null));
    } catch (IOException e) {
      log.warn(
          "run {}: cannot move the old file {} back to {}", r.runId(), b.copy(), b.target(), e);
      done.add(
          new Settled(r.runId(), Action.KEPT_ASIDE, output, b.copy(), b.target(), b.copy(), null));
    }
  }

  private static Output outputAt(Record r, Path target) {
    return r.temps().values().stream()
        .filter(t -> t.target().equals(target))
        .map(Temp::output)
        .findFirst()
        .orElse(Output.WORKBOOK);
  }

  private static Settled lost(Record r, Temp t, Path target) {
    log.warn(
        "run {} is posted but its temporary {} {} is missing or not the one written; {} was not"
            + " placed",
        r.runId(),
        t.output().code(),
        t.temp(),
        target);
    FileOps.deleteQuietly(t.temp());
    return new Settled(r.runId(), Action.LOST, t.output(), t.temp(), target, null, null);
  }

  /** Deletes the run's backups and its journal. */
  private static void finish(Path journal, Record r) {
    for (Backup b : r.backups()) {
      if (FileOps.deleteQuietly(b.copy())) {
        log.info("run {}: removed the old file {} it replaced", r.runId(), b.copy());
      }
    }
    if (FileOps.deleteQuietly(journal)) {
      OutputFiles.syncDirectory(journal.getParent());
    }
  }

  /** "name-RUNID.ext" beside {@code target}. */
  static Path beside(Path target, String runId) {
    String name = target.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    return target.resolveSibling(stem + "-" + runId + ext);
  }

  /**
   * Whether the process that wrote a journal still runs: this one, or one with that id that started
   * when it did (an id can be reused by a later process).
   */
  static boolean alive(long pid, long startedMillis) {
    if (pid == ProcessHandle.current().pid()) {
      return true;
    }
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return false;
    }
    if (startedMillis <= 0) {
      return true;
    }
    return p.get()
        .info()
        .startInstant()
        .map(i -> Math.abs(i.toEpochMilli() - startedMillis) < 1000)
        .orElse(true);
  }
}
