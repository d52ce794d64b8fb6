package cn.ipsubsidy.app;

import cn.ipsubsidy.policy.LocalRules;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyLoader;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies a run is computed under: the bundled policy files with the office's local rules file
 * laid over them, and the texts of both, which a posted run records so that it can be recomputed
 * later under exactly these rules.
 */
public record PolicySetup(
    PolicyRegistry registry, Path rulesFile, String rulesSha256, List<Document> documents) {

  /** A policy or rules file as recorded with a run: kind "policy" or "rules", name, text. */
  public record Document(String kind, String name, String text) {}

  public static final String POLICY = "policy";
  public static final String RULES = "rules";

  public static PolicySetup load(Path rulesFile) {
    PolicyRegistry bundled = PolicyLoader.bundled();
    List<Document> docs = new ArrayList<>();
    for (PolicyDocument d : bundled.documents()) {
      docs.add(new Document(POLICY, d.fileName(), PolicyLoader.bundledText(d.fileName())));
    }
    if (rulesFile == null) {
      return new PolicySetup(bundled, null, null, docs);
    }
    RulesFile rules = readRules(rulesFile);
    docs.add(new Document(RULES, rules.rules().fileName(), rules.text()));
    return new PolicySetup(rules.rules().applyTo(bundled), rulesFile, rules.sha256(), docs);
  }

  /** A local rules file as read: parsed, its text and the SHA-256 of its bytes. */
  public record RulesFile(LocalRules rules, String text, String sha256) {}

  /** Reads and parses a local rules file; a missing or unreadable one is a usage error. */
  public static RulesFile readRules(Path rulesFile) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(rulesFile);
    } catch (NoSuchFileException e) {
      throw new UsageException(
          "本地规则文件不存在：" + rulesFile, "local rules file not found: " + rulesFile, e);
    } catch (IOException e) {
      throw new UsageException(
          "无法读取本地规则文件：" + rulesFile, "cannot read local rules file: " + rulesFile, e);
    }
    String name = rulesFile.getFileName().toString();
    String text = new String(bytes, StandardCharsets.UTF_8);
    return new RulesFile(LocalRules.parse(name, text), text, Hashing.sha256(bytes));
  }

  /** Who set the local rules of this setup ({@link LocalRules#office()}), or null without them. */
  public String office() {
    return office(documents);
  }

  /**
   * Who set the local rules among a run's documents, as the rules file names itself ({@link
   * LocalRules#office()}), or null when the run used none: a workbook written again from the ledger
   * names the office its run named.
   */
  public static String office(List<Document> documents) {
    return documents.stream()
        .filter(d -> RULES.equals(d.kind()))
        .findFirst()
        .map(d -> LocalRules.parse(d.name(), d.text()).office())
        .orElse(null);
  }

  /**
   * The policies as a posted run recorded them, so a later reconciliation or report recomputes
   * under the rules of that run, not today's.
   */
  public static PolicyRegistry recorded(List<Document> documents) {
    List<PolicyDocument> policies = new ArrayList<>();
    LocalRules rules = null;
    for (Document d : documents) {
      if (RULES.equals(d.kind())) {
        rules = LocalRules.parse(d.name(), d.text());
      } else {
        policies.add(PolicyLoader.load(d.name(), d.text()));
      }
    }
    PolicyRegistry registry = PolicyLoader.registry(policies);
    return rules == null ? registry : rules.applyTo(registry);
  }
}
