package cn.ipsubsidy.app.cases;

import cn.ipsubsidy.claims.ClaimColumn;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.domain.SourceLocation;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.engine.SubsidyEngine;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyException;
import cn.ipsubsidy.policy.PolicyLoader;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A policy file's test cases ({@code <policy>.cases.yaml} beside it, OpenFisca-style): each case is
 * one claim with its inputs and the status and amounts worked out by hand from the policy text,
 * computed alone (no earlier payments) under the policy. An office adds next year's policy and its
 * cases without touching Java; {@code policies check} and the test suite run them.
 *
 * <p>Format: {@code policy: ID}, {@code defaults: {column: value…}}, {@code cases:} a list of
 * {@code {case, clause, inputs: {column: value…}, expected: {status, computed, paid, city_share,
 * district_share}, hand}}. Input keys are the claims file's English column names; an expected
 * amount left out is not checked, an empty one must be empty.
 */
public final class PolicyCases {
  /** The claims file's columns a case may set (claim id, name, clause and note it need not). */
  static final Set<String> INPUT_KEYS =
      Arrays.stream(ClaimColumn.values())
          .filter(
              c ->
                  !EnumSet.of(
                          ClaimColumn.CLAIM_ID,
                          ClaimColumn.ENTITY_NAME,
                          ClaimColumn.CLAUSE,
                          ClaimColumn.NOTE)
                      .contains(c))
          .map(ClaimColumn::en)
          .collect(Collectors.toUnmodifiableSet());

  static final Set<String> EXPECTED_KEYS =
      Set.of("status", "computed", "paid", "city_share", "district_share");
  static final Set<String> CASE_KEYS = Set.of("case", "clause", "inputs", "expected", "hand");

  /** One case as written. */
  public record Case(
      String name,
      String clause,
      Map<String, Object> inputs,
      Map<String, Object> expected,
      String hand) {}

  /** The outcome of one case: the differences from what was expected (empty: passed). */
  public record Result(Case testCase, PayoutLine line, List<String> differences) {
    public boolean passed() {
      return differences.isEmpty();
    }
  }

  private final String fileName;
  private final String policyId;
  private final List<Case> cases;

  private PolicyCases(String fileName, String policyId, List<Case> cases) {
    this.fileName = fileName;
    this.policyId = policyId;
    this.cases = List.copyOf(cases);
  }

  public String fileName() {
    return fileName;
  }

  public String policyId() {
    return policyId;
  }

  public List<Case> cases() {
    return cases;
  }

  /** The cases file of a policy file: lyg-2021.yaml → lyg-2021.cases.yaml. */
  public static String casesFileName(String policyFileName) {
    String stem =
        policyFileName.endsWith(".yaml")
            ? policyFileName.substring(0, policyFileName.length() - 5)
            : policyFileName;
    return stem + ".cases.yaml";
  }

  /** Parses a cases file; an unknown key or a missing one is a {@link PolicyException}. */
  public static PolicyCases parse(String fileName, String text) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw bad(fileName, e.getMessage());
    }
    if (!(root instanceof Map<?, ?> top)) {
      throw bad(fileName, "expected policy, defaults and cases");
    }
    Object policy = top.get("policy");
    Map<String, Object> defaults = map(fileName, "defaults", top.get("defaults"));
    checkKeys(fileName, "defaults", defaults, INPUT_KEYS);
    if (!(top.get("cases") instanceof List<?> list) || list.isEmpty()) {
      throw bad(fileName, "'cases' must be a non-empty list");
    }
    List<Case> cases = new ArrayList<>();
    for (Object o : list) {
      Map<String, Object> c = map(fileName, "case", o);
      String name = String.valueOf(c.get("case"));
      checkKeys(fileName, "case " + name, c, CASE_KEYS);
      for (String k : List.of("case", "clause", "expected")) {
        if (c.get(k) == null) {
          throw bad(fileName, "case " + name + " has no '" + k + "'");
        }
      }
      Map<String, Object> inputs = new LinkedHashMap<>(defaults);
      Map<String, Object> own = map(fileName, "inputs of " + name, c.get("inputs"));
      checkKeys(fileName, "inputs of " + name, own, INPUT_KEYS);
      inputs.putAll(own);
      Map<String, Object> expected = map(fileName, "expected of " + name, c.get("expected"));
      checkKeys(fileName, "expected of " + name, expected, EXPECTED_KEYS);
      cases.add(
          new Case(
              name,
              String.valueOf(c.get("clause")),
              inputs,
              expected,
              c.get("hand") == null ? "" : String.valueOf(c.get("hand"))));
    }
    return new PolicyCases(fileName, policy == null ? null : String.valueOf(policy), cases);
  }

  /**
   * The registry a policy file's cases run under: the bundled policies with this one in place of
   * the bundled one of the same id (or added beside them).
   */
  public static PolicyRegistry registryWith(PolicyDocument policy) {
    List<PolicyDocument> docs = new ArrayList<>();
    for (PolicyDocument d : PolicyLoader.bundled().documents()) {
      if (!d.id().equals(policy.id())) {
        docs.add(d);
      }
    }
    docs.add(policy);
    return PolicyLoader.registry(docs);
  }

  /** Runs every case, each alone, under {@code registry}. */
  public List<Result> run(PolicyRegistry registry) {
    SubsidyEngine engine = new SubsidyEngine(registry);
    List<Result> results = new ArrayList<>();
    int i = 0;
    for (Case c : cases) {
      i++;
      List<String> problems = new ArrayList<>();
      Claim claim;
      try {
        claim = claim(c);
      } catch (RuntimeException e) {
        results.add(new Result(c, null, List.of("输入有误 bad input: " + e.getMessage())));
        continue;
      }
      ClaimRow row = new ClaimRow(0, new SourceLocation(fileName, c.name(), i), claim, List.of());
      LocalDate date = claim.eventDate() != null ? claim.eventDate() : LocalDate.now();
      PayoutLine line =
          engine
              .calculate(
                  List.of(row),
                  new SubsidyEngine.Options(Period.of(date), policyId),
                  PriorPayouts.NONE)
              .lines()
              .get(0);
      Object status = c.expected().get("status");
      if (status != null && !statusMatches(line.status(), String.valueOf(status))) {
        problems.add("状态 status: 应为 expected " + status + "，实为 got " + line.status().zh());
      }
      compare(c, "computed", line.computed(), problems);
      compare(c, "paid", line.paid(), problems);
      compare(c, "city_share", line.cityShare(), problems);
      compare(c, "district_share", line.districtShare(), problems);
      results.add(new Result(c, line, problems));
    }
    return results;
  }

  private static boolean statusMatches(Status s, String expected) {
    String e = expected.strip();
    return s.zh().equals(e) || s.en().equalsIgnoreCase(e) || s.name().equalsIgnoreCase(e);
  }

  private static void compare(Case c, String key, BigDecimal got, List<String> problems) {
    if (!c.expected().containsKey(key)) {
      return;
    }
    BigDecimal want = money(c.expected().get(key));
    boolean same = want == null ? got == null : got != null && want.compareTo(got) == 0;
    if (!same) {
      problems.add(
          key
              + ": 应为 expected "
              + (want == null ? "（空 empty）" : Money.format(want))
              + "，实为 got "
              + (got == null ? "（空 empty）" : Money.format(got)));
    }
  }

  private static Claim claim(Case c) {
    Map<String, Object> in = c.inputs();
    String type = text(in.get("entity_type"));
    String level = text(in.get("level"));
    String refs = text(in.get("reference_no"));
    return new Claim(
        c.name(),
        new Claim.Claimant(
            Objects.requireNonNullElse(text(in.get("entity_id")), "91320700000000001X"),
            "测试主体 " + c.name(),
            type == null
                ? null
                : EntityType.parse(type)
                    .orElseThrow(() -> new IllegalArgumentException("entity_type " + type)),
            text(in.get("district")),
            date(in.get("established_date"))),
        new Claim.Matter(
            c.clause(),
            date(in.get("event_date")),
            in.get("quantity") == null ? null : Integer.valueOf(text(in.get("quantity"))),
            level == null
                ? null
                : Level.parse(level)
                    .orElseThrow(() -> new IllegalArgumentException("level " + level)),
            refs == null
                ? List.of()
                : Arrays.stream(refs.split("[;；,，\\n]")).map(String::strip).toList()),
        new Claim.Figures(
            money(in.get("basis")),
            money(in.get("deduction")),
            money(in.get("fees_incurred")),
            money(in.get("approved_amount")),
            in.get("metric") == null ? null : Long.valueOf(text(in.get("metric"))),
            in.get("metric2") == null ? null : Long.valueOf(text(in.get("metric2")))),
        null);
  }

  private static String text(Object v) {
    if (v == null) {
      return null;
    }
    String s = String.valueOf(v).strip();
    return s.isEmpty() ? null : s;
  }

  private static BigDecimal money(Object v) {
    String s = text(v);
    return s == null ? null : Money.of(s.replace(",", ""));
  }

  private static LocalDate date(Object v) {
    if (v instanceof Date d) {
      return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    String s = text(v);
    return s == null ? null : LocalDate.parse(s);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(String file, String what, Object o) {
    if (o == null) {
      return Map.of();
    }
    if (!(o instanceof Map<?, ?>)) {
      throw bad(file, what + " must be a mapping");
    }
    return (Map<String, Object>) o;
  }

  private static void checkKeys(String file, String what, Map<String, Object> m, Set<String> ok) {
    for (String k : m.keySet()) {
      if (!ok.contains(String.valueOf(k))) {
        throw bad(file, what + ": unknown key '" + k + "' (allowed: " + ok + ")");
      }
    }
  }

  private static PolicyException bad(String file, String en) {
    return new PolicyException(file, 0, "测试用例文件有误", en);
  }
}
