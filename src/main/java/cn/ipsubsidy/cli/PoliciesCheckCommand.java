package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.PolicyCases;
import cn.ipsubsidy.app.UsageException;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyLoader;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "校验政策文件，并运行其旁的测试用例（<名称>.cases.yaml）；有用例未通过时退出码 1。",
      "Validates a policy file and runs the test cases beside it; exit 1 when a case fails."
    })
final class PoliciesCheckCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "政策文件（YAML），或内置政策编号如 lyg-2021 / a policy file, or a bundled id")
  String file;

  @Option(
      names = "--cases",
      paramLabel = "FILE",
      description = "测试用例文件；默认为政策文件旁的 <名称>.cases.yaml / default: beside the policy")
  Path cases;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path path = Path.of(file);
    String policyName;
    String policyText;
    String casesName;
    String casesText;
    if (!Files.exists(path) && PolicyLoader.bundledFileNames().contains(file + ".yaml")) {
      policyName = file + ".yaml";
      policyText = PolicyLoader.bundledText(policyName);
      casesName = PolicyCases.casesFileName(policyName);
      casesText = cases != null ? read(cases) : bundledCases(casesName);
    } else {
      policyName = path.getFileName().toString();
      policyText = read(path);
      Path casesPath =
          cases != null ? cases : path.resolveSibling(PolicyCases.casesFileName(policyName));
      casesName = casesPath.getFileName().toString();
      casesText = Files.exists(casesPath) ? read(casesPath) : null;
    }
    PolicyDocument doc = PolicyLoader.load(policyName, policyText);
    PolicyRegistry registry = PolicyCases.registryWith(doc);
    out.printf(
        "%s: %s《%s》— %d 个条款 clauses, 格式正确 valid%n",
        policyName, doc.number(), doc.title(), doc.clauses().size());
    if (casesText == null) {
      out.printf("%s: 没有测试用例 no test cases (expected %s)%n", policyName, casesName);
      return doc.clauses().isEmpty() ? ExitCode.OK : ExitCode.BAD_ROWS;
    }
    PolicyCases parsed = PolicyCases.parse(casesName, casesText);
    if (parsed.policyId() != null && !parsed.policyId().equals(doc.id())) {
      throw new UsageException(
          casesName + " 是政策 " + parsed.policyId() + " 的用例，不是 " + doc.id(),
          casesName + " holds cases of " + parsed.policyId() + ", not " + doc.id());
    }
    List<PolicyCases.Result> results = parsed.run(registry);
    long failed = 0;
    for (PolicyCases.Result r : results) {
      out.printf(
          "  %s %-24s %-14s %s %s%n",
          r.passed() ? "通过 ok  " : "未通过 FAIL",
          r.testCase().name(),
          r.testCase().clause(),
          r.line() == null ? "" : r.line().status().zh(),
          r.line() == null ? "" : Money.format(r.line().paid()));
      if (!r.passed()) {
        failed++;
        r.differences().forEach(d -> out.println("      " + d));
        out.println("      依据 hand: " + r.testCase().hand());
        if (r.line() != null) {
          out.println("      说明 got: " + r.line().explanation());
        }
      }
    }
    Set<String> covered =
        results.stream().map(r -> r.testCase().clause()).collect(Collectors.toSet());
    Set<String> uncovered = new LinkedHashSet<>();
    for (Clause c : doc.clauses()) {
      if (!covered.contains(c.code().toString())) {
        uncovered.add(c.code().toString());
      }
    }
    if (!uncovered.isEmpty()) {
      out.println("无用例的条款 clauses without a case: " + String.join(", ", uncovered));
    }
    out.printf(
        "%s: %d/%d 通过 passed%s%n",
        casesName,
        results.size() - failed,
        results.size(),
        failed > 0 ? "，" + failed + " 未通过 failed" : "");
    return failed > 0 ? ExitCode.BAD_ROWS : ExitCode.OK;
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private static String bundledCases(String name) throws IOException {
    try (var in = PoliciesCheckCommand.class.getResourceAsStream("/policies/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
