package cn.ipsubsidy.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --rules: the office's local rules file laid over the bundled policies. */
final class RulesOption {
  @Option(names = "--rules", paramLabel = "FILE")
  Path file;
}
