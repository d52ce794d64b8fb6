package cn.ipsubsidy.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The claims file and how to read it: shared by calc and validate so both read alike. */
final class ClaimsInput {
  @Parameters(index = "0", paramLabel = "CLAIMS", descriptionKey = "claims")
  Path claims;

  @Option(names = "--policy", paramLabel = "ID")
  String policy;

  @Option(names = "--sheet", paramLabel = "NAME")
  String sheet;

  @Mixin RulesOption rules;
}
