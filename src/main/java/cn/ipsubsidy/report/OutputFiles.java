package cn.ipsubsidy.report;

import cn.ipsubsidy.domain.Bilingual;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes output files so that a clerk never finds a half-written payout workbook or audit log: the
 * content goes to a hidden temporary file in the target's directory ({@code .<name>.<random>.tmp}),
 * is forced to disk, and is then moved into place in one step. On any failure the temporary file is
 * deleted and an existing target is left as it was. Without {@code force} an existing target is
 * never replaced.
 *
 * <p>For several files that belong together (workbook and audit CSV) use {@link #prepare} for each;
 * the posting protocol ({@code cn.ipsubsidy.outputs}) stages and places them together, and {@link
 * PreparedOutput#discard()} throws them away. A caller that must find its files again after the
 * process was killed (the pending-outputs journal of {@code calc}) passes a {@link NewFiles} that
 * is told each name before the file exists.
 */
public final class OutputFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Told the name of each temporary or backup file before it is created, so that a record of it
   * exists before the file does; a failure to record stops the write.
   */
  @FunctionalInterface
  public interface NewFiles {
    NewFiles NONE = file -> {};

    void willCreate(Path file) throws IOException;
  }

  private OutputFiles() {}

  /**
   * Writes {@code target} through {@code writer} atomically.
   *
   * @throws OutputExistsException when the target exists and {@code force} is false
   * @throws OutputDirectoryException when the target's directory is missing or not writable
   */
  public static void writeAtomically(Path target, boolean force, IoWriter writer)
      throws IOException {
    try (PreparedOutput prepared = prepare(target, force, writer)) {
      prepared.commit();
    }
  }

  /**
   * Writes the content to a temporary file beside {@code target} and forces it to disk; the target
   * is not touched until {@link PreparedOutput#commit()}. Refuses early when the target exists and
   * {@code force} is false, so no work is wasted.
   */
  public static PreparedOutput prepare(Path target, boolean force, IoWriter writer)
      throws IOException {
    return prepare(target, force, writer, NewFiles.NONE);
  }

  /** As {@link #prepare(Path, boolean, IoWriter)}, telling {@code newFiles} the temporary name. */
  public static PreparedOutput prepare(
      Path target, boolean force, IoWriter writer, NewFiles newFiles) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    checkTarget(absolute, force);
    Path temp = createTemp(absolute, newFiles);
    boolean ok = false;
    try {
      writer.write(temp);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      ok = true;
    } catch (IOException | UncheckedIOException e) {
      throw OutputWriteException.writing(absolute, e);
    } catch (RuntimeException e) {
      // POI wraps an I/O failure of its temporary sheet files in a runtime exception
      if (causedByIo(e)) {
        throw OutputWriteException.writing(absolute, e);
      }
      throw e;
    } finally {
      if (!ok) {
        deleteQuietly(temp);
      }
    }
    return new PreparedOutput(absolute, temp, force);
  }

  private static boolean causedByIo(Throwable t) {
    for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause()) {
      if (c instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /**
   * ".name.&lt;random&gt;&lt;suffix&gt;" beside {@code target}, hidden, a name no file has yet:
   * where a temporary output (".tmp") or an old file moved aside (".bak") goes.
   */
  public static Path hiddenSibling(Path target, String suffix) {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    return target.resolveSibling(
        "." + target.getFileName() + "." + HexFormat.of().formatHex(random) + suffix);
  }

  static void checkTarget(Path target, boolean force) throws IOException {
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(
          Bilingual.of("输出路径是一个目录：" + target, "output path is a directory: " + target).toString());
    }
    if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new OutputExistsException(target);
    }
  }

  private static Path createTemp(Path target, NewFiles newFiles) throws IOException {
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new OutputDirectoryException(
          dir, Bilingual.of("目录不存在", "the directory does not exist"), null);
    }
    for (int attempt = 0; ; attempt++) {
      Path temp = hiddenSibling(target, ".tmp");
      newFiles.willCreate(temp);
      try {
        // createFile, not createTempFile: the file gets the ordinary permissions of the
        // directory (umask), not owner-only, so colleagues can open the result.
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 5) {
          throw e;
        }
      } catch (AccessDeniedException | NoSuchFileException e) {
        throw new OutputDirectoryException(dir, Bilingual.of("没有写入权限", "permission denied"), e);
      } catch (FileSystemException e) {
        String why = e.getReason() == null ? e.toString() : e.getReason();
        throw new OutputDirectoryException(dir, Bilingual.of(why, why), e);
      }
    }
  }

  /**
   * Moves the complete file {@code temp} onto {@code target} in one step and forces the directory
   * entry to disk. With {@code replace} an existing target is replaced; without it an existing
   * target is never replaced, even one that appears meanwhile.
   *
   * @throws OutputExistsException when the target exists and {@code replace} is false
   */
  public static void place(Path temp, Path target, boolean replace) throws IOException {
    if (replace) {
      moveReplacing(temp, target);
    } else {
      moveNoClobber(temp, target);
    }
    syncDirectory(target.getParent());
  }

  private static void moveReplacing(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * A hard link fails if the target exists, with no window between test and rename; where the file
   * system has no hard links, fall back to test-then-rename.
   */
  private static void moveNoClobber(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
      Files.delete(temp);
      return;
    } catch (FileAlreadyExistsException e) {
      throw new OutputExistsException(target);
    } catch (UnsupportedOperationException | IOException e) {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        if (Files.isSameFile(target, temp)) {
          // the link was made but the temp name could not be removed; the target is complete
          deleteQuietly(temp);
          return;
        }
        throw new OutputExistsException(target);
      }
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target);
    }
  }

  /** Forces the directory entry of a rename to disk where the platform allows it (not Windows). */
  public static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // best effort: some platforms cannot open a directory as a channel
    }
  }

  static boolean deleteQuietly(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      return false;
    }
  }
}
