package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.cli.FaultsTable.Folder;
import cn.ipsubsidy.cli.FaultsTable.LedgerState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The output side fails: the folder cannot be written, an old output is locked, the disk fills up
 * while the workbook is written. Each time: exit 2, one line in the chosen language that names the
 * file and says nothing was written, no file left behind, every existing output exactly as it was.
 * What each fault showed goes into the faults table of {@code docs/robustness.md} ({@link
 * FaultsTable}).
 */
@Tag("robustness")
class OutputFaultsTest {
  @TempDir Path dir;

  /** The ledgers, kept out of {@link #dir} so that its listing shows only the outputs. */
  @TempDir Path ledgers;

  private String ledger(String name) {
    return "jdbc:sqlite:" + ledgers.resolve(name + ".db");
  }

  private Path claims(int rows) throws IOException {
    StringBuilder b = new StringBuilder(String.join(",", BadInputs.H7)).append('\n');
    for (int i = 1; i <= rows; i++) {
      String[] g = BadInputs.G1.clone();
      g[0] = "G" + i;
      b.append(String.join(",", g)).append('\n');
    }
    return Files.writeString(dir.resolve("claims.csv"), b, StandardCharsets.UTF_8);
  }

  private Set<String> listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static void clearOneLiner(int exit, String err) {
    assertThat(exit).as(err).isEqualTo(2);
    assertThat(err.strip().lines()).as(err).hasSize(1);
    assertThat(err).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain(" / ");
  }

  /** A folder this process cannot create files in, even as root (then a read-only /proc). */
  private Path unwritableFolder() throws IOException {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    try {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    } catch (UnsupportedOperationException e) {
      FaultsTable.skip("output-folder-unwritable", "no POSIX permissions on this file system");
    }
    try {
      Files.delete(Files.createFile(locked.resolve("probe")));
    } catch (IOException e) {
      return locked; // the permissions hold
    }
    Path proc = Path.of("/proc");
    FaultsTable.assume(
        "output-folder-unwritable", Files.isDirectory(proc), "no folder this user cannot write");
    return proc;
  }

  @Test
  void anUnwritableOutputFolderIsNamedAndNothingIsWritten() throws IOException {
    Path claims = claims(2);
    Path folder = unwritableFolder();
    String[] args = {
      "calc",
      claims.toString(),
      "--out",
      folder.resolve("payout.xlsx").toString(),
      "--ledger",
      ledger("unwritable")
    };
    LedgerState ledgerBefore = LedgerState.of(ledger("unwritable"));
    Folder before = Folder.of(dir);
    Cli r = Cli.run(args);
    clearOneLiner(r.exit(), r.err());
    assertThat(r.err()).contains("无法在目录 " + folder + " 中写入输出文件");
    Cli en = Cli.en(args);
    clearOneLiner(en.exit(), en.err());
    assertThat(en.err()).contains("cannot write output files in directory " + folder);
    assertThat(listing(dir)).isSubsetOf("claims.csv", "locked");
    if (!folder.startsWith("/proc")) {
      assertThat(listing(folder)).isEmpty();
    }
    record("output-folder-unwritable", r, en, "unwritable", ledgerBefore, before);
  }

  @Test
  void existingOutputsWithoutForceAreLeftAsTheyWere() throws IOException {
    Path claims = claims(2);
    Files.writeString(dir.resolve("claims-payout.xlsx"), "old workbook");
    Files.writeString(dir.resolve("claims-audit.csv"), "old audit");
    LedgerState ledgerBefore = LedgerState.of(ledger("existing"));
    Folder before = Folder.of(dir);
    Cli r = Cli.run("calc", claims.toString(), "--ledger", ledger("existing"));
    clearOneLiner(r.exit(), r.err());
    assertThat(r.err()).contains("输出文件已存在").contains("--force");
    Cli en = Cli.en("calc", claims.toString(), "--ledger", ledger("existing"));
    clearOneLiner(en.exit(), en.err());
    assertThat(en.err()).contains("output file exists").contains("--force");
    assertThat(dir.resolve("claims-payout.xlsx")).hasContent("old workbook");
    assertThat(dir.resolve("claims-audit.csv")).hasContent("old audit");
    assertThat(listing(dir))
        .containsExactly("claims-audit.csv", "claims-payout.xlsx", "claims.csv");
    record("outputs-exist", r, en, "existing", ledgerBefore, before);
  }

  /**
   * On Windows a workbook open in Excel cannot be replaced; on Linux the immutable attribute does
   * the same. The audit log is placed after the workbook, so locking it tests that the workbook
   * already placed is taken back; locking the workbook tests the first move.
   */
  @Test
  @EnabledOnOs(OS.LINUX)
  void aLockedOutputIsNotReplacedAndThePairStaysAsItWas() throws Exception {
    Path claims = claims(2);
    Map<String, String> seen = new HashMap<>();
    List<String> ledgers = new ArrayList<>();
    List<String> folders = new ArrayList<>();
    for (String locked : List.of("claims-audit.csv", "claims-payout.xlsx")) {
      Path workbook = Files.writeString(dir.resolve("claims-payout.xlsx"), "old workbook");
      Path audit = Files.writeString(dir.resolve("claims-audit.csv"), "old audit");
      Path target = dir.resolve(locked);
      LedgerState ledgerBefore = LedgerState.of(ledger(locked));
      Folder before = Folder.of(dir);
      FaultsTable.assume(
          "output-locked",
          chattr("+i", target),
          "chattr +i needs root and a file system that has it");
      try {
        // a ledger for each attempt: the first posts before its move fails; one in each language
        String lang = locked.endsWith(".csv") ? "zh" : "en";
        Cli r =
            Cli.run(
                "calc", claims.toString(), "--force", "--ledger", ledger(locked), "--lang", lang);
        clearOneLiner(r.exit(), r.err());
        seen.put(lang, r.err());
        seen.put("exit", String.valueOf(r.exit()));
        if (lang.equals("zh")) {
          assertThat(r.err())
              .contains("无法替换 " + target)
              .contains("如正在 Excel 中打开")
              .contains("已恢复原有文件，未写出任何文件");
        } else {
          assertThat(r.err())
              .contains("cannot replace " + target)
              .contains("open in Excel?")
              .contains("the previous files were restored and nothing was written");
        }
      } finally {
        chattr("-i", target);
      }
      assertThat(workbook).hasContent("old workbook");
      assertThat(audit).hasContent("old audit");
      assertThat(listing(dir))
          .containsExactly("claims-audit.csv", "claims-payout.xlsx", "claims.csv");
      // the old file is moved aside before the commit, so the lock stops the run unposted: a
      // clerk who closes the file and runs again is not refused as "already posted"
      LedgerState ledgerAfter = LedgerState.of(ledger(locked));
      assertThat(ledgerAfter).isEqualTo(ledgerBefore);
      ledgers.add(LedgerState.change(ledgerBefore, ledgerAfter));
      folders.add(Folder.change(before, Folder.of(dir)));
    }
    record("output-locked", seen, ledgers, folders);
  }

  /** A row of the faults table: what the two runs said, what ledger {@code name} and dir show. */
  private void record(
      String id, Cli zh, Cli en, String name, LedgerState ledgerBefore, Folder before)
      throws IOException {
    FaultsTable.record(
        id,
        zh.exit(),
        zh.err(),
        en.err(),
        LedgerState.change(ledgerBefore, LedgerState.of(ledger(name))),
        Folder.change(before, Folder.of(dir)));
  }

  /** A row of the faults table from runs in each language, each with its ledger and folder. */
  private static void record(
      String id, Map<String, String> seen, List<String> ledgers, List<String> folders)
      throws IOException {
    FaultsTable.record(
        id,
        Integer.parseInt(seen.get("exit")),
        seen.get("zh"),
        seen.get("en"),
        FaultsTable.folders(ledgers.toArray(new String[0])),
        FaultsTable.folders(folders.toArray(new String[0])));
  }

  static boolean chattr(String flag, Path file) throws Exception {
    try {
      Process p =
          new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false; // no chattr
    }
  }

  /**
   * The disk fills up while the workbook is written: a real ipsubsidy process whose file size limit
   * (ulimit -f) is smaller than the workbook, so the kernel refuses the write as it would on a full
   * disk. Run fresh and over existing outputs with --force.
   */
  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aFullDiskWhileWritingLeavesNothingBehind() throws Exception {
    Path claims = claims(3_000);
    // the ledger is made beforehand: its schema alone is more than the child may write
    String ledger = ledger("full-disk");
    Path sqliteLibrary = sqliteLibrary();
    assertThat(Cli.run("ledger", "verify", "--ledger", ledger).exit()).isZero();
    LedgerState ledgerBefore = LedgerState.of(ledger);
    Map<String, String> seen = new HashMap<>();
    List<String> folders = new ArrayList<>();
    for (boolean force : new boolean[] {false, true}) {
      if (force) {
        Files.writeString(dir.resolve("claims-payout.xlsx"), "old workbook");
        Files.writeString(dir.resolve("claims-audit.csv"), "old audit");
      }
      Folder before = Folder.of(dir);
      // in Chinese, then over existing outputs in English
      List<String> args =
          new ArrayList<>(
              List.of(
                  "calc", claims.toString(), "--ledger", ledger, "--lang", force ? "en" : "zh"));
      if (force) {
        args.add("--force");
      }
      Child r = ipsubsidyWithFileSizeLimit(64, sqliteLibrary, args.toArray(new String[0]));
      clearOneLiner(r.exit(), r.err());
      seen.put(force ? "en" : "zh", r.err());
      seen.put("exit", String.valueOf(r.exit()));
      // the first file to pass the limit is a temporary one of the run (rows and lines spill to
      // disk before any output is written) or the workbook itself: either is named
      if (force) {
        assertThat(r.err())
            .containsAnyOf(
                "writing " + dir.resolve("claims-payout.xlsx") + " failed",
                "cannot write a temporary file in ")
            .contains("nothing was written and existing files are unchanged");
      } else {
        assertThat(r.err())
            .containsAnyOf("写出 " + dir.resolve("claims-payout.xlsx") + " 失败", "无法在临时文件夹 ")
            .contains("未写出任何文件，原有文件未改动");
      }
      if (force) {
        assertThat(dir.resolve("claims-payout.xlsx")).hasContent("old workbook");
        assertThat(dir.resolve("claims-audit.csv")).hasContent("old audit");
        assertThat(listing(dir))
            .containsExactly("claims-audit.csv", "claims-payout.xlsx", "claims.csv", "home");
      } else {
        assertThat(listing(dir)).containsExactly("claims.csv", "home");
      }
      folders.add(Folder.change(before, Folder.of(dir)));
    }
    record(
        "disk-full",
        seen,
        List.of(LedgerState.change(ledgerBefore, LedgerState.of(ledger))),
        folders);
  }

  record Child(int exit, String out, String err) {}

  /**
   * SQLite's native library, copied out of its jar here: the child could not write its own copy
   * (SQLite unpacks it to the temporary folder on every start).
   */
  private Path sqliteLibrary() throws IOException {
    Path folder = Files.createDirectories(ledgers.resolve("native"));
    String name = LibraryLoaderUtil.getNativeLibName();
    try (var in =
        OutputFaultsTest.class.getResourceAsStream(
            LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
      FaultsTable.assume(
          "disk-full", in != null, "no SQLite native library for this platform in the jar");
      Files.copy(in, folder.resolve(name));
    }
    return folder.resolve(name);
  }

  /** Runs the real main() in a new JVM whose files may not grow beyond {@code kilobytes}. */
  private Child ipsubsidyWithFileSizeLimit(int kilobytes, Path sqliteLibrary, String... args)
      throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>();
    cmd.add("bash");
    cmd.add("-c");
    cmd.add("ulimit -f " + kilobytes + " && exec \"$@\"");
    cmd.add("ipsubsidy");
    cmd.addAll(
        List.of(
            java,
            "-XX:-UsePerfData",
            "-Dfile.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8",
            "-Dstderr.encoding=UTF-8",
            "-Dipsubsidy.home=" + home,
            "-Dorg.sqlite.lib.path=" + sqliteLibrary.getParent(),
            "-Dorg.sqlite.lib.name=" + sqliteLibrary.getFileName(),
            "-cp",
            System.getProperty("java.class.path"),
            IpSubsidy.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("IPSUBSIDY_HOME");
    Path out = Files.createTempFile("child", ".out");
    Path err = Files.createTempFile("child", ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
    Child c =
        new Child(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return c;
  }
}
