package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a ledger is: the home folder ({@code $IPSUBSIDY_HOME}, {@code -Dipsubsidy.home}, {@code
 * ~/.ipsubsidy}) and the default ledger in it, the file of a SQLite URL, the URL as messages show
 * it (passwords masked), and the files and folders made for it, readable by their owner only.
 */
final class LedgerLocation {
  private static final Pattern PASSWORD =
      Pattern.compile("(?i)(password|sslpassword|sslkey)=([^&;]*)");
  private static final Pattern USER_INFO = Pattern.compile("//([^/:@?]+):([^/@?]*)@");

  private LedgerLocation() {}

  /** See {@link Ledger#defaultUrl()}. */
  static String defaultUrl() {
    String env = System.getenv("IPSUBSIDY_LEDGER");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    Path home = home();
    if (!Files.isDirectory(home)) {
      try {
        createPrivateDirectories(home);
      } catch (IOException e) {
        throw LedgerException.of(
            "jdbc:sqlite:" + home.resolve("ledger.db"),
            "无法创建账本文件夹 " + home + "：" + reason(e).zh() + "。请检查权限，或用 --ledger 指定账本。",
            "cannot create the ledger folder "
                + home
                + ": "
                + reason(e).en()
                + ". Check its permissions, or name a ledger with --ledger.",
            e);
      }
    }
    return "jdbc:sqlite:" + home.resolve("ledger.db");
  }

  /** See {@link Ledger#home()}. */
  static Path home() {
    String home = System.getenv("IPSUBSIDY_HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("ipsubsidy.home");
    }
    if (home == null || home.isBlank()) {
      return Paths.get(System.getProperty("user.home"), ".ipsubsidy");
    }
    return Paths.get(home);
  }

  /** A JDBC URL with passwords replaced by ***. */
  static String mask(String jdbcUrl) {
    String s = PASSWORD.matcher(jdbcUrl).replaceAll("$1=***");
    return USER_INFO.matcher(s).replaceAll("//$1:***@");
  }

  /** The file of a SQLite URL, or null for an in-memory database. */
  static String sqlitePath(String url) {
    String rest = url.substring("jdbc:sqlite:".length());
    boolean uri = rest.startsWith("file:");
    if (uri) {
      rest = rest.substring("file:".length());
      if (rest.startsWith("//")) {
        rest = rest.substring(2);
      }
    }
    int q = rest.indexOf('?');
    String query = q < 0 ? "" : rest.substring(q + 1).toLowerCase(Locale.ROOT);
    if (q >= 0) {
      rest = rest.substring(0, q);
    }
    if (rest.isEmpty() || rest.equals(":memory:") || query.contains("mode=memory")) {
      return null;
    }
    return rest;
  }

  /** The SQLite ledger file as an absolute path (the URL names a file). */
  static Path sqliteFile(String url) {
    return Paths.get(sqlitePath(url)).toAbsolutePath();
  }

  /**
   * A SQLite ledger's file, made (owner only) when missing; its folder must exist.
   *
   * @throws LedgerException for an in-memory database, a missing folder, or a file that cannot be
   *     made
   */
  static void prepareSqliteFile(String url, String masked) {
    String path = sqlitePath(url);
    if (path == null) {
      throw LedgerException.of(
          masked,
          "账本不能是内存数据库（" + masked + "）：每次运行后即丢失。请指定文件。",
          "the ledger cannot be an in-memory database ("
              + masked
              + "): it would forget every run."
              + " Name a file.",
          null);
    }
    Path file = Paths.get(path).toAbsolutePath();
    Path dir = file.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw LedgerException.of(
          masked,
          "账本文件夹 " + dir + " 不存在，本次未过账。请先创建，或检查 --ledger 或 IPSUBSIDY_LEDGER 是否写错。",
          "the ledger's folder "
              + dir
              + " does not exist, so nothing was posted. Create it, or check --ledger or"
              + " IPSUBSIDY_LEDGER for a typo.",
          null);
    }
    if (Files.exists(file)) {
      return;
    }
    try {
      Files.createFile(file, ownerOnly()); // not a POSIX file system: its own ACLs apply
    } catch (FileAlreadyExistsException e) {
      // created by another process just now
    } catch (IOException e) {
      throw LedgerException.of(
          masked,
          "无法创建账本文件 " + file + "：" + reason(e).zh() + "；本次未过账。请检查文件夹权限后重新运行。",
          "cannot create the ledger file "
              + file
              + ": "
              + reason(e).en()
              + ", so nothing was posted. Check the folder's permissions, then run again.",
          e);
    }
  }

  /** A SQLite ledger file that may be written, in a folder that may not. */
  static boolean onlyFolderReadOnly(String url) {
    String path = sqlitePath(url);
    if (path == null) {
      return false;
    }
    Path file = Paths.get(path).toAbsolutePath();
    return Files.isWritable(file) && !Files.isWritable(file.getParent());
  }

  /** Read and write by the owner only: for the ledger and the files beside it. */
  static FileAttribute<?>[] ownerOnly() {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    try {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }

  /** What an I/O failure says, without the exception's class name. */
  private static Bilingual reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return Bilingual.of("没有权限", "permission denied");
    }
    String why = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    return why == null ? Bilingual.of("读写失败", "input/output error") : Bilingual.of(why, why);
  }
}
