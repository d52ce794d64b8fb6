package cn.ipsubsidy.app;

import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.LedgerException;
import cn.ipsubsidy.report.OutputExistsException;
import cn.ipsubsidy.report.OutputFiles;
import cn.ipsubsidy.report.PreparedOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pending-outputs journal: a run killed after its posting committed but before its outputs were
 * moved into place gets them placed later, and one killed before it was posted leaves no temporary
 * file behind.
 *
 * <p>Under the ledger's run lock, before it creates its first temporary output, {@code calc} writes
 * {@code <home>/pending/<runId>.run} (home as {@link Ledger#home()}; owner only): the run id, the
 * ledger ({@link Ledger#identity()}, no password), the process that writes it, and then, each line
 * forced to disk as it is written, the name of every temporary output before it is created, each
 * output's SHA-256 once complete (and that of the file it is to replace, for {@code --force}), the
 * name and place of every old file a {@code --force} run moves aside to make room (before it is
 * moved, just before the commit), and {@code ready} before the transaction commits. After the
 * commit the outputs are moved into place, the old files deleted and the journal deleted; on a
 * failure before it, the old files are moved back and the temporary files and the journal deleted.
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
  private static final String MAGIC = "ipsubsidy-pending";
  private static final String SUFFIX = ".run";
  private static final String FRESH = ".new";

  /** The outputs of a run, as the journal and the clerk's messages name them. */
  public enum Output {
    WORKBOOK,
    AUDIT;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Output of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

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

  /** The journal of a run; nothing is on disk until {@link Journal#start}. */
  public static Journal journal() {
    return new Journal(folder());
  }

  // ---- writing

  /** The journal of one run, written by that run; thread-safe (the outputs are written apart). */
  public static final class Journal implements AutoCloseable {
    private final Path dir;
    private String runId;
    private Path file;
    private FileChannel channel;

    private Journal(Path dir) {
      this.dir = dir;
    }

    /**
     * Creates the journal with its header, on disk before this returns. Written under a fresh name
     * that says which process writes it, then renamed: a journal under its own name is never
     * half-made.
     *
     * @param ledger the ledger the run posts to, as {@link Ledger#identity()} names it
     * @throws UsageException when the folder cannot be written (nothing was written or posted)
     */
    public synchronized void start(String runId, String ledger) {
      if (channel != null) {
        throw new IllegalStateException("journal of run " + this.runId + " already started");
      }
      this.runId = runId;
      this.file = dir.resolve(runId + SUFFIX);
      ProcessHandle self = ProcessHandle.current();
      long started = self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
      Path fresh = dir.resolve("." + runId + "." + self.pid() + FRESH);
      try {
        privateDirectories(dir);
        channel =
            FileChannel.open(
                fresh,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                ownerOnly("rw-------"));
        append(
            line(MAGIC, "1")
                + line("run", runId)
                + line("ledger", ledger)
                + line("owner", Long.toString(self.pid()), Long.toString(started)));
        move(fresh, file);
        OutputFiles.syncDirectory(dir);
      } catch (IOException e) {
        close();
        deleteQuietly(fresh);
        throw new UsageException(
            "无法在 " + dir + " 中记录待放置的输出文件（" + e.getMessage() + "）；未写出任何文件，未过账。请检查该文件夹的权限和磁盘空间。",
            "cannot record the pending outputs in "
                + dir
                + " ("
                + e
                + "): nothing was written or posted. Check the folder's permissions and free space.",
            e);
      }
      log.debug("run {}: pending-outputs journal {}", runId, file);
    }

    /** Records a temporary output's name before it is created. */
    public synchronized void temp(Output output, Path target, Path temp) throws IOException {
      append(line("temp", output.code(), temp.toString(), target.toString()));
    }

    /**
     * Records, before it is moved, that the old file at {@code target} (which {@code --force}
     * replaces) goes aside to {@code backup}: settling moves it back if the run was not posted, and
     * deletes it once the run's outputs are in place.
     */
    public synchronized void movedAside(Path target, Path backup) throws IOException {
      append(line("backup", backup.toString(), target.toString()));
    }

    /**
     * Records that {@code prepared} is complete: its SHA-256, and that of the file now at its
     * target (which a {@code --force} run replaces), or "-" when there is none.
     */
    public void written(Output output, PreparedOutput prepared) throws IOException {
      String sha = Hashing.sha256(prepared.temp());
      Path target = prepared.target();
      String replaces =
          Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) ? Hashing.sha256(target) : "-";
      synchronized (this) {
        append(line("written", output.code(), prepared.temp().toString(), sha, replaces));
      }
    }

    /** Every output is complete: the transaction may commit. */
    public synchronized void ready() throws IOException {
      append(line("ready"));
    }

    /**
     * Closes the journal and leaves it for the next settling: the run may be posted but its outputs
     * are not in place.
     */
    public synchronized void detach() {
      if (closeChannel()) {
        log.warn("run {}: outputs left for the next settling, journal {}", runId, file);
      }
    }

    /** Deletes the journal: the outputs are in place, or were thrown away. */
    @Override
    public synchronized void close() {
      if (closeChannel() && deleteQuietly(file)) {
        OutputFiles.syncDirectory(dir);
      }
    }

    /** True when the journal was open. */
    private boolean closeChannel() {
      if (channel == null) {
        return false;
      }
      try {
        channel.close();
      } catch (IOException e) {
        log.debug("closing {}", file, e);
      }
      channel = null;
      return true;
    }

    private void append(String text) throws IOException {
      if (channel == null) {
        throw new IllegalStateException("journal of run " + runId + " not started");
      }
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    }
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
      settle(o.journal(), o.record(), posted.test(o.record().runId), done);
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
      if (name.startsWith(".") && name.endsWith(FRESH)) {
        // killed while writing the header: no output was made yet, so nothing else to remove
        long pid = pidOfFresh(name);
        if (pid > 0 && !alive(pid, 0) && deleteQuietly(f)) {
          log.info("removed the unfinished pending-outputs journal {}", f);
        }
      } else if (name.endsWith(SUFFIX) && !name.startsWith(".")) {
        try {
          Record r = Record.read(f);
          if (ledger.equals(r.ledger) && !alive(r.pid, r.started)) {
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
          "run {} is not in {}: removing its temporary outputs ({})", r.runId, r.ledger, journal);
      for (Temp t : r.temps.values()) {
        if (deleteQuietly(t.temp)) {
          done.add(new Settled(r.runId, Action.REMOVED, t.output, t.temp, t.target, null, null));
        }
      }
      for (Backup b : r.backups) {
        restore(r, b, done);
      }
      if (deleteQuietly(journal)) {
        OutputFiles.syncDirectory(journal.getParent());
      }
      return;
    }
    log.info("run {} is posted in {}: placing its outputs ({})", r.runId, r.ledger, journal);
    if (!r.ready) {
      log.warn("run {} is posted but its journal {} was never marked ready", r.runId, journal);
    }
    boolean keep = false;
    for (Output output : Output.values()) {
      Temp temp =
          r.temps.values().stream().filter(t -> t.output == output).findFirst().orElse(null);
      if (temp == null) {
        continue; // never began writing it (a run with --strict writes none)
      }
      Written w = r.written.get(output);
      Settled s = w == null ? lost(r, temp, temp.target) : place(r, w, temp.target);
      if (s != null) {
        done.add(s);
        keep |= s.action() == Action.NOT_YET;
      }
    }
    if (keep) {
      return;
    }
    for (Temp t : r.temps.values()) {
      if (deleteQuietly(t.temp)) {
        log.info("run {}: removed the unused temporary file {}", r.runId, t.temp);
      }
    }
    finish(journal, r);
  }

  /** The output {@code w} of a posted run moved to {@code target}, beside it, or reported. */
  private static Settled place(Record r, Written w, Path target) {
    try {
      String targetSha = sha256IfFile(target);
      if (w.sha256.equals(targetSha)) {
        log.info("run {}: {} is already in place", r.runId, target);
        deleteQuietly(w.temp);
        return null;
      }
      if (!w.sha256.equals(sha256IfFile(w.temp))) {
        return lost(r, new Temp(w.output, w.temp, target), target);
      }
      if (targetSha == null || targetSha.equals(w.replaces)) {
        try {
          OutputFiles.place(w.temp, target, targetSha != null);
          log.info("run {}: placed {} at {}", r.runId, w.temp, target);
          return new Settled(r.runId, Action.PLACED, w.output, w.temp, target, target, null);
        } catch (OutputExistsException e) {
          log.info("run {}: {} appeared meanwhile", r.runId, target);
        }
      }
      Path beside = beside(target, r.runId);
      if (w.sha256.equals(sha256IfFile(beside))) {
        deleteQuietly(w.temp);
        return null;
      }
      // a file of that name too: kept for a later try, as any other failure to place (NOT_YET)
      OutputFiles.place(w.temp, beside, false);
      log.warn(
          "run {}: {} changed since the run, placed its output at {}", r.runId, target, beside);
      return new Settled(r.runId, Action.PLACED_BESIDE, w.output, w.temp, target, beside, null);
    } catch (IOException e) {
      log.warn("run {}: cannot place {} at {}", r.runId, w.temp, target, e);
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Settled(r.runId, Action.NOT_YET, w.output, w.temp, target, null, why);
    }
  }

  /** The old file that a run not posted had moved aside, back at its name where that is free. */
  private static void restore(Record r, Backup b, List<Settled> done) {
    if (!Files.exists(b.copy, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Output output = outputAt(r, b.target);
    try {
      OutputFiles.place(b.copy, b.target, false);
      log.info("run {}: moved the old file {} back to {}", r.runId, b.copy, b.target);
      done.add(new Settled(r.runId, Action.RESTORED, output, b.copy, b.target, b.target, null));
    } catch (IOException e) {
      log.warn("run {}: cannot move the old file {} back to {}", r.runId, b.copy, b.target, e);
      done.add(new Settled(r.runId, Action.KEPT_ASIDE, output, b.copy, b.target, b.copy, null));
    }
  }

  private static Output outputAt(Record r, Path target) {
    return r.temps.values().stream()
        .filter(t -> t.target.equals(target))
        .map(Temp::output)
        .findFirst()
        .orElse(Output.WORKBOOK);
  }

  private static Settled lost(Record r, Temp t, Path target) {
    log.warn(
        "run {} is posted but its temporary {} {} is missing or not the one written; {} was not"
            + " placed",
        r.runId,
        t.output.code(),
        t.temp,
        target);
    deleteQuietly(t.temp);
    return new Settled(r.runId, Action.LOST, t.output, t.temp, target, null, null);
  }

  /** Deletes the run's backups and its journal. */
  private static void finish(Path journal, Record r) {
    for (Backup b : r.backups) {
      if (deleteQuietly(b.copy)) {
        log.info("run {}: removed the old file {} it replaced", r.runId, b.copy);
      }
    }
    if (deleteQuietly(journal)) {
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

  private static String sha256IfFile(Path p) throws IOException {
    return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Hashing.sha256(p) : null;
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

  private static long pidOfFresh(String name) {
    String rest = name.substring(0, name.length() - FRESH.length());
    try {
      return Long.parseLong(rest.substring(rest.lastIndexOf('.') + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  // ---- the file

  private record Temp(Output output, Path temp, Path target) {}

  private record Written(Output output, Path temp, String sha256, String replaces) {}

  /** The old file at {@code target} that a {@code --force} run moved aside to {@code copy}. */
  private record Backup(Path copy, Path target) {}

  /** A journal as read back; an unfinished last line (the writer was killed) is left out. */
  private record Record(
      String runId,
      String ledger,
      long pid,
      long started,
      Map<Path, Temp> temps,
      Map<Output, Written> written,
      List<Backup> backups,
      boolean ready) {

    static Record read(Path file) throws IOException {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n');
      String runId = null;
      String ledger = null;
      long pid = -1;
      long started = 0;
      Map<Path, Temp> temps = new LinkedHashMap<>();
      Map<Output, Written> written = new LinkedHashMap<>();
      List<Backup> backups = new ArrayList<>();
      boolean ready = false;
      String[] lines = end < 0 ? new String[0] : text.substring(0, end).split("\n", -1);
      for (String raw : lines) {
        List<String> f = fields(raw);
        try {
          switch (f.get(0)) {
            case "run" -> runId = f.get(1);
            case "ledger" -> ledger = f.get(1);
            case "owner" -> {
              pid = Long.parseLong(f.get(1));
              started = Long.parseLong(f.get(2));
            }
            case "temp" -> {
              Path temp = Path.of(f.get(2));
              temps.put(temp, new Temp(Output.of(f.get(1)), temp, Path.of(f.get(3))));
            }
            case "written" -> {
              Output o = Output.of(f.get(1));
              written.put(o, new Written(o, Path.of(f.get(2)), f.get(3), f.get(4)));
            }
            case "backup" -> backups.add(new Backup(Path.of(f.get(1)), Path.of(f.get(2))));
            case "ready" -> ready = true;
            default -> {
              // the header line, or a line of a later version: nothing to do with it
            }
          }
        } catch (RuntimeException e) {
          throw new IOException("malformed line in " + file + ": " + raw, e);
        }
      }
      if (runId == null || ledger == null || pid < 0) {
        throw new IOException("no header in " + file);
      }
      return new Record(runId, ledger, pid, started, temps, written, backups, ready);
    }
  }

  /** One line of tab-separated fields; backslash, tab, CR and LF escaped. */
  static String line(String... fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        b.append('\t');
      }
      for (char c : fields[i].toCharArray()) {
        switch (c) {
          case '\\' -> b.append("\\\\");
          case '\t' -> b.append("\\t");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          default -> b.append(c);
        }
      }
    }
    return b.append('\n').toString();
  }

  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        out.add(b.toString());
        b.setLength(0);
      } else if (c == '\\' && i + 1 < line.length()) {
        char n = line.charAt(++i);
        b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        b.append(c);
      }
    }
    out.add(b.toString());
    return out;
  }

  // ---- files

  private static void privateDirectories(Path dir) throws IOException {
    Files.createDirectories(dir, ownerOnly("rwx------"));
  }

  /** Owner-only permissions where the file system has POSIX ones; elsewhere its own ACLs apply. */
  private static FileAttribute<?>[] ownerOnly(String permissions) {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
      };
    }
    return new FileAttribute<?>[0];
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean deleteQuietly(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("cannot delete {}", file, e);
      return false;
    }
  }
}
