package cn.ipsubsidy.report;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.slf4j.LoggerFactory;

/**
 * Where Apache POI puts the temporary files of the workbooks being written (the payout workbook's
 * deflated rows, SXSSF's sheets of the reconciliation): a folder of this user's own. POI's default,
 * {@code <java.io.tmpdir>/poifiles}, is one folder for everybody, made by the first user with that
 * user's permissions: on an office machine shared by two clerks, the second could not write a
 * payout workbook at all, and could read the first's temporary sheets.
 */
public final class PoiTempFolder {
  private static boolean set;

  private PoiTempFolder() {}

  /** Sets POI's temporary folder to this user's own, once per process. */
  public static synchronized void ensure() {
    if (set) {
      return;
    }
    set = true;
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
    Path dir = tmp.resolve("ipsubsidy-poifiles-" + user);
    try {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(dir, ownerOnly());
      }
      if (!Files.isWritable(dir) || !ownedByMe(dir)) {
        // a folder of that name that another user made: one of our own, named at random
        dir = Files.createTempDirectory(tmp, "ipsubsidy-poifiles-", ownerOnly());
      }
      TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir.toFile()));
    } catch (IOException | RuntimeException e) {
      // POI's default then; writing will say what fails, naming the folder
      LoggerFactory.getLogger(PoiTempFolder.class)
          .warn("cannot make a temporary folder for workbooks in {}", tmp, e);
    }
  }

  private static boolean ownedByMe(Path dir) throws IOException {
    try {
      return Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS)
          .getName()
          .equals(System.getProperty("user.name"));
    } catch (UnsupportedOperationException e) {
      return true;
    }
  }

  private static FileAttribute<?>[] ownerOnly() {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
      };
    }
    return new FileAttribute<?>[0];
  }
}
