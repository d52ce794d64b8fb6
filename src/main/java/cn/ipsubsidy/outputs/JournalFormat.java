package cn.ipsubsidy.outputs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pending-outputs journal's file, {@code <home>/pending/<runId>.run}: UTF-8 lines of
 * tab-separated fields (backslash, tab, CR and LF escaped), each line written whole and forced to
 * disk before what it names happens. In the order a run writes them:
 *
 * <pre>
 * ipsubsidy-pending  1
 * run      RUN-ID
 * ledger   LEDGER (its identity, no password)
 * owner    PID  START-MILLIS                  the process that writes it
 * temp     OUTPUT  TEMP  TARGET              before TEMP is created
 * written  OUTPUT  TEMP  PRINT  REPLACES     TEMP complete; PRINT: its FileFingerprint;
 *                                           REPLACES: the target's then, or -
 * backup   COPY  TARGET                      before the old TARGET is moved aside to COPY
 * ready                                      before the transaction commits
 * </pre>
 *
 * The header is written under a fresh name ({@code .<runId>.<pid>.new}) and renamed, so a journal
 * under its own name always has one. Reading leaves out an unfinished last line (its writer was
 * killed while writing it) and lines of kinds a later version may add.
 */
final class JournalFormat {
  private static final String MAGIC = "ipsubsidy-pending";
  private static final String SUFFIX = ".run";
  private static final String FRESH = ".new";

  private JournalFormat() {}

  // ---- names

  /** {@code <dir>/<runId>.run}. */
  static Path file(Path dir, String runId) {
    return dir.resolve(runId + SUFFIX);
  }

  /** The name the header is written under by process {@code pid}, before it is renamed. */
  static Path fresh(Path dir, String runId, long pid) {
    return dir.resolve("." + runId + "." + pid + FRESH);
  }

  static boolean isJournal(String name) {
    return name.endsWith(SUFFIX) && !name.startsWith(".");
  }

  static boolean isFresh(String name) {
    return name.startsWith(".") && name.endsWith(FRESH);
  }

  /** The process that writes a fresh header, or -1. */
  static long pidOfFresh(String name) {
    String rest = name.substring(0, name.length() - FRESH.length());
    try {
      return Long.parseLong(rest.substring(rest.lastIndexOf('.') + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  // ---- lines

  static String header(String runId, String ledger, long pid, long started) {
    return line(MAGIC, "1")
        + line("run", runId)
        + line("ledger", ledger)
        + line("owner", Long.toString(pid), Long.toString(started));
  }

  static String temp(Output output, Path temp, Path target) {
    return line("temp", output.code(), temp.toString(), target.toString());
  }

  static String written(Output output, Path temp, String fingerprint, String replaces) {
    return line("written", output.code(), temp.toString(), fingerprint, replaces);
  }

  static String backup(Path copy, Path target) {
    return line("backup", copy.toString(), target.toString());
  }

  static String ready() {
    return line("ready");
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

  // ---- read back

  /** A temporary output, named before it was created. */
  record Temp(Output output, Path temp, Path target) {}

  /**
   * A complete temporary output and its {@link FileFingerprint}; {@code replaces} is the target's
   * then, or "-" (a journal of an earlier version holds SHA-256s).
   */
  record Written(Output output, Path temp, String fingerprint, String replaces) {}

  /** The old file at {@code target} that a {@code --force} run moved aside to {@code copy}. */
  record Backup(Path copy, Path target) {}

  /** A journal as read back; an unfinished last line (the writer was killed) is left out. */
  record Record(
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
}
