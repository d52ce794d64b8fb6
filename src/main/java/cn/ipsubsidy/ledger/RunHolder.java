package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Properties;

/**
 * Who holds the ledger's run lock: the run, its operator, where it runs and since when. A run that
 * waited for the lock in vain names it, so that the clerk knows whom to ask.
 *
 * <p>The holder's own transaction is invisible to the others, so it is published outside it: for
 * SQLite in a small file beside the ledger ({@code <ledger>.holder}, owner only), written once the
 * lock is held and removed before it is released; for PostgreSQL in the connection's {@code
 * application_name}, which {@code pg_stat_activity} shows to every other session and which goes
 * with the connection.
 *
 * @param runId the run, or null when not known
 * @param operator who started it, or null when not known
 * @param where the process or database session, e.g. "pid 4242@host"
 * @param since when the lock was taken, or null when not known
 */
public record RunHolder(String runId, String operator, String where, Instant since) {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Ledger.ZONE);

  /** This process, about to take the lock for {@code runId}. */
  public static RunHolder thisProcess(String runId, String operator) {
    return new RunHolder(
        runId, operator, "pid " + ProcessHandle.current().pid() + "@" + hostName(), Instant.now());
  }

  /** "运行 R（操作员 O，pid 1@host，2025-01-01 10:00:00 起）" and its English. */
  Bilingual describe() {
    StringBuilder zh = new StringBuilder();
    StringBuilder en = new StringBuilder();
    if (runId != null) {
      zh.append("运行 ").append(runId);
      en.append("run ").append(runId);
    }
    if (operator != null) {
      zh.append(zh.length() > 0 ? "，" : "").append("操作员 ").append(operator);
      en.append(en.length() > 0 ? " " : "").append("by ").append(operator);
    }
    zh.append(zh.length() > 0 ? "，" : "").append(where);
    en.append(en.length() > 0 ? ", " : "").append(where);
    if (since != null) {
      zh.append("，").append(LOCAL.format(since)).append(" 起");
      en.append(", since ").append(LOCAL.format(since));
    }
    return Bilingual.of(zh.toString(), en.toString());
  }

  // ---- SQLite: the file beside the ledger

  /** Writes the holder file; a folder that cannot be written only costs the clerk the name. */
  void publish(Path file) {
    Properties p = new Properties();
    if (runId != null) {
      p.setProperty("run", runId);
    }
    if (operator != null) {
      p.setProperty("operator", operator);
    }
    p.setProperty("where", where);
    if (since != null) {
      p.setProperty("since", since.toString());
    }
    try {
      StringWriter text = new StringWriter();
      p.store(text, "ipsubsidy: the run that holds this ledger");
      clear(file);
      Files.writeString(Files.createFile(file, LedgerLocation.ownerOnly()), text.toString());
    } catch (IOException | UnsupportedOperationException e) {
      // the lock holds all the same
    }
  }

  /** The holder named in {@code file}, or null when there is none or it cannot be read. */
  static RunHolder read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties p = new Properties();
      p.load(in);
      String where = p.getProperty("where");
      if (where == null) {
        return null;
      }
      String since = p.getProperty("since");
      return new RunHolder(
          p.getProperty("run"),
          p.getProperty("operator"),
          where,
          since == null ? null : Instant.parse(since));
    } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
      return null;
    }
  }

  /** Removes the holder file when it still names this holder. */
  void withdraw(Path file) {
    if (equals(read(file))) {
      clear(file);
    }
  }

  /** Removes a holder file, by whomever it was left. */
  static void clear(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stale file is overwritten by the next holder
    }
  }

  // ---- PostgreSQL: the application name

  /**
   * "ipsubsidy RUN OPERATOR", the operator's UTF-8 in URL-safe Base64: PostgreSQL keeps printable
   * ASCII of an application name, at most 63 bytes (a long name loses its end).
   */
  String applicationName() {
    String name = "ipsubsidy";
    if (runId != null) {
      name += " " + runId;
      if (operator != null) {
        name +=
            " "
                + Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(operator.getBytes(StandardCharsets.UTF_8));
      }
    }
    return name.length() <= 63 ? name : name.substring(0, 63);
  }

  /** The run and operator of an {@link #applicationName()}, or nulls for another name. */
  static RunHolder fromApplicationName(String name, String where, Instant since) {
    String[] parts = name == null ? new String[0] : name.split(" ");
    if (parts.length < 2 || !parts[0].equals("ipsubsidy")) {
      return new RunHolder(null, null, name + ", " + where, since);
    }
    String operator = null;
    if (parts.length > 2) {
      String b64 = parts[2].substring(0, parts[2].length() / 4 * 4); // whole groups, if cut short
      try {
        operator =
            new String(Base64.getUrlDecoder().decode(b64), StandardCharsets.UTF_8)
                .replace("\uFFFD", "");
      } catch (IllegalArgumentException e) {
        operator = null;
      }
    }
    return new RunHolder(parts[1], operator, where, since);
  }

  /** The machine's name, without asking DNS (which can hang for seconds). */
  static String hostName() {
    String name = System.getenv("COMPUTERNAME");
    if (name == null || name.isBlank()) {
      try {
        name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      } catch (IOException | RuntimeException e) {
        name = System.getenv("HOSTNAME");
      }
    }
    return name == null || name.isBlank() ? "localhost" : name.strip();
  }
}
