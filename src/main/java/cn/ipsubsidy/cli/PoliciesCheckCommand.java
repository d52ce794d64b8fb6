package cn.ipsubsidy.cli;

import cn.ipsubsidy.app.UsageException;
import cn.ipsubsidy.app.cases.PolicyCases;
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

@Command(name = "check", mixinStandardHelpOptions = true)
final class PoliciesCheckCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "policy-file")
  String file;

  @Option(names = "--cases", paramLabel = "FILE")
  Path cases;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Messages m = Messages.of(spec);
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
    out.println(m.get("check.valid", policyName, doc.number(), doc.title(), doc.clauses().size()));
    if (casesText == null) {
      out.println(m.get("check.noCases", policyName, casesName));
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
          r.passed() ? m.get("check.passed") : Styles.of(spec).red(m.get("check.failed")),
          r.testCase().name(),
          r.testCase().clause(),
          r.line() == null ? "" : m.status(r.line().status()),
          r.line() == null ? "" : Money.format(r.line().paid()));
      if (!r.passed()) {
        failed++;
        r.differences().forEach(d -> out.println("      " + d));
        out.println("      " + m.get("check.hand", r.testCase().hand()));
        if (r.line() != null) {
          out.println("      " + m.get("check.got", m.pick(r.line().explanation())));
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
      out.println(m.get("check.uncovered", String.join(", ", uncovered)));
    }
    out.println(
        m.get(
            "check.summary",
            casesName,
            results.size() - failed,
            results.size(),
            failed > 0 ? m.get("check.summary.failed", failed) : ""));
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
