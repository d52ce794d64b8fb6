package cn.ipsubsidy.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The claims file and how to read it: shared by calc and validate so both read alike. */
final class ClaimsInput {
  @Parameters(
      index = "0",
      paramLabel = "CLAIMS",
      description = "申报汇总表 claims file (.xlsx, .xls, .csv)")
  Path claims;

  @Option(
      names = "--policy",
      paramLabel = "ID",
      description = "只写条款代码（如 2a）时所属的政策 / policy of bare clause codes, e.g. lyg-2021")
  String policy;

  @Option(names = "--sheet", paramLabel = "NAME", description = "读取的工作表 / sheet to read")
  String sheet;

  @Mixin RulesOption rules;
}
