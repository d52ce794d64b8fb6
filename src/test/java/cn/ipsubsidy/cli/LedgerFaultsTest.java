package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.cli.FaultsTable.Folder;
import cn.ipsubsidy.cli.FaultsTable.LedgerState;
import cn.ipsubsidy.ledger.TestLedgers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger side fails under a real {@code calc}: the ledger file or its folder cannot be written,
 * the folder is missing, another run holds the ledger, the PostgreSQL connection drops in the
 * middle of the transaction. Each time: exit 4, one line in the chosen language that names the
 * ledger, says nothing was posted and no file written, and what to do; no stack trace on the
 * terminal (it is in the log); {@code ledger verify} passes with the runs and entries it had; no
 * output file left behind and existing outputs byte for byte as they were. Each fault is run in
 * Chinese into an empty folder, then in English over existing outputs with {@code --force}; what
 * was seen goes into the faults table of {@code docs/robustness.md} ({@link FaultsTable}).
 */
@Tag("robustness")
@EnabledOnOs({OS.LINUX, OS.MAC})
class LedgerFaultsTest {
  @TempDir Path dir;

  /** The ledgers, apart from the outputs. */
  @TempDir Path ledgers;

  private static final String NO_LEDGER = "未建立账本\nno ledger was made";

  private static final Pattern RUN_ID = Pattern.compile("\\d{4}Q[1-4]-\\d{8}-\\d{6}-[0-9a-f]{4}");

  // ---- claims, folders and runs

  /** A claims file of one row, claim id {@code id}, in a folder of its own. */
  private Path claims(String folder, String id) throws IOException {
    Path f = Files.createDirectories(dir.resolve(folder)).resolve("claims.csv");
    String[] g = BadInputs.G1.clone();
    g[0] = id;
    return Files.writeString(
        f,
        String.join(",", BadInputs.H7) + "\n" + String.join(",", g) + "\n",
        StandardCharsets.UTF_8);
  }

  /** Outputs from an earlier run beside {@code claims}, for a run with --force. */
  private static void existingOutputs(Path claims) throws IOException {
    Files.writeString(claims.resolveSibling("claims-payout.xlsx"), "old workbook");
    Files.writeString(claims.resolveSibling("claims-audit.csv"), "old audit");
  }

  /** A ledger in {@link #ledgers} with one run posted. */
  private String postedLedger(String name) throws IOException {
    String url = "jdbc:sqlite:" + ledgers.resolve(name + ".db");
    Path seed = claims("seed-" + name, "S1");
    Cli r = Cli.run("calc", seed.toString(), "--ledger", url);
    assertThat(r.exit()).as(r.all()).isZero();
    return url;
  }

  private static String[] calc(Path claims, String url, String... more) {
    List<String> args = new ArrayList<>(List.of("calc", claims.toString(), "--ledger", url));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  // ---- what the clerk sees

  /** The log written in-process (logback-test.xml), to find the stack trace there. */
  private static Path log() {
    String home = System.getProperty("ipsubsidy.home");
    return home == null ? null : Path.of(home, "logs", "test.log");
  }

  private static long logSize() throws IOException {
    Path log = log();
    return log != null && Files.exists(log) ? Files.size(log) : 0;
  }

  /** The stack trace went to the log, not to the terminal. */
  private static void stackTraceLoggedSince(long size) throws IOException {
    Path log = log();
    if (log == null || !Files.exists(log)) {
      return;
    }
    byte[] all = Files.readAllBytes(log);
    String added = new String(all, (int) size, all.length - (int) size, StandardCharsets.UTF_8);
    assertThat(added)
        .as("the stack trace is in the log")
        .contains("LedgerException")
        .contains("\tat ");
  }

  /** Exit 4, one line that names the ledger and says nothing was posted or written. */
  private static void oneLedgerLine(int exit, String err, Lang lang, String ledger) {
    assertThat(exit).as(err).isEqualTo(ExitCode.LEDGER);
    assertThat(err.strip().lines()).as(err).hasSize(1);
    assertThat(err)
        .startsWith("ipsubsidy: ")
        .contains(ledger)
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .as("in one language")
        .doesNotContain(" / ");
    if (lang == Lang.ZH) {
      assertThat(err).contains("未过账").contains("未写出任何输出文件，原有文件未改动");
    } else {
      assertThat(err)
          .contains("nothing was posted")
          .contains("No output file was written; existing files are unchanged");
    }
  }

  /**
   * Runs calc on {@code url} in Chinese into an empty folder and in English over existing outputs
   * with --force, while {@code fault} is in force; checks the two answers, the folders, the log.
   *
   * @return the Chinese and the English run, and the folder cell for the table
   */
  private Runs bothLanguages(String url, String ledgerName, Fault fault, String... more)
      throws Exception {
    Path zhClaims = claims("zh", "G1");
    Path enClaims = claims("en", "G1");
    existingOutputs(enClaims);
    Folder zhBefore = Folder.of(zhClaims.getParent());
    Folder enBefore = Folder.of(enClaims.getParent());
    long log = logSize();
    Cli zh;
    Cli en;
    Undo undo = fault.make();
    try {
      zh = Cli.run(calc(zhClaims, url, more));
      List<String> force = new ArrayList<>(List.of(more));
      force.add("--force");
      en = Cli.en(calc(enClaims, url, force.toArray(new String[0])));
    } finally {
      undo.close();
    }
    oneLedgerLine(zh.exit(), zh.err(), Lang.ZH, ledgerName);
    oneLedgerLine(en.exit(), en.err(), Lang.EN, ledgerName);
    stackTraceLoggedSince(log);
    String folders =
        FaultsTable.folders(
            Folder.change(zhBefore, Folder.of(zhClaims.getParent())),
            Folder.change(enBefore, Folder.of(enClaims.getParent())));
    return new Runs(zh, en, folders);
  }

  private record Runs(Cli zh, Cli en, String folders) {
    /** This row of the faults table, the ledger as {@code ledger} says. */
    void record(String id, String ledger) throws IOException {
      FaultsTable.record(id, zh.exit(), zh.err(), en.err(), ledger, folders);
    }

    /** The ledger at {@code url} verifies with the runs and entries it had; the row is recorded. */
    void recordUnchanged(String id, String url, LedgerState before) throws IOException {
      LedgerState after = LedgerState.of(url);
      assertThat(after).as("ledger verify: the runs and entries it had").isEqualTo(before);
      record(id, LedgerState.change(before, after));
    }
  }

  /** Sets up a fault and returns how to take it away. */
  @FunctionalInterface
  private interface Fault {
    Undo make() throws IOException;
  }

  /** Takes a fault away. */
  @FunctionalInterface
  private interface Undo {
    void close() throws IOException;
  }

  // ---- making a file or folder read-only, even for root

  /**
   * {@code path} made read-only for this process: by its permission bits, or where they do not bind
   * (root) by the immutable attribute; skipped, visibly, where neither holds.
   */
  private static Undo readOnly(String id, Path path) throws IOException {
    Set<PosixFilePermission> old = Files.getPosixFilePermissions(path);
    boolean folder = Files.isDirectory(path);
    Files.setPosixFilePermissions(
        path, PosixFilePermissions.fromString(folder ? "r-xr-xr-x" : "r--r--r--"));
    if (!writable(path)) {
      return () -> Files.setPosixFilePermissions(path, old);
    }
    Files.setPosixFilePermissions(path, old);
    FaultsTable.assume(
        id,
        chattr("+i", path),
        "permission bits do not bind this user (root) and chattr +i failed (no chattr, or a file"
            + " system without the immutable attribute)");
    if (writable(path)) {
      chattr("-i", path);
      FaultsTable.skip(id, "chattr +i does not make " + path + " read-only here");
    }
    return () -> chattr("-i", path);
  }

  private static boolean writable(Path path) {
    try {
      if (Files.isDirectory(path)) {
        Files.delete(Files.createFile(path.resolve("probe")));
      } else {
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.APPEND)) {
          // opened for writing: it is writable
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean chattr(String flag, Path path) throws IOException {
    try {
      return OutputFaultsTest.chattr(flag, path);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("chattr " + flag + " " + path, e);
    }
  }

  private static String sha256(Path file) throws IOException {
    return Folder.of(file.getParent()).files().get(file.getFileName().toString());
  }

  // ---- the faults

  @Test
  void aReadOnlyLedgerFileIsNamedAndNothingIsPosted() throws Exception {
    String id = "ledger-file-read-only";
    String url = postedLedger("read-only");
    Path file = ledgers.resolve("read-only.db");
    LedgerState before = LedgerState.of(url);
    String bytes = sha256(file);
    Runs r = bothLanguages(url, file.toString(), () -> readOnly(id, file));
    assertThat(r.zh().err()).contains(file + " 为只读").contains("请检查文件或数据库权限");
    assertThat(r.en().err())
        .contains(file + " is read-only")
        .contains("Check the file's or the database's permissions");
    assertThat(sha256(file)).as("the ledger file byte for byte").isEqualTo(bytes);
    r.recordUnchanged(id, url, before);
  }

  @Test
  void aLedgerFolderThatCannotBeWrittenIsNamed() throws Exception {
    String id = "ledger-folder-read-only";
    Path folder = Files.createDirectories(ledgers.resolve("locked-folder"));
    String url = "jdbc:sqlite:" + folder.resolve("ledger.db");
    Cli seed = Cli.run(calc(claims("seed", "S1"), url));
    assertThat(seed.exit()).as(seed.all()).isZero();
    LedgerState before = LedgerState.of(url);
    String bytes = sha256(folder.resolve("ledger.db"));
    Runs r = bothLanguages(url, folder.toString(), () -> readOnly(id, folder));
    assertThat(r.zh().err())
        .contains(" 所在的文件夹 " + folder + " 中写入")
        .contains("ledger.db-journal")
        .contains("请检查该文件夹的权限");
    assertThat(r.en().err())
        .contains("cannot write in the folder " + folder + " of the ledger")
        .contains("ledger.db-journal")
        .contains("Check the folder's permissions");
    assertThat(sha256(folder.resolve("ledger.db"))).isEqualTo(bytes);
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ledger.db");
    }
    r.recordUnchanged(id, url, before);
  }

  @Test
  void aNewLedgerInAFolderThatCannotBeWrittenIsNamed() throws Exception {
    String id = "ledger-folder-read-only-new";
    Path folder = Files.createDirectories(ledgers.resolve("locked-new"));
    Path file = folder.resolve("ledger.db");
    Runs r = bothLanguages("jdbc:sqlite:" + file, file.toString(), () -> readOnly(id, folder));
    assertThat(r.zh().err()).contains("无法创建账本文件 " + file).contains("请检查文件夹权限");
    assertThat(r.en().err())
        .contains("cannot create the ledger file " + file)
        .contains("Check the folder's permissions");
    assertThat(file).doesNotExist();
    r.record(id, NO_LEDGER);
  }

  @Test
  void aMissingLedgerFolderIsNamed() throws Exception {
    Path folder = ledgers.resolve("no-such-folder");
    Runs r =
        bothLanguages(
            "jdbc:sqlite:" + folder.resolve("ledger.db"), folder.toString(), () -> () -> {});
    assertThat(r.zh().err()).contains("账本文件夹 " + folder + " 不存在");
    assertThat(r.en().err()).contains("the ledger's folder " + folder + " does not exist");
    assertThat(folder).doesNotExist();
    r.record("ledger-folder-missing", NO_LEDGER);
  }

  @Test
  void aNewLedgerIsReadableAndWritableByItsOwnerOnly() throws Exception {
    Path file = ledgers.resolve("new.db");
    Cli r = Cli.run(calc(claims("new", "N1"), "jdbc:sqlite:" + file));
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Path.of(file + ".holder"))
        .as("the holder file is gone with the lock")
        .doesNotExist();
  }

  // ---- another run holds the ledger

  @Test
  void aLedgerHeldByAnotherRunNamesThatRunSqlite() throws Exception {
    lockedByAnotherRun("ledger-locked-sqlite", postedLedger("held"), "held.db");
  }

  @Test
  void aLedgerHeldByAnotherRunNamesThatRunPostgres() throws Exception {
    String id = "ledger-locked-postgres";
    String url = postgres(id);
    Cli seed = Cli.run(calc(claims("seed", "S1"), url));
    assertThat(seed.exit()).as(seed.all()).isZero();
    lockedByAnotherRun(id, url, url);
  }

  /**
   * A calc process (operator 王会计) holds the ledger, paused before its commit; this run waits
   * --lock-wait 1 s and is refused with that run's id and operator, in each language; the ledger is
   * as it was while held, and the holder then posts its own run.
   */
  private void lockedByAnotherRun(String id, String url, String ledgerName) throws Exception {
    LedgerState before = LedgerState.of(url);
    Path holderClaims = claims("holder", "H1");
    Child holder = Child.calc(holderClaims, url, 10_000, "--operator", "王会计", "--lang", "en");
    Runs r;
    long waited;
    try {
      holder.awaitTemporaryOutputs();
      long start = System.nanoTime();
      r = bothLanguages(url, ledgerName, () -> () -> {}, "--lock-wait", "1");
      waited = (System.nanoTime() - start) / 1_000_000;
      assertThat(LedgerState.of(url)).as("the held ledger, as it was").isEqualTo(before);
    } finally {
      holder.finish(60);
    }
    assertThat(holder.exit()).as(holder.err()).isZero();
    Matcher posted = RUN_ID.matcher(holder.out());
    assertThat(posted.find()).as(holder.out()).isTrue();
    String holderRun = posted.group();
    assertThat(r.zh().err())
        .contains("正被另一次运行占用（运行 " + holderRun + "，操作员 王会计，")
        .contains("pid ")
        .contains("等待1秒后仍未释放")
        .contains("--lock-wait");
    assertThat(r.en().err())
        .contains("is in use by another run (run " + holderRun + " by 王会计, ")
        .contains("not released within 1 s")
        .contains("--lock-wait SECONDS");
    assertThat(waited).as("two runs, each waiting --lock-wait 1 s").isBetween(2_000L, 9_000L);
    LedgerState after = LedgerState.of(url);
    assertThat(after.runs()).as("only the holder's run was posted").isEqualTo(before.runs() + 1);
    r.record(
        id,
        LedgerState.change(before, before) + "\n持有者随后过账其运行 / the holder then posts its own run");
  }

  // ---- the PostgreSQL connection drops

  @Test
  void aDroppedPostgresConnectionPostsNothing() throws Exception {
    String id = "postgres-connection-dropped";
    String url = postgres(id);
    Cli seed = Cli.run(calc(claims("seed", "S1"), url));
    assertThat(seed.exit()).as(seed.all()).isZero();
    LedgerState before = LedgerState.of(url);
    Path zhClaims = claims("zh", "G1");
    Path enClaims = claims("en", "G1");
    existingOutputs(enClaims);
    Folder zhBefore = Folder.of(zhClaims.getParent());
    Folder enBefore = Folder.of(enClaims.getParent());
    Child zh = droppedWhilePaused(url, zhClaims, "--lang", "zh");
    Child en = droppedWhilePaused(url, enClaims, "--lang", "en", "--force");
    oneLedgerLine(zh.exit(), zh.err(), Lang.ZH, url);
    oneLedgerLine(en.exit(), en.err(), Lang.EN, url);
    assertThat(zh.err()).contains("账本 " + url + " 的连接中断").contains("请检查网络和数据库服务器");
    assertThat(en.err())
        .contains("the ledger " + url + " lost its connection")
        .contains("Check the network and the database server");
    for (Child c : List.of(zh, en)) {
      assertThat(c.log())
          .as("the commit failed, and a new connection found the run not posted")
          .contains("the commit failed and the run is not in the ledger");
    }
    LedgerState after = LedgerState.of(url);
    assertThat(after).isEqualTo(before);
    FaultsTable.record(
        id,
        zh.exit(),
        zh.err(),
        en.err(),
        LedgerState.change(before, after),
        FaultsTable.folders(
            Folder.change(zhBefore, Folder.of(zhClaims.getParent())),
            Folder.change(enBefore, Folder.of(enClaims.getParent()))));
  }

  /** A calc process whose ledger connection is ended by the server once it posted, pausing. */
  private Child droppedWhilePaused(String url, Path claims, String... more) throws Exception {
    Child c = Child.calc(claims, url, 5_000, more);
    try {
      c.awaitTemporaryOutputs();
      Thread.sleep(1_000); // the run is posted and waits for its commit
      String holders =
          "SELECT DISTINCT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
              + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
              + " AND pid <> pg_backend_pid()";
      try (Connection admin = DriverManager.getConnection(url);
          Statement s = admin.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT pg_terminate_backend(pid) FROM (" + holders + ") h")) {
        assertThat(rs.next()).as("the calc's session holds the lock").isTrue();
        assertThat(rs.getBoolean(1)).as("and is ended").isTrue();
        assertThat(rs.next()).as("only it").isFalse();
      }
    } finally {
      c.finish(60);
    }
    return c;
  }

  private static String postgres(String id) throws IOException {
    String missing = TestLedgers.postgresMissing();
    if (missing != null) {
      FaultsTable.skip(id, missing);
    }
    return TestLedgers.postgres();
  }

  // ---- calc in a process of its own

  /** A real ipsubsidy calc in a new JVM, its output folder beside its claims. */
  static final class Child {
    private final Process process;
    private final Path folder;
    private final Path out;
    private final Path err;

    private Child(Process process, Path folder, Path out, Path err) {
      this.process = process;
      this.folder = folder;
      this.out = out;
      this.err = err;
    }

    /** calc CLAIMS --ledger URL MORE…, pausing {@code pauseMillis} before its commit. */
    static Child calc(Path claims, String url, long pauseMillis, String... more)
        throws IOException {
      Path folder = claims.getParent();
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(
          List.of(
              "-XX:-UsePerfData",
              "-Dfile.encoding=UTF-8",
              "-Dstdout.encoding=UTF-8",
              "-Dstderr.encoding=UTF-8",
              "-D" + FaultInjectingMain.PAUSE_BEFORE_COMMIT + "=" + pauseMillis,
              "-Dipsubsidy.home=" + folder.resolveSibling(folder.getFileName() + "-home"),
              "-cp",
              System.getProperty("java.class.path"),
              FaultInjectingMain.class.getName(),
              "calc",
              claims.toString(),
              "--ledger",
              url));
      cmd.addAll(List.of(more));
      Path out = folder.resolveSibling(folder.getFileName() + ".out");
      Path err = folder.resolveSibling(folder.getFileName() + ".err");
      ProcessBuilder pb =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().remove("IPSUBSIDY_HOME");
      pb.environment().remove("IPSUBSIDY_LEDGER");
      pb.environment().put("LC_ALL", "C.UTF-8"); // the operator's name arrives as typed
      return new Child(pb.start(), folder, out, err);
    }

    /** Until the run has written its temporary outputs: it holds the ledger's lock then. */
    void awaitTemporaryOutputs() throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline && process.isAlive()) {
        try (Stream<Path> files = Files.list(folder)) {
          if (files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"))) {
            return;
          }
        }
        Thread.sleep(50);
      }
      throw new AssertionError("the run never wrote its outputs: " + err());
    }

    void finish(int seconds) throws Exception {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("calc did not finish in " + seconds + " s: " + err());
      }
    }

    int exit() {
      return process.exitValue();
    }

    String out() throws IOException {
      return Files.readString(out, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
      return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
    }

    /** Its log (logback-test.xml, in its ipsubsidy.home). */
    String log() throws IOException {
      return Files.readString(
          folder.resolveSibling(folder.getFileName() + "-home").resolve("logs/test.log"),
          StandardCharsets.UTF_8);
    }
  }
}
