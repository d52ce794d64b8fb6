package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The faults part of {@code docs/robustness.md}, made from what the fault tests saw: for each
 * fault, how the test makes it, the exit code, the line the clerk sees in Chinese and in English,
 * and what {@code ledger verify} and the output folder show afterwards.
 *
 * <p>Each fault test, once its assertions hold, calls {@link #record} with what it observed (or
 * {@link #skip} when the fault cannot be made on this machine, which also aborts the test visibly).
 * When every fault of {@link #FAULTS} has reported in this JVM, whatever the order the classes ran
 * in, the table is written to {@code target/robustness-faults.md} and checked against the document
 * ({@link RobustnessDoc}); a fault skipped here leaves its row as the document has it and only the
 * rows that ran are checked. Temporary folders, ports, run ids, times and process ids are
 * normalised, so the table is the same on every run. Regenerate with {@link
 * RobustnessDoc#REGENERATE}.
 *
 * <p>To add a fault (a later {@code LedgerKillsTest}, say): add a {@link Fault} to {@link #FAULTS}
 * where its row should stand, tag the test class {@code @Tag("robustness")}, call {@link #record}
 * (a killed process: exit {@link #KILLED}) or {@link #skip} from the test, and regenerate.
 */
final class FaultsTable {
  /** A fault: its id for {@link #record}, what it is and how the test makes it, zh then en. */
  record Fault(String id, String fault, String how) {}

  /** The exit "code" of a process the test killed: it says nothing, and exits by no code. */
  static final int KILLED = -9;

  static final List<Fault> FAULTS =
      List.of(
          new Fault(
              "output-folder-unwritable",
              "输出文件夹不可写 / output folder cannot be written",
              "--out 指向只读文件夹（root 不受权限位限制，改用只读的 /proc）/ --out into a read-only"
                  + " folder (root ignores permission bits: /proc then)"),
          new Fault(
              "outputs-exist",
              "输出文件已存在，未加 --force / outputs exist, no --force",
              "事先放好同名的核发明细表和审计日志 / a workbook and an audit log of the same names"
                  + " placed beforehand"),
          new Fault(
              "output-locked",
              "输出文件被占用（如在 Excel 中打开）/ an output file open or locked (e.g. in Excel)",
              "chattr +i 锁定审计日志（中文运行）或核发明细表（英文运行），加 --force / chattr +i on"
                  + " the audit log (Chinese run) or the workbook (English run), with --force"),
          new Fault(
              "disk-full",
              "写出时磁盘已满 / disk full while writing",
              "子进程在 ulimit -f 64 KB 下运行，内核如磁盘已满般拒绝写入；英文运行覆盖原有输出（--force）/ a"
                  + " child process under ulimit -f 64 KB, refused as on a full disk; the English"
                  + " run over existing outputs (--force)"),
          new Fault(
              "ledger-file-read-only",
              "账本文件只读 / ledger file read-only",
              "chmod 444；root 不受权限位限制，改用 chattr +i；英文运行覆盖原有输出（--force）/ chmod 444;"
                  + " as root chattr +i; the English run over existing outputs (--force)"),
          new Fault(
              "ledger-folder-read-only",
              "账本文件夹不可写（账本已存在）/ ledger folder cannot be written (ledger exists)",
              "chmod 555 文件夹；root 下 chattr +i：SQLite 无法建立日志文件 / chmod 555 on the folder;"
                  + " as root chattr +i: SQLite cannot create its journal"),
          new Fault(
              "ledger-folder-read-only-new",
              "账本文件夹不可写（尚无账本）/ ledger folder cannot be written (no ledger yet)",
              "同上，账本文件尚不存在 / as above, the ledger file not made yet"),
          new Fault(
              "ledger-folder-missing",
              "账本文件夹不存在 / ledger folder missing",
              "--ledger 指向不存在的文件夹 / --ledger in a folder that does not exist"),
          new Fault(
              "ledger-locked-sqlite",
              "账本被另一次运行占用（SQLite）/ ledger held by another run (SQLite)",
              "另一 calc 进程（--operator 王会计）在提交前暂停持锁；本次 --lock-wait 1 / another calc"
                  + " process (--operator 王会计) holds the lock, paused before its commit; this run"
                  + " with --lock-wait 1"),
          new Fault(
              "ledger-locked-postgres",
              "账本被另一次运行占用（PostgreSQL）/ ledger held by another run (PostgreSQL)",
              "同上，账本在 PostgreSQL / as above, on a PostgreSQL ledger"),
          new Fault(
              "two-calcs-at-once",
              "两位办事员同时对同一文件运行 calc / two clerks run calc on the same file at once",
              "两个 calc 进程，第二个 --lock-wait 1 / two calc processes, the second with"
                  + " --lock-wait 1"),
          new Fault(
              "postgres-connection-dropped",
              "PostgreSQL 连接在事务中断开 / PostgreSQL connection dropped mid-transaction",
              "calc 进程过账后、提交前暂停时，从另一连接 pg_terminate_backend / pg_terminate_backend"
                  + " from another connection while calc, posted, waits before its commit"),
          new Fault(
              "killed-before-commit",
              "进程在提交前被终止 / process killed before its commit",
              "calc 进程写出临时输出并过账后、提交前 kill -9 / kill -9 after the calc process wrote"
                  + " its temporary outputs and posted, before its commit"),
          new Fault(
              "killed-at-random",
              "进程在随机时刻被终止，30 次 / process killed at a random moment, 30 times",
              "同一台账上 30 个 calc 进程，各在其生命周期内的随机时刻 kill -9，每次之后 ledger verify"
                  + " / 30 calc processes on one ledger, each killed -9 at a random moment of its"
                  + " life, ledger verify after each (LedgerKillsTest)"));

  /** The document's table is made by root, as the project's machines and CI run the tests. */
  private static final boolean AS_GENERATED = "root".equals(System.getProperty("user.name"));

  private static final Map<String, String> ROWS = new LinkedHashMap<>();
  private static final Map<String, String> SKIPPED = new LinkedHashMap<>();

  private FaultsTable() {}

  /**
   * What the clerk saw of a fault and what was left: the exit code (or {@link #KILLED}), the error
   * line in Chinese and in English, and the ledger's and the output folder's state after it (see
   * {@link LedgerState#change} and {@link Folder#change}).
   */
  static void record(String id, int exit, String zh, String en, String ledger, String folder)
      throws IOException {
    Fault fault = fault(id);
    String exitCell = exit == KILLED ? "—（被终止 killed）" : String.valueOf(exit);
    String seen =
        exit == KILLED
            ? "（进程被终止，无输出）<br>(the process is killed: nothing)"
            : zh.strip() + "\n" + en.strip();
    String row =
        "| "
            + String.join(
                " | ",
                cell(fault.fault()),
                cell(fault.how()),
                exitCell,
                cell(normalise(seen)),
                cell(normalise(ledger)),
                cell(normalise(folder)))
            + " |";
    synchronized (FaultsTable.class) {
      ROWS.put(id, row);
      SKIPPED.remove(id);
    }
    checkWhenComplete();
  }

  /** The fault cannot be made here: said, counted, and the test aborted (skipped) visibly. */
  static void skip(String id, String reason) throws IOException {
    fault(id);
    System.out.println("[faults table] WARNING: " + id + " skipped: " + reason);
    synchronized (FaultsTable.class) {
      SKIPPED.put(id, reason);
    }
    checkWhenComplete();
    Assumptions.abort(reason);
  }

  /** {@link #skip} unless {@code condition} holds. */
  static void assume(String id, boolean condition, String reason) throws IOException {
    if (!condition) {
      skip(id, reason);
    }
  }

  private static Fault fault(String id) {
    return FAULTS.stream()
        .filter(f -> f.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no fault " + id + " in FaultsTable.FAULTS"));
  }

  private static synchronized void checkWhenComplete() throws IOException {
    if (ROWS.size() + SKIPPED.size() < FAULTS.size()) {
      return;
    }
    List<String> rows = new ArrayList<>();
    for (Fault f : FAULTS) {
      rows.add(ROWS.get(f.id()));
    }
    if (!AS_GENERATED && !RobustnessDoc.updating()) {
      // The table is made as root (chattr +i, /proc, operator root, the system's own wording):
      // another user's runs make the same faults with other means and words. Every fault test has
      // asserted its exit code, messages, ledger and folder itself; only the text is not compared.
      RobustnessDoc.write("faults", markdown(rows));
      System.out.println(
          "[faults table] WARNING: not run as root, as docs/robustness.md was made: the table of"
              + " these runs is in target/robustness-faults.md and is not compared");
      return;
    }
    if (SKIPPED.isEmpty()) {
      RobustnessDoc.check("faults", markdown(rows));
      System.out.println(
          "[faults table] all " + rows.size() + " faults ran; docs/robustness.md agrees");
      return;
    }
    assertThat(RobustnessDoc.updating())
        .as("the faults table cannot be regenerated with faults skipped: " + SKIPPED)
        .isFalse();
    String doc = RobustnessDoc.part("faults");
    for (String row : rows) {
      if (row != null) {
        assertThat(doc)
            .as(
                "docs/robustness.md has this row (faults skipped here: "
                    + SKIPPED.keySet()
                    + "); regenerate with "
                    + RobustnessDoc.REGENERATE)
            .contains(row + "\n");
      }
    }
    System.out.println(
        "[faults table] "
            + (rows.size() - SKIPPED.size())
            + " faults ran and agree with docs/robustness.md; skipped: "
            + SKIPPED.keySet());
  }

  private static String markdown(List<String> rows) {
    StringBuilder md =
        new StringBuilder(
            """
            ## 故障与工具的回答 / Faults and what the tool answers

            <!-- Generated by the fault tests (FaultsTable) from the runs they make; do not edit by
                 hand. Regenerate: ./mvnw -B -q test -Dgroups=robustness -Dfuzz.skip -Drobustness.update=true -->

            每一行是一个故障：测试如何制造它、`ipsubsidy calc` 的退出码、终端所见（先 `--lang zh`，再
            `--lang en`，各一次运行），以及之后 `ledger verify` 所见的账本和输出文件夹。Each row is a
            fault: how the test makes it, the exit code of `ipsubsidy calc`, what the clerk sees (a
            `--lang zh` run, then a `--lang en` run) and what `ledger verify` and the output folder
            show afterwards. 临时文件夹写作 …，运行编号、时间和进程号也作了替换。Temporary folders
            are written …; run ids, times and process ids are replaced too.

            - 退出码 2：输出文件的问题；退出码 4：账本的问题（被占用、不可写、连接中断）。两者都不过账、
              不写出任何文件。Exit 2: an output problem; exit 4: a ledger problem (held, not
              writable, connection lost). Neither posts nor writes anything.
            - 堆栈只写入日志文件（~/.ipsubsidy/logs/ipsubsidy.log），不显示在终端。The stack trace
              goes to the log file only, never to the terminal.

            | 故障 fault | 测试如何制造 how the test makes it | 退出码 exit | 终端所见 what the clerk sees | 账本 ledger after | 输出文件夹 output folder after |
            |---|---|---|---|---|---|
            """);
    for (String row : rows) {
      md.append(row).append('\n');
    }
    return md.toString();
  }

  // ---- normalising what changes from run to run

  private static final Pattern TEMP =
      Pattern.compile(
          Pattern.quote(Path.of(System.getProperty("java.io.tmpdir")).toString())
              + "/junit-[0-9a-f]{8}");
  private static final Pattern POSTGRES =
      Pattern.compile("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/ledger_\\d+");
  private static final Pattern RUN_ID = Pattern.compile("\\d{4}Q[1-4]-\\d{8}-\\d{6}-[0-9a-f]{4}");
  private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
  private static final Pattern PID_AT = Pattern.compile("pid \\d+@[^,，)）\\s]+");
  private static final Pattern PID = Pattern.compile("pid \\d+");

  static String normalise(String text) {
    String s = text.strip();
    s = TEMP.matcher(s).replaceAll("…");
    s = POSTGRES.matcher(s).replaceAll("jdbc:postgresql://127.0.0.1:PORT/ledger_N");
    s = RUN_ID.matcher(s).replaceAll("2025Q1-YYYYMMDD-hhmmss-XXXX");
    s = TIME.matcher(s).replaceAll("YYYY-MM-DD hh:mm:ss");
    s = PID_AT.matcher(s).replaceAll(Matcher.quoteReplacement("pid N@HOST"));
    return PID.matcher(s).replaceAll("pid N");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
  }

  // ---- what the ledger and the output folder look like

  /** What {@code ledger verify} says of a ledger: it verifies, with so many runs and entries. */
  record LedgerState(long runs, long entries, String head) {
    private static final Pattern VERIFIED =
        Pattern.compile("ledger verified: (\\d+) runs, (\\d+) entries, head (#\\d+ \\S*)");

    static LedgerState of(String url) {
      Cli v = Cli.en("ledger", "verify", "--ledger", url);
      assertThat(v.exit()).as("ledger verify: " + v.all()).isZero();
      Matcher m = VERIFIED.matcher(v.out());
      assertThat(m.find()).as(v.out()).isTrue();
      return new LedgerState(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3));
    }

    /** "unchanged (…)" or what changed, for the table. */
    static String change(LedgerState before, LedgerState after) {
      if (before.equals(after)) {
        return "ledger verify 通过，未变："
            + before.runs
            + " 次运行、"
            + before.entries
            + " 条记录\nverified, unchanged: runs "
            + before.runs
            + ", entries "
            + before.entries;
      }
      return "ledger verify 通过；运行 "
          + before.runs
          + "→"
          + after.runs
          + "、记录 "
          + before.entries
          + "→"
          + after.entries
          + "\nverified; runs "
          + before.runs
          + "→"
          + after.runs
          + ", entries "
          + before.entries
          + "→"
          + after.entries;
    }
  }

  /** The files of a folder (not its sub-folders) and their SHA-256. */
  record Folder(Map<String, String> files) {
    static Folder of(Path dir) throws IOException {
      Map<String, String> files = new TreeMap<>();
      try (Stream<Path> list = Files.list(dir)) {
        for (Path p : list.toList()) {
          if (Files.isRegularFile(p)) {
            files.put(p.getFileName().toString(), sha256(p));
          }
        }
      }
      return new Folder(files);
    }

    boolean hasOutputs() {
      return files.keySet().stream()
          .anyMatch(n -> n.endsWith("-payout.xlsx") || n.endsWith("-audit.csv"));
    }

    /**
     * Asserts nothing was left behind and nothing changed; says which of the two, for the table.
     */
    static String change(Folder before, Folder after) {
      assertThat(after.files.keySet()).as("no file left behind").isEqualTo(before.files.keySet());
      assertThat(after.files)
          .as("every existing file byte for byte as it was")
          .isEqualTo(before.files);
      return before.hasOutputs()
          ? "原有输出逐字节未变 existing outputs byte-equal"
          : "未留下任何文件 nothing left behind";
    }

    private static String sha256(Path p) throws IOException {
      try (InputStream in = Files.newInputStream(p)) {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          d.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(d.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The two runs' folder states as one cell: each distinct one on its line. */
  static String folders(String... changes) {
    return String.join("\n", new java.util.LinkedHashSet<>(List.of(changes)));
  }
}
