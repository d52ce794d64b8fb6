package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The distribution archive that {@code package} makes, as an office receives it: unzipped on a
 * machine whose PATH holds nothing but {@code java} (no JDK, no Maven, no JAVA_HOME), it answers
 * {@code --version} and computes the sample. Run by failsafe after {@code package}.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DistributionIT {
  static final Path ZIP = Path.of(System.getProperty("dist.zip", "target/ipsubsidy-0.1.0.zip"));
  static final String NAME = System.getProperty("dist.name", "ipsubsidy-0.1.0");

  @TempDir static Path tmp;
  static Path home;

  /** Unix modes by entry name, without the base folder. */
  static final Map<String, Integer> modes = new TreeMap<>();

  @BeforeAll
  static void unzip() throws IOException {
    assertThat(ZIP).as("made by ./mvnw package").exists();
    try (ZipFile zip = ZipFile.builder().setPath(ZIP).get()) {
      for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
        assertThat(e.getName()).startsWith(NAME + "/");
        modes.put(e.getName().substring(NAME.length() + 1), e.getUnixMode() & 0777);
        Path target = tmp.resolve(e.getName()).normalize();
        assertThat(target.startsWith(tmp)).as("inside the folder: " + e.getName()).isTrue();
        if (e.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(e)) {
          Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, permissions(e.getUnixMode()));
      }
    }
    home = tmp.resolve(NAME);
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> p = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
    for (int i = 0; i < 9; i++) {
      if ((mode & (0400 >> i)) != 0) {
        p.add(bits[i]);
      }
    }
    return p;
  }

  @Test
  void theArchiveHoldsTheLaunchersLibrariesSamplesManPagesAndDocs() throws IOException {
    assertThat(modes.get("bin/ipsubsidy")).as("bin/ipsubsidy is executable").isEqualTo(0755);
    assertThat(Files.readString(home.resolve("bin/ipsubsidy"))).startsWith("#!/bin/sh\n");
    assertThat(Files.readString(home.resolve("bin/ipsubsidy.cmd")))
        .startsWith("@echo off\r\n")
        .contains("cn.ipsubsidy.cli.IpSubsidy");
    assertThat(modes)
        .containsKeys(
            "lib/ipsubsidy-0.1.0.jar",
            "lib/picocli-4.7.7.jar",
            "lib/poi-ooxml-5.5.0.jar",
            "lib/sqlite-jdbc-3.51.3.0.jar",
            "samples/claims-2025Q1-lianyungang.xlsx",
            "samples/claims-2025Q1-wuxi.csv",
            "samples/local-rules.yaml",
            "README.md",
            "CHANGELOG.md");
    assertThat(modes.keySet())
        .as("build-only libraries stay out")
        .noneMatch(n -> n.contains("jruby") || n.contains("asciidoctor") || n.contains("codegen"))
        .noneMatch(n -> n.contains("junit") || n.contains("-payout.xlsx"));
  }

  /** A troff page per command, in English and in Chinese, naming its options. */
  @Test
  void aManPagePerCommandInBothLanguages() throws IOException {
    for (Lang lang : Lang.values()) {
      Path man1 = home.resolve(lang == Lang.EN ? "man/man1" : "man/zh_CN/man1");
      List<CommandSpec> commands = new ArrayList<>();
      collect(IpSubsidy.commandLine(Messages.of(lang), Ansi.OFF).getCommandSpec(), commands);
      for (CommandSpec c : commands) {
        String name = c.qualifiedName("-");
        Path page = man1.resolve(name + ".1");
        assertThat(page).as(lang + " " + name).exists();
        String troff = Files.readString(page, StandardCharsets.UTF_8);
        String title = name.toUpperCase(java.util.Locale.ROOT).replace("-", "\\-");
        assertThat(troff).contains(".TH \"" + title + "\" \"1\"");
        c.options()
            .forEach(o -> assertThat(troff).as(name).contains(o.longestName().replace("-", "\\-")));
      }
      assertThat(Files.list(man1).count()).isEqualTo(commands.size());
    }
    assertThat(Files.readString(home.resolve("man/zh_CN/man1/ipsubsidy-calc.1")))
        .contains("按台账计算并写出明细表，但不过账");
  }

  private static void collect(CommandSpec spec, List<CommandSpec> all) {
    all.add(spec);
    spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), all));
  }

  record Run(int exit, String out, String err) {}

  /**
   * bin/ipsubsidy with PATH holding nothing but java, no JAVA_HOME, no locale (as under cron), and
   * its home folder in the temporary folder.
   */
  private static Run ipsubsidy(String... args) throws Exception {
    Path javaOnly = Files.createDirectories(tmp.resolve("java-only"));
    Path java = javaOnly.resolve("java");
    if (!Files.exists(java)) {
      Files.createSymbolicLink(java, Path.of(System.getProperty("java.home"), "bin", "java"));
    }
    return ipsubsidy(javaOnly, Map.of(), args);
  }

  /** bin/ipsubsidy with PATH holding only {@code path}, and {@code env} besides. */
  private static Run ipsubsidy(Path path, Map<String, String> env, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/ipsubsidy").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().put("PATH", path.toString());
    pb.environment().put("IPSUBSIDY_HOME", tmp.resolve("ipsubsidy-home").toString());
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void itRunsWithOnlyJavaOnThePath() throws Exception {
    Run version = ipsubsidy("--version");
    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("ipsubsidy 0.1.0");

    Path payout = tmp.resolve("p.xlsx");
    Run calc =
        ipsubsidy(
            "calc",
            "samples/claims-2025Q1-lianyungang.xlsx",
            "--rules",
            "samples/local-rules.yaml",
            "--dry-run",
            "--ledger",
            "jdbc:sqlite:" + tmp.resolve("l.db"),
            "--out",
            payout.toString(),
            "--lang",
            "zh");
    assertThat(calc.exit()).as(calc.out() + calc.err()).isZero();
    assertThat(payout).exists();
    assertThat(tmp.resolve("claims-2025Q1-lianyungang-audit.csv")).exists();
    // UTF-8 even with no locale at all
    assertThat(calc.out()).contains("核发合计：4,798,000.00 元").contains("试算，未过账");
    assertThat(tmp.resolve("l.db")).exists();
  }

  /**
   * The launcher's quick start: the first JIT tier only for an everyday file, the full compiler for
   * a claims file above 8 MB, for reconcile and the ledger commands (the whole ledger), and for any
   * file when it cannot tell the size (no wc on PATH).
   */
  @Test
  void anEverydayFileStartsOnTheFirstJitTierALargeOneGetsTheFullCompiler() throws Exception {
    Path tools = Files.createDirectories(tmp.resolve("java-and-wc"));
    if (!Files.exists(tools.resolve("java"))) {
      Files.createSymbolicLink(
          tools.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
      Files.createSymbolicLink(tools.resolve("wc"), locate("wc"));
    }
    Path large = tmp.resolve("large.csv");
    try (var f = new java.io.RandomAccessFile(large.toFile(), "rw")) {
      f.setLength(8_000_001); // sparse: the size is what counts
    }
    Map<String, String> flags = Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal");
    String sample = "samples/claims-2025Q1-lianyungang.xlsx";

    assertThat(tieredStopAtLevel(ipsubsidy(tools, flags, "validate", sample))).isEqualTo("1");
    assertThat(tieredStopAtLevel(ipsubsidy(tools, flags, "validate", large.toString())))
        .isEqualTo("4");
    // the whole ledger, whatever its size: the full compiler
    assertThat(tieredStopAtLevel(ipsubsidy(tools, flags, "reconcile", "--help"))).isEqualTo("4");
    assertThat(tieredStopAtLevel(ipsubsidy(tools, flags, "ledger", "verify", "--help")))
        .isEqualTo("4");
    Path javaOnly = tmp.resolve("java-only");
    ipsubsidy("--version"); // makes java-only
    assertThat(tieredStopAtLevel(ipsubsidy(javaOnly, flags, "validate", sample))).isEqualTo("4");
  }

  /**
   * The launcher starts the throughput collector (a batch job, docs/performance.md), and leaves the
   * collector to JAVA_OPTS when they choose one: two collectors would stop the JVM at start.
   */
  @Test
  void theLauncherChoosesTheParallelCollectorUnlessJavaOptsChooseOne() throws Exception {
    Path javaOnly = tmp.resolve("java-only");
    ipsubsidy("--version"); // makes java-only
    String sample = "samples/claims-2025Q1-lianyungang.xlsx";
    Run chosen =
        ipsubsidy(javaOnly, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "validate", sample);
    assertThat(flag(chosen, "UseParallelGC")).isEqualTo("true");
    assertThat(flag(chosen, "UseG1GC")).isEqualTo("false");
    Run own =
        ipsubsidy(
            javaOnly, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal -XX:+UseG1GC"), "validate", sample);
    assertThat(own.exit()).as(own.err()).isZero();
    assertThat(flag(own, "UseG1GC")).isEqualTo("true");
    assertThat(flag(own, "UseParallelGC")).isEqualTo("false");
  }

  private static String flag(Run run, String name) {
    return run.out()
        .lines()
        .filter(l -> l.contains(" " + name + " "))
        .map(l -> l.replaceAll(".*" + name + "\\s+=\\s+(\\w+).*", "$1"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + run.out()));
  }

  private static String tieredStopAtLevel(Run run) {
    return run.out()
        .lines()
        .filter(l -> l.contains(" TieredStopAtLevel "))
        .map(l -> l.replaceAll(".*TieredStopAtLevel\\s+=\\s+(\\d+).*", "$1"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no TieredStopAtLevel in " + run.out()));
  }

  private static Path locate(String tool) {
    for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(tool + " not on PATH");
  }
}
