package cn.ipsubsidy.ledger;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for the ledger tests, started from the Debian {@code postgresql}
 * package's binaries ({@code /usr/lib/postgresql/N/bin}, or only {@code $IPSUBSIDY_PG_BIN} when
 * set) in a temporary folder on a free port, listening on 127.0.0.1 only, with trust
 * authentication. initdb refuses to run as root, so as root it runs initdb and pg_ctl as the {@code
 * postgres} user with {@code runuser}. One cluster per JVM; each test gets its own database.
 */
final class PostgresCluster {
  private static PostgresCluster instance;
  private static String missing;

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgres;
  private final AtomicInteger databases = new AtomicInteger();
  private boolean stopped;

  private PostgresCluster(Path bin, Path dir, int port, boolean asPostgres) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgres = asPostgres;
  }

  /** Why there is no cluster (binaries not found), or null when there is one. */
  static synchronized String missing() {
    if (instance == null && missing == null) {
      Path bin = findBin();
      if (bin == null) {
        missing =
            "PostgreSQL binaries not found (no initdb and pg_ctl in $IPSUBSIDY_PG_BIN or"
                + " /usr/lib/postgresql/*/bin; install Debian's postgresql package):"
                + " PostgreSQL ledger tests skipped";
      }
    }
    return missing;
  }

  /**
   * The running cluster, started on first use. Fails loudly if binaries exist but it won't start.
   */
  static synchronized PostgresCluster get() {
    if (instance == null) {
      if (missing() != null) {
        throw new IllegalStateException(missing);
      }
      instance = start(findBin());
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
    }
    return instance;
  }

  static synchronized void stopIfStarted() {
    if (instance != null) {
      instance.stop();
      instance = null;
    }
  }

  /** A JDBC URL of a new, empty database. */
  String newDatabaseUrl() {
    String name = "ledger_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return url(name);
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  private static Path findBin() {
    String env = System.getenv("IPSUBSIDY_PG_BIN");
    if (env != null && !env.isBlank()) {
      Path bin = Paths.get(env);
      return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))
          ? bin
          : null;
    }
    Path root = Paths.get("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparingInt(PostgresCluster::version))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static int version(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static PostgresCluster start(Path bin) {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir;
    try {
      Path tmp = Paths.get("/tmp");
      dir =
          Files.isDirectory(tmp)
              ? Files.createTempDirectory(tmp, "ipsubsidy-pg-")
              : Files.createTempDirectory("ipsubsidy-pg-");
      if (root) {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName("postgres"));
        GroupPrincipal group = users.lookupPrincipalByGroupName("postgres");
        view.setGroup(group);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare a folder for PostgreSQL", e);
    }
    PostgresCluster c = null;
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3 && c == null; attempt++) {
      int port = freePort();
      PostgresCluster candidate = new PostgresCluster(bin, dir, port, root);
      try {
        if (attempt == 0) {
          candidate.run(
              120,
              bin.resolve("initdb").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-U",
              "postgres",
              "-A",
              "trust",
              "-E",
              "UTF8",
              "--locale=C",
              "--no-sync");
        }
        candidate.run(
            120,
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-k "
                + dir
                + " -c listen_addresses=127.0.0.1 -p "
                + port
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start");
        c = candidate;
      } catch (IllegalStateException e) {
        last = e;
      }
    }
    if (c == null) {
      throw last;
    }
    System.out.println(
        "[ledger tests] PostgreSQL "
            + bin.getParent().getFileName()
            + " started on 127.0.0.1:"
            + c.port
            + " in "
            + dir);
    return c;
  }

  synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      run(
          60,
          bin.resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-m",
          "immediate",
          "-w",
          "stop");
    } catch (IllegalStateException e) {
      System.out.println("[ledger tests] stopping PostgreSQL: " + e.getMessage());
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind
    }
  }

  private void run(int timeoutSeconds, String... command) {
    List<String> cmd = new ArrayList<>();
    if (asPostgres) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(List.of(command));
    try {
      Path out = Files.createTempFile("ipsubsidy-pg-cmd-", ".log");
      try {
        Process p =
            new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()))
                .start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(String.join(" ", cmd) + " timed out");
        }
        if (p.exitValue() != 0) {
          String log = Files.readString(out, StandardCharsets.UTF_8);
          Path server = dir.resolve("server.log");
          if (Files.isReadable(server)) {
            log += "\n" + Files.readString(server, StandardCharsets.UTF_8);
          }
          throw new IllegalStateException(
              String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + log);
        }
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", cmd), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
