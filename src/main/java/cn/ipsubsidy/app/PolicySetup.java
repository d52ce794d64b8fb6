package cn.ipsubsidy.app;

import cn.ipsubsidy.policy.LocalRules;
import cn.ipsubsidy.policy.PolicyLoader;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The bundled policies with the office's local rules file laid over them, when one is given. */
public record PolicySetup(PolicyRegistry registry, Path rulesFile, String rulesSha256) {

  public static PolicySetup load(Path rulesFile) {
    PolicyRegistry bundled = PolicyLoader.bundled();
    if (rulesFile == null) {
      return new PolicySetup(bundled, null, null);
    }
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
    LocalRules rules = LocalRules.parse(name, new String(bytes, StandardCharsets.UTF_8));
    return new PolicySetup(rules.applyTo(bundled), rulesFile, Hashing.sha256(bytes));
  }
}
