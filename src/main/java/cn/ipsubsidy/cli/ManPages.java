package cn.ipsubsidy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The man pages, one per command, from the same command line and bundles the terminal uses:
 * picocli-codegen writes each page as AsciiDoc, AsciidoctorJ turns it into troff. English pages go
 * to {@code DIR/man1}, Chinese ones to {@code DIR/zh_CN/man1}, where {@code man} looks for each
 * ({@code MANPATH=DIR}). Run by the build in {@code package}, in a JVM of its own (JRuby starts
 * much faster without the C2 compiler); picocli-codegen and AsciidoctorJ are build-only
 * dependencies, in neither the runnable jar nor the archive's lib/.
 */
public final class ManPages {
  private ManPages() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ManPages DIR");
    }
    Path dir = Path.of(args[0]);
    Map<String, String> pages = new LinkedHashMap<>();
    asciiDoc(Lang.EN).forEach((name, page) -> pages.put("man1/" + name, page));
    asciiDoc(Lang.ZH).forEach((name, page) -> pages.put("zh_CN/man1/" + name, page));
    try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
      Options troff =
          Options.builder()
              .backend("manpage")
              .standalone(true)
              .safe(SafeMode.SAFE)
              .toFile(false)
              .build();
      for (Map.Entry<String, String> page : pages.entrySet()) {
        Path file = dir.resolve(page.getKey().replaceFirst("\\.adoc$", ".1"));
        Files.createDirectories(file.getParent());
        Files.writeString(
            file, asciidoctor.convert(page.getValue(), troff), StandardCharsets.UTF_8);
      }
    }
    System.out.printf("ManPages: %d man pages in %s%n", pages.size(), dir);
  }

  /**
   * The AsciiDoc of every command's man page in {@code lang}, by file name ({@code
   * ipsubsidy-ledger-verify.adoc}): the root, its subcommands and theirs, hidden ones left out.
   */
  static Map<String, String> asciiDoc(Lang lang) {
    // the footer names the log file: on the clerk's machine, not the build's
    String logFile = System.getProperty("ipsubsidy.logfile");
    System.setProperty("ipsubsidy.logfile", "~/.ipsubsidy/logs/ipsubsidy.log");
    try {
      Map<String, String> pages = new LinkedHashMap<>();
      add(IpSubsidy.commandLine(Messages.of(lang), Ansi.OFF).getCommandSpec(), pages);
      return pages;
    } finally {
      if (logFile == null) {
        System.clearProperty("ipsubsidy.logfile");
      } else {
        System.setProperty("ipsubsidy.logfile", logFile);
      }
    }
  }

  private static void add(CommandSpec spec, Map<String, String> pages) {
    if (spec.usageMessage().hidden()) {
      return;
    }
    StringWriter page = new StringWriter();
    try (PrintWriter w = new PrintWriter(page)) {
      ManPageGenerator.writeSingleManPage(w, spec);
    }
    pages.putIfAbsent(spec.qualifiedName("-") + ".adoc", page.toString());
    for (CommandLine sub : spec.subcommands().values()) {
      add(sub.getCommandSpec(), pages);
    }
  }
}
