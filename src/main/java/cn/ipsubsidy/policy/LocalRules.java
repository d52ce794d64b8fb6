package cn.ipsubsidy.policy;

import cn.ipsubsidy.domain.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * An office's local rules file: values the office sets on clauses of the registered policies, each
 * with its reason, laid over the policies by {@link #applyTo(PolicyRegistry)}. Text in, records
 * out: no file access.
 *
 * <pre>{@code
 * office: 连云港市市场监督管理局（知识产权局）      # required: who sets these rules
 * clauses:                                        # required; full clause codes
 *   lyg-2021/1a:
 *     amount: 3000                 # unset → the local amount (acts as fixed per unit);
 *                                  # fixed → amount per unit; up_to → max per unit
 *     reason: 连云港市发明专利资助实施细则（示例）   # optional, recorded with every value
 *   lyg-2021/4a:
 *     amounts: {国家: 600000}      # fixed by level: the levels listed replace (or add) a level
 *   wx-2020/1a:
 *     city_share: 0.5              # changes a reading: the funding split (0 ≤ share ≤ 1)
 * notice:                                         # optional: the public notice (notice command)
 *   mask_individual_names: true    # default true: 张三 → 张*; false prints individuals' names whole
 * }</pre>
 *
 * <p>Fields: {@code amount}, {@code amounts}, {@code max} (approved, stepped), {@code min}
 * (approved), {@code rate} (percent, 0 < rate ≤ 1), {@code per_claim_cap}, {@code annual_cap}
 * (group kept, or the clause code), {@code lifetime_cap} (clauses with project references), {@code
 * city_share} and {@code individual_factor} (clauses whose policy sets them), {@code reason}. Each
 * value is recorded as a {@link LocalOverride} on the clause ("file:line", the policy's value, the
 * reason); a changed city share or individual factor also adds a {@link Reading} whose source is
 * the file name. An unknown clause, a field that does not fit the clause or a bad value is a {@link
 * PolicyException} naming the file and line.
 */
public final class LocalRules {
  /** Topics of the policy readings the local rules can change (wx-2020 article 1). */
  public static final String FUNDING_SPLIT_TOPIC = "funding split";

  public static final String INDIVIDUAL_FACTOR_TOPIC = "individual factor";

  /** The key under {@code notice:} that says whether the public notice masks individuals' names. */
  public static final String MASK_INDIVIDUAL_NAMES = "mask_individual_names";

  private static final Set<String> MONEY_FIELDS =
      Set.of("amount", "max", "min", "per_claim_cap", "annual_cap", "lifetime_cap");
  private static final Set<String> FIELDS =
      Set.of(
          "amount",
          "amounts",
          "max",
          "min",
          "rate",
          "per_claim_cap",
          "annual_cap",
          "lifetime_cap",
          "city_share",
          "individual_factor",
          "reason");

  private final String fileName;
  private final String office;
  private final String sha256;
  private final List<Rule> rules;
  private final boolean maskIndividualNames;

  /** One value as written: the field ("amounts.国家" for a level), its value and text, its line. */
  private record Value(String field, BigDecimal value, String written, int line) {}

  /** The values set on one clause, in file order. */
  private record Rule(ClauseCode code, int line, List<Value> values, String reason) {}

  private LocalRules(
      String fileName,
      String office,
      String sha256,
      List<Rule> rules,
      boolean maskIndividualNames) {
    this.fileName = fileName;
    this.office = office;
    this.sha256 = sha256;
    this.rules = List.copyOf(rules);
    this.maskIndividualNames = maskIndividualNames;
  }

  /** Parses a local rules file; values are checked here, their fit to the clauses in applyTo. */
  public static LocalRules parse(String fileName, String yamlText) {
    YamlNodes y = new YamlNodes(fileName);
    Node root = y.compose(yamlText);
    Map<String, Node> top =
        y.mapping(
            root,
            "本地规则 local rules",
            Set.of("office", "clauses", "notice"),
            Set.of("office", "clauses"));
    String office = y.text(top.get("office"), "office");
    Node clausesNode = top.get("clauses");
    List<Rule> rules = new ArrayList<>();
    Map<ClauseCode, Integer> seen = new HashMap<>();
    if (!y.isNull(clausesNode)) {
      for (Map.Entry<String, Node> e : y.keyed(clausesNode, "clauses").entrySet()) {
        Node keyNode = YamlNodes.keyNode(clausesNode, e.getKey());
        ClauseCode code =
            ClauseCode.parse(e.getKey())
                .orElseThrow(
                    () ->
                        y.error(
                            keyNode,
                            "条款代码应写全，如 lyg-2021/2a：" + e.getKey(),
                            "a clause code must be written in full, e.g. lyg-2021/2a: "
                                + e.getKey()));
        Integer first = seen.putIfAbsent(code, YamlNodes.line(keyNode));
        if (first != null) {
          throw y.error(
              keyNode,
              "条款 " + code + " 已在第 " + first + " 行设置",
              "clause " + code + " is already set on line " + first);
        }
        rules.add(rule(y, code, keyNode, e.getValue()));
      }
    }
    return new LocalRules(
        fileName, office, YamlNodes.sha256(yamlText), rules, maskIndividualNames(y, top));
  }

  /**
   * {@code notice: {mask_individual_names: true|false}}: true when the key or section is absent.
   */
  private static boolean maskIndividualNames(YamlNodes y, Map<String, Node> top) {
    Node notice = top.get("notice");
    if (y.isNull(notice)) {
      return true;
    }
    Map<String, Node> m = y.mapping(notice, "notice", Set.of(MASK_INDIVIDUAL_NAMES), Set.of());
    Node mask = m.get(MASK_INDIVIDUAL_NAMES);
    return mask == null || y.bool(mask, "notice." + MASK_INDIVIDUAL_NAMES);
  }

  private static Rule rule(YamlNodes y, ClauseCode code, Node keyNode, Node node) {
    Map<String, Node> m = y.mapping(node, "本地规则条款 " + code, FIELDS, Set.of());
    List<Value> values = new ArrayList<>();
    for (Map.Entry<String, Node> f : m.entrySet()) {
      String field = f.getKey();
      Node v = f.getValue();
      switch (field) {
        case "reason" -> {}
        case "amounts" ->
            PolicyLoader.levelNodes(y, v)
                .forEach(
                    (level, n) ->
                        values.add(
                            new Value(
                                "amounts." + level.zh(),
                                y.money(n, "amounts." + level.zh()),
                                y.scalar(n, "amounts").strip(),
                                YamlNodes.line(n))));
        default -> {
          BigDecimal value =
              MONEY_FIELDS.contains(field)
                  ? y.money(v, field)
                  : field.equals("city_share") ? y.share(v, field) : y.fraction(v, field);
          values.add(new Value(field, value, y.scalar(v, field).strip(), YamlNodes.line(v)));
        }
      }
    }
    if (values.isEmpty()) {
      throw y.error(
          node, "条款 " + code + " 没有设置任何值", "clause " + code + " sets no value (only a reason)");
    }
    String reason = m.containsKey("reason") ? y.text(m.get("reason"), "reason") : "";
    return new Rule(code, YamlNodes.line(keyNode), values, reason);
  }

  public String fileName() {
    return fileName;
  }

  /** Who set these rules, as written in the file. */
  public String office() {
    return office;
  }

  /**
   * Whether the public notice ({@code notice}) prints an individual's name as its first character
   * and a {@code *} for each other one ({@code notice: mask_individual_names}, default true).
   */
  public boolean maskIndividualNames() {
    return maskIndividualNames;
  }

  /** SHA-256 of the file's text, lower-case hex, to record with a run. */
  public String sha256() {
    return sha256;
  }

  /** The clauses the file sets values on, in file order. */
  public List<ClauseCode> clauses() {
    return rules.stream().map(Rule::code).toList();
  }

  /**
   * The registry with the values laid over its clauses: new immutable clauses carrying their {@link
   * LocalOverride}s (and readings, for a city share or individual factor); documents and clauses
   * the file does not name are returned as they were.
   */
  public PolicyRegistry applyTo(PolicyRegistry registry) {
    Map<ClauseCode, Clause> changed = new LinkedHashMap<>();
    for (Rule rule : rules) {
      Clause clause =
          registry
              .clause(rule.code())
              .orElseThrow(
                  () ->
                      new PolicyException(
                          fileName,
                          rule.line(),
                          "未登记的条款 " + rule.code(),
                          "no registered policy has clause " + rule.code()));
      changed.put(rule.code(), apply(clause, rule));
    }
    List<PolicyDocument> documents = new ArrayList<>();
    for (PolicyDocument d : registry.documents()) {
      List<Clause> clauses =
          d.clauses().stream().map(c -> changed.getOrDefault(c.code(), c)).toList();
      documents.add(
          new PolicyDocument(
              d.id(),
              d.number(),
              d.title(),
              d.issuer(),
              d.issued(),
              d.inForceFrom(),
              d.inForceTo(),
              d.jurisdiction(),
              d.overlapRule(),
              d.sourceText(),
              d.readings(),
              clauses,
              d.fileName(),
              d.sha256()));
    }
    return new PolicyRegistry(documents);
  }

  private Clause apply(Clause clause, Rule rule) {
    Calculation calc = clause.calculation();
    Caps caps = clause.caps();
    ClauseModifiers mods = clause.modifiers();
    List<LocalOverride> overrides = new ArrayList<>(clause.overrides());
    List<Reading> readings = new ArrayList<>(clause.readings());
    Map<String, Value> byField = new HashMap<>();

    for (Value v : rule.values()) {
      byField.put(v.field(), v);
      String policyValue;
      switch (v.field()) {
        case "per_claim_cap" -> {
          policyValue = plain(caps.perClaim());
          caps = new Caps(v.value(), caps.annual(), caps.lifetime());
        }
        case "annual_cap" -> {
          AnnualCap a = caps.annual();
          policyValue = a == null ? null : plain(a.amount());
          String group = a == null ? clause.code().toString() : a.group();
          caps = new Caps(caps.perClaim(), new AnnualCap(group, v.value()), caps.lifetime());
        }
        case "lifetime_cap" -> {
          if (clause.references().mode() != ReferenceRule.Mode.PROJECT) {
            throw misfit(clause, v);
          }
          LifetimeCap l = caps.lifetime();
          policyValue = l == null ? null : plain(l.amount());
          String group = l == null ? clause.code().toString() : l.group();
          caps = new Caps(caps.perClaim(), caps.annual(), new LifetimeCap(group, v.value()));
        }
        case "city_share" -> {
          if (mods.fundingSplit() == null) {
            throw misfit(clause, v);
          }
          policyValue = mods.fundingSplit().cityShare().toPlainString();
          mods =
              new ClauseModifiers(
                  mods.individualFactor(), mods.feeCeiling(), new FundingSplit(v.value()));
          readings.add(
              reading(FUNDING_SPLIT_TOPIC, "市级承担比例", "city share", policyValue, v, rule.reason()));
        }
        case "individual_factor" -> {
          if (mods.individualFactor() == null) {
            throw misfit(clause, v);
          }
          policyValue = mods.individualFactor().toPlainString();
          mods = new ClauseModifiers(v.value(), mods.feeCeiling(), mods.fundingSplit());
          readings.add(
              reading(
                  INDIVIDUAL_FACTOR_TOPIC,
                  "个人减半系数",
                  "individual factor",
                  policyValue,
                  v,
                  rule.reason()));
        }
        default -> {
          // a field of the calculation itself: amount, amounts.<level>, max, min, rate
          KindField.Change change = KindField.set(calc, v.field(), v.value());
          if (change == null) {
            throw misfit(clause, v);
          }
          policyValue = change.policyValue();
          calc = change.calculation();
        }
      }
      overrides.add(
          new LocalOverride(
              v.field(), v.written(), policyValue, fileName + ":" + v.line(), rule.reason()));
    }
    checkBounds(clause, calc, byField);
    return new Clause(
        clause.code(),
        clause.name(),
        clause.article(),
        clause.quote(),
        calc,
        clause.eligibility(),
        caps,
        mods,
        clause.references(),
        readings,
        overrides);
  }

  /** After all values: an approved min not above its max, a stepped max not below its base. */
  private void checkBounds(Clause clause, Calculation calc, Map<String, Value> byField) {
    Value at = byField.containsKey("min") ? byField.get("min") : byField.get("max");
    if (at == null) {
      return;
    }
    KindField.boundsProblem(calc, clause.code().toString())
        .ifPresent(
            problem -> {
              throw new PolicyException(fileName, at.line(), problem.zh(), problem.en());
            });
  }

  private Reading reading(
      String topic, String zh, String en, String policyValue, Value v, String reason) {
    return new Reading(
        topic,
        "本地规则将"
            + zh
            + "由 "
            + policyValue
            + " 改为 "
            + v.written()
            + "。Local rules set the "
            + en
            + " to "
            + v.written()
            + " (policy: "
            + policyValue
            + ")."
            + (reason.isEmpty() ? "" : " 理由 reason：" + reason),
        fileName);
  }

  private PolicyException misfit(Clause clause, Value v) {
    String fits = fits(clause);
    return new PolicyException(
        fileName,
        v.line(),
        "字段 "
            + v.field()
            + " 不适用于条款 "
            + clause.code()
            + "（"
            + clause.calculation().kind()
            + "）；此条款可设置："
            + fits,
        "field "
            + v.field()
            + " does not fit clause "
            + clause.code()
            + " ("
            + clause.calculation().kind()
            + "); this clause takes: "
            + fits);
  }

  /** The fields that fit a clause, for the error message. */
  private static String fits(Clause clause) {
    List<String> fields = new ArrayList<>();
    fields.addAll(KindField.fields(clause.calculation()));
    fields.addAll(List.of("per_claim_cap", "annual_cap"));
    if (clause.references().mode() == ReferenceRule.Mode.PROJECT) {
      fields.add("lifetime_cap");
    }
    if (clause.modifiers().fundingSplit() != null) {
      fields.add("city_share");
    }
    if (clause.modifiers().individualFactor() != null) {
      fields.add("individual_factor");
    }
    return String.join(", ", fields);
  }

  private static String plain(BigDecimal amount) {
    return amount == null ? null : Money.plain(amount);
  }
}
