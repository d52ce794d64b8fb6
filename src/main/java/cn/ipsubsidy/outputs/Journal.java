package cn.ipsubsidy.outputs;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.report.OutputFiles;
import cn.ipsubsidy.report.PreparedOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pending-outputs journal of one run, written by that run through its {@link OutputTransaction}
 * ({@link JournalFormat} says what is in it, {@link PendingOutputs} settles it when the run was
 * killed); thread-safe, the outputs are written apart. Nothing is on disk until {@link #start}.
 */
final class Journal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Journal.class);
  private final Path dir;
  private String runId;
  private Path file;
  private FileChannel channel;

  /** The journal of a run in {@code dir} ({@link PendingOutputs#folder()}); nothing on disk yet. */
  Journal(Path dir) {
    this.dir = dir;
  }

  /**
   * Creates the journal with its header, on disk before this returns. Written under a fresh name
   * that says which process writes it, then renamed: a journal under its own name is never
   * half-made.
   *
   * @param ledger the ledger the run posts to, as {@code Ledger.identity()} names it
   * @throws JournalException when the folder cannot be written (nothing was written or posted)
   */
  public synchronized void start(String runId, String ledger) {
    if (channel != null) {
      throw new IllegalStateException("journal of run " + this.runId + " already started");
    }
    this.runId = runId;
    this.file = JournalFormat.file(dir, runId);
    ProcessHandle self = ProcessHandle.current();
    long started = self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    Path fresh = JournalFormat.fresh(dir, runId, self.pid());
    try {
      FileOps.privateDirectories(dir);
      channel =
          FileChannel.open(
              fresh,
              Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              FileOps.ownerOnly("rw-------"));
      append(JournalFormat.header(runId, ledger, self.pid(), started));
      FileOps.move(fresh, file);
      OutputFiles.syncDirectory(dir);
    } catch (IOException e) {
      close();
      FileOps.deleteQuietly(fresh);
      throw new JournalException(
          Bilingual.of(
              "无法在 " + dir + " 中记录待放置的输出文件（" + e.getMessage() + "）；未写出任何文件，未过账。请检查该文件夹的权限和磁盘空间。",
              "cannot record the pending outputs in "
                  + dir
                  + " ("
                  + e
                  + "): nothing was written or posted. Check the folder's permissions and free"
                  + " space."),
          e);
    }
    log.debug("run {}: pending-outputs journal {}", runId, file);
  }

  /** Records a temporary output's name before it is created. */
  public synchronized void temp(Output output, Path target, Path temp) throws IOException {
    append(JournalFormat.temp(output, temp, target));
  }

  /**
   * Records, before it is moved, that the old file at {@code target} (which {@code --force}
   * replaces) goes aside to {@code backup}: settling moves it back if the run was not posted, and
   * deletes it once the run's outputs are in place.
   */
  public synchronized void movedAside(Path target, Path backup) throws IOException {
    append(JournalFormat.backup(backup, target));
  }

  /**
   * Records that {@code prepared} is complete: its {@link FileFingerprint}, and that of the file
   * now at its target (which a {@code --force} run replaces), or "-" when there is none.
   */
  public void written(Output output, PreparedOutput prepared) throws IOException {
    String fingerprint = FileFingerprint.of(prepared.temp());
    String replaces = FileFingerprint.ofIfFile(prepared.target());
    synchronized (this) {
      append(JournalFormat.written(output, prepared.temp(), fingerprint, replaces));
    }
  }

  /** Every output is complete: the transaction may commit. */
  public synchronized void ready() throws IOException {
    append(JournalFormat.ready());
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
    if (closeChannel() && FileOps.deleteQuietly(file)) {
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
