package cn.ipsubsidy.outputs;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file operations the journal and settling share. */
final class FileOps {
  private static final Logger log = LoggerFactory.getLogger(FileOps.class);

  private FileOps() {}

  static void privateDirectories(Path dir) throws IOException {
    Files.createDirectories(dir, ownerOnly("rwx------"));
  }

  /** Owner-only permissions where the file system has POSIX ones; elsewhere its own ACLs apply. */
  static FileAttribute<?>[] ownerOnly(String permissions) {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
      };
    }
    return new FileAttribute<?>[0];
  }

  /** In one step where the file system can, else a plain move. */
  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** True when it was there and is gone; a failure is logged. */
  static boolean deleteQuietly(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("cannot delete {}", file, e);
      return false;
    }
  }
}
