package cn.ipsubsidy.policy;

import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a policy data file (src/main/resources/policies/*.yaml; the format is documented at the top
 * of lyg-2021.yaml) into an immutable {@link PolicyDocument}. Validation is strict: an unknown or
 * missing key, a wrong type, an unknown kind, entity type or level, a negative amount, a rate
 * outside (0, 1], tiers not ascending, a duplicate clause code or a date not in ISO form is a
 * {@link PolicyException} naming the file and the line. Text in, records out: this class reads no
 * files; {@link #bundled()} reads classpath resources.
 */
public final class PolicyLoader {
  /** Put before the text of a reading chosen in the policy file where the catalog is silent. */
  public static final String CHOSEN_MARK = "〔本文件选定 chosen here, catalog silent〕 ";

  private static final String INDEX = "/policies/index.txt";
  private static final Pattern ID = Pattern.compile("[a-z0-9]+-\\d{4}");
  private static final Pattern LOCAL_CODE = Pattern.compile("\\d+[a-z]");
  private static final Pattern NUMBER = Pattern.compile(".+〔\\d{4}〕\\d+号");
  private static final Pattern ARTICLE = Pattern.compile("第([一二三四五六七八九十]+)条");
  private static final Pattern JURISDICTION_ID = Pattern.compile("[a-z0-9-]+");

  private static final Set<String> DOCUMENT_KEYS =
      Set.of(
          "id",
          "number",
          "title",
          "issuer",
          "issued",
          "in_force",
          "source_text",
          "jurisdiction",
          "overlap_rule",
          "readings",
          "clauses");
  private static final Set<String> CLAUSE_KEYS =
      Set.of(
          "code",
          "name",
          "article",
          "quote",
          "kind",
          "eligibility",
          "caps",
          "modifiers",
          "references",
          "readings");
  private static final Set<String> CLAUSE_REQUIRED =
      Set.of("code", "name", "article", "quote", "kind");

  /** The parameters each kind takes, and which of them are required. */
  private static final Map<String, Set<String>> KIND_KEYS =
      Map.of(
          "fixed", Set.of("amount", "amounts"),
          "up_to", Set.of("max_per_unit"),
          "approved", Set.of("max", "min"),
          "percent", Set.of("rate", "basis"),
          "stepped", Set.of("threshold", "base", "increment", "step", "max"),
          "tiered", Set.of("tiers"),
          "unset", Set.of("phrase"));

  private static final Map<String, Set<String>> KIND_REQUIRED =
      Map.of(
          "fixed", Set.of(),
          "up_to", Set.of("max_per_unit"),
          "approved", Set.of(),
          "percent", Set.of("rate", "basis"),
          "stepped", Set.of("threshold", "base", "increment", "step", "max"),
          "tiered", Set.of("tiers"),
          "unset", Set.of("phrase"));

  private static volatile PolicyRegistry bundled;

  private PolicyLoader() {}

  /**
   * Parses one policy data file.
   *
   * @param fileName the name errors and {@link PolicyDocument#fileName()} carry, e.g. lyg-2021.yaml
   * @param yamlText the file's text; its SHA-256 becomes {@link PolicyDocument#sha256()}
   */
  public static PolicyDocument load(String fileName, String yamlText) {
    return new Reader(new YamlNodes(fileName)).document(yamlText);
  }

  /** The policies shipped with the tool (listed in /policies/index.txt), loaded once. */
  public static PolicyRegistry bundled() {
    PolicyRegistry r = bundled;
    if (r == null) {
      synchronized (PolicyLoader.class) {
        r = bundled;
        if (r == null) {
          List<PolicyDocument> docs = new ArrayList<>();
          for (String name : bundledFileNames()) {
            docs.add(load(name, resource("/policies/" + name)));
          }
          r = registry(docs);
          bundled = r;
        }
      }
    }
    return r;
  }

  /** The text of a bundled policy file, as recorded with every posted run. */
  public static String bundledText(String fileName) {
    return resource("/policies/" + fileName);
  }

  /** The file names /policies/index.txt lists, in its order. */
  public static List<String> bundledFileNames() {
    return resource(INDEX)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  /**
   * A registry of the documents, after checking that their ids are unique and that documents naming
   * the same jurisdiction id agree on its city and districts.
   */
  public static PolicyRegistry registry(List<PolicyDocument> documents) {
    Map<String, PolicyDocument> ids = new HashMap<>();
    Map<String, PolicyDocument> jurisdictions = new HashMap<>();
    for (PolicyDocument d : documents) {
      PolicyDocument twin = ids.putIfAbsent(d.id(), d);
      if (twin != null) {
        throw new PolicyException(
            d.fileName(),
            0,
            "政策编号 " + d.id() + " 已由 " + twin.fileName() + " 登记",
            "policy id " + d.id() + " is already registered by " + twin.fileName());
      }
      PolicyDocument first = jurisdictions.putIfAbsent(d.jurisdiction().id(), d);
      if (first != null && !first.jurisdiction().equals(d.jurisdiction())) {
        throw new PolicyException(
            d.fileName(),
            0,
            "地区 " + d.jurisdiction().id() + " 的城市或区县列表与 " + first.fileName() + " 不一致",
            "jurisdiction "
                + d.jurisdiction().id()
                + " has another city or district list than in "
                + first.fileName());
      }
    }
    return new PolicyRegistry(documents);
  }

  private static String resource(String path) {
    try (InputStream in = PolicyLoader.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new PolicyException(path, 0, "找不到内置政策文件", "bundled policy file not found");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PolicyException(
          path,
          0,
          "内置政策文件无法读取：" + e.getMessage(),
          "bundled policy file unreadable: " + e.getMessage());
    }
  }

  /** The number of a Chinese numeral from 一 to 九十九, or -1. */
  static int chineseNumber(String s) {
    String digits = "一二三四五六七八九";
    int ten = s.indexOf('十');
    if (ten < 0) {
      return s.length() == 1 ? digits.indexOf(s.charAt(0)) + 1 : -1;
    }
    if (s.indexOf('十', ten + 1) >= 0 || ten > 1 || s.length() - ten > 2) {
      return -1;
    }
    int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(0)) + 1;
    int units = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(ten + 1)) + 1;
    return tens <= 0 || (ten < s.length() - 1 && units <= 0) ? -1 : tens * 10 + units;
  }

  /** One file's reading: the nodes helper and the document id the clauses belong to. */
  private static final class Reader {
    private final YamlNodes y;
    private String id;

    Reader(YamlNodes y) {
      this.y = y;
    }

    PolicyDocument document(String text) {
      Node root = y.compose(text);
      Map<String, Node> m = y.mapping(root, "政策文件 policy file", DOCUMENT_KEYS, DOCUMENT_KEYS);
      id = y.text(m.get("id"), "id");
      if (!ID.matcher(id).matches()) {
        throw y.error(
            m.get("id"),
            "id 应形如 lyg-2021（小写字母或数字、连字符、四位年份）：" + id,
            "id must look like lyg-2021 (lower-case letters or digits, a hyphen, a 4-digit year): "
                + id);
      }
      String number = y.text(m.get("number"), "number");
      if (!NUMBER.matcher(number).matches()) {
        throw y.error(
            m.get("number"),
            "文号应形如 连政发〔2021〕79号：" + number,
            "number (文号) must look like 连政发〔2021〕79号: " + number);
      }
      LocalDate issued = y.date(m.get("issued"), "issued");
      Map<String, Node> inForce =
          y.mapping(
              m.get("in_force"),
              "in_force",
              Set.of("from", "to", "quote"),
              Set.of("from", "to", "quote"));
      LocalDate from = y.date(inForce.get("from"), "in_force.from");
      LocalDate to = y.isNull(inForce.get("to")) ? null : y.date(inForce.get("to"), "in_force.to");
      if (to != null && to.isBefore(from)) {
        throw y.error(
            inForce.get("to"),
            "in_force.to 早于 in_force.from",
            "in_force.to is before in_force.from");
      }
      y.text(inForce.get("quote"), "in_force.quote");

      Set<String> codes = new HashSet<>();
      List<Clause> clauses = new ArrayList<>();
      for (Node c : y.list(m.get("clauses"), "clauses")) {
        Clause clause = clause(c);
        if (!codes.add(clause.code().local())) {
          throw y.error(
              c, "条款代码 " + clause.code() + " 重复", "duplicate clause code " + clause.code());
        }
        clauses.add(clause);
      }
      return new PolicyDocument(
          id,
          number,
          y.text(m.get("title"), "title"),
          y.text(m.get("issuer"), "issuer"),
          issued,
          from,
          to,
          jurisdiction(m.get("jurisdiction")),
          y.textOrEmpty(m.get("overlap_rule"), "overlap_rule"),
          y.text(m.get("source_text"), "source_text"),
          readings(m.get("readings")),
          clauses,
          y.file,
          YamlNodes.sha256(text));
    }

    private Jurisdiction jurisdiction(Node node) {
      Set<String> keys = Set.of("id", "city", "districts");
      Map<String, Node> m = y.mapping(node, "jurisdiction", keys, keys);
      String jid = y.text(m.get("id"), "jurisdiction.id");
      if (!JURISDICTION_ID.matcher(jid).matches()) {
        throw y.error(
            m.get("id"),
            "jurisdiction.id 应为小写字母、数字或连字符：" + jid,
            "jurisdiction.id must be lower-case letters, digits or hyphens: " + jid);
      }
      Set<String> districts = new LinkedHashSet<>();
      List<Node> list = y.list(m.get("districts"), "jurisdiction.districts");
      if (list.isEmpty()) {
        throw y.error(m.get("districts"), "区县列表为空", "the district list is empty");
      }
      for (Node d : list) {
        String name = y.text(d, "district");
        if (!districts.add(name)) {
          throw y.error(d, "区县 “" + name + "” 重复", "district '" + name + "' is listed twice");
        }
      }
      return new Jurisdiction(
          jid, y.text(m.get("city"), "jurisdiction.city"), List.copyOf(districts));
    }

    private List<Reading> readings(Node node) {
      List<Reading> out = new ArrayList<>();
      if (node == null) {
        return out;
      }
      Set<String> keys = Set.of("topic", "origin", "text");
      for (Node r : y.list(node, "readings")) {
        Map<String, Node> m = y.mapping(r, "reading", keys, keys);
        String origin = y.text(m.get("origin"), "reading.origin");
        String text = y.text(m.get("text"), "reading.text");
        switch (origin) {
          case "catalog" -> {}
          case "chosen" -> text = CHOSEN_MARK + text;
          default ->
              throw y.error(
                  m.get("origin"),
                  "reading.origin 应为 catalog（目录的解读）或 chosen（本文件选定）：" + origin,
                  "reading.origin must be catalog or chosen: " + origin);
        }
        out.add(new Reading(y.text(m.get("topic"), "reading.topic"), text, "policy"));
      }
      return out;
    }

    private Clause clause(Node node) {
      Map<String, Node> raw = y.keyed(node, "clause");
      Node kindNode = raw.get("kind");
      if (kindNode == null) {
        throw y.error(node, "条款缺少必需的键 “kind”", "missing required key 'kind' in clause");
      }
      String kind = y.text(kindNode, "kind");
      Set<String> kindKeys = KIND_KEYS.get(kind);
      if (kindKeys == null) {
        throw y.error(
            kindNode,
            "未知的计算方式 “" + kind + "”；可用：" + String.join(", ", YamlNodes.sorted(KIND_KEYS.keySet())),
            "unknown kind '"
                + kind
                + "'; kinds: "
                + String.join(", ", YamlNodes.sorted(KIND_KEYS.keySet())));
      }
      Set<String> allowed = new HashSet<>(CLAUSE_KEYS);
      allowed.addAll(kindKeys);
      Set<String> required = new HashSet<>(CLAUSE_REQUIRED);
      required.addAll(KIND_REQUIRED.get(kind));
      String what =
          "条款 clause"
              + (raw.get("code") instanceof ScalarNode c && !y.isNull(c) ? " " + c.getValue() : "")
              + " ("
              + kind
              + ")";
      Map<String, Node> m = y.mapping(node, what, allowed, required);

      String local = y.text(m.get("code"), "code");
      if (!LOCAL_CODE.matcher(local).matches()) {
        throw y.error(
            m.get("code"),
            "条款代码应为条号加一个小写字母，如 2a：" + local,
            "clause code must be the article number and a lower-case letter, e.g. 2a: " + local);
      }
      ClauseCode code = new ClauseCode(id, local);
      String article = y.text(m.get("article"), "article");
      Matcher a = ARTICLE.matcher(article);
      int number = a.matches() ? chineseNumber(a.group(1)) : -1;
      if (number != code.articleNumber()) {
        throw y.error(
            m.get("article"),
            "article 应为 第"
                + code.articleNumber()
                + "条 的中文写法（如 第十二条），与条款代码 "
                + local
                + " 一致："
                + article,
            "article must be 第N条 with N in Chinese numerals equal to the number of clause code "
                + local
                + ": "
                + article);
      }
      Eligibility eligibility = eligibility(m.get("eligibility"));
      Caps caps = caps(m.get("caps"), code);
      ReferenceRule references = references(m.get("references"), code);
      if (references.mode() == ReferenceRule.Mode.UNIQUE_PER_METRIC
          && eligibility.metric() == null) {
        throw y.error(
            m.get("references"),
            "unique_per_metric 需要 eligibility.metric（凭证号与指标一起查重）",
            "unique_per_metric needs eligibility.metric (the reference is keyed with the metric)");
      }
      if (caps.lifetime() != null && references.mode() != ReferenceRule.Mode.PROJECT) {
        throw y.error(
            YamlNodes.keyNode(node, "caps"),
            "终身上限按项目累计，需要 references: project",
            "a lifetime cap counts per project and needs references: project");
      }
      return new Clause(
          code,
          y.text(m.get("name"), "name"),
          article,
          y.text(m.get("quote"), "quote"),
          calculation(kind, m, node),
          eligibility,
          caps,
          modifiers(m.get("modifiers")),
          references,
          readings(m.get("readings")),
          List.of());
    }

    private Calculation calculation(String kind, Map<String, Node> m, Node clause) {
      return switch (kind) {
        case "fixed" -> fixed(m, clause);
        case "up_to" -> new Calculation.UpTo(y.money(m.get("max_per_unit"), "max_per_unit"));
        case "approved" -> {
          BigDecimal max = m.containsKey("max") ? y.money(m.get("max"), "max") : null;
          BigDecimal min = m.containsKey("min") ? y.money(m.get("min"), "min") : null;
          if (max != null && min != null && min.compareTo(max) > 0) {
            throw y.error(m.get("min"), "min 大于 max", "min is above max");
          }
          yield new Calculation.Approved(max, min);
        }
        case "percent" ->
            new Calculation.Percent(
                y.fraction(m.get("rate"), "rate"), y.text(m.get("basis"), "basis"));
        case "stepped" -> {
          long increment = y.whole(m.get("increment"), "increment");
          if (increment < 1) {
            throw y.error(m.get("increment"), "increment 至少为 1", "increment must be at least 1");
          }
          BigDecimal base = y.money(m.get("base"), "base");
          BigDecimal max = y.money(m.get("max"), "max");
          if (base.compareTo(max) > 0) {
            throw y.error(m.get("max"), "max 小于 base", "max is below base");
          }
          yield new Calculation.Stepped(
              y.whole(m.get("threshold"), "threshold"),
              base,
              increment,
              y.money(m.get("step"), "step"),
              max);
        }
        case "tiered" -> new Calculation.Tiered(tiers(m.get("tiers")));
        case "unset" -> new Calculation.Unset(y.text(m.get("phrase"), "phrase"), null);
        default -> throw new IllegalStateException(kind);
      };
    }

    private Calculation fixed(Map<String, Node> m, Node clause) {
      boolean one = m.containsKey("amount");
      boolean byLevel = m.containsKey("amounts");
      if (one == byLevel) {
        throw y.error(
            clause,
            "fixed 条款须有 amount（每件金额）或 amounts（按级别金额）之一",
            "a fixed clause needs exactly one of amount (per unit) or amounts (by level)");
      }
      if (one) {
        return new Calculation.Fixed(y.money(m.get("amount"), "amount"));
      }
      Map<Level, BigDecimal> amounts = new EnumMap<>(Level.class);
      levelNodes(y, m.get("amounts"))
          .forEach((level, value) -> amounts.put(level, y.money(value, "amounts." + level.zh())));
      return new Calculation.FixedByLevel(amounts);
    }

    private List<Calculation.Tier> tiers(Node node) {
      List<Node> list = y.list(node, "tiers");
      if (list.isEmpty()) {
        throw y.error(node, "tiers 不能为空", "tiers must not be empty");
      }
      List<Calculation.Tier> tiers = new ArrayList<>();
      for (Node t : list) {
        Map<String, Node> m =
            y.mapping(t, "tier", Set.of("metric", "metric2", "amount"), Set.of("metric", "amount"));
        Long metric2 = m.containsKey("metric2") ? y.whole(m.get("metric2"), "metric2") : null;
        Calculation.Tier tier =
            new Calculation.Tier(
                y.whole(m.get("metric"), "metric"), metric2, y.money(m.get("amount"), "amount"));
        if (!tiers.isEmpty()) {
          Calculation.Tier prev = tiers.get(tiers.size() - 1);
          boolean ascending =
              tier.metricMin() > prev.metricMin()
                  && tier.amount().compareTo(prev.amount()) > 0
                  && ((tier.metric2Min() == null) == (prev.metric2Min() == null))
                  && (tier.metric2Min() == null || tier.metric2Min() >= prev.metric2Min());
          if (!ascending) {
            throw y.error(
                t,
                "tiers 须按 metric 与 amount 升序排列（metric2 不减，且各档一致地有或没有 metric2）",
                "tiers must ascend in metric and amount (metric2 not decreasing, and set on every tier or none)");
          }
        }
        tiers.add(tier);
      }
      return tiers;
    }

    private Eligibility eligibility(Node node) {
      if (node == null) {
        return Eligibility.ANYONE;
      }
      Set<String> keys =
          Set.of(
              "entity_types",
              "exclude_entity_types",
              "metric",
              "metric2",
              "one_time",
              "established_within_years",
              "once_per_budget_year");
      Map<String, Node> m = y.mapping(node, "eligibility", keys, Set.of());
      Set<EntityType> allowed = entityTypes(m.get("entity_types"));
      Set<EntityType> excluded = entityTypes(m.get("exclude_entity_types"));
      if (!allowed.isEmpty() && !excluded.isEmpty()) {
        throw y.error(
            node,
            "entity_types 与 exclude_entity_types 只能写其一",
            "write entity_types or exclude_entity_types, not both");
      }
      OneTime oneTime = oneTime(m.get("one_time"));
      Integer years = null;
      if (m.containsKey("established_within_years")) {
        long v = y.whole(m.get("established_within_years"), "established_within_years");
        if (v < 1 || v > 100) {
          throw y.error(
              m.get("established_within_years"),
              "established_within_years 应在 1 到 100 之间",
              "established_within_years must be between 1 and 100");
        }
        years = (int) v;
      }
      return new Eligibility(
          allowed,
          excluded,
          metric(m.get("metric"), "metric"),
          metric(m.get("metric2"), "metric2"),
          oneTime != OneTime.NO,
          years,
          oneTime == OneTime.PER_REFERENCE,
          m.containsKey("once_per_budget_year")
              && y.bool(m.get("once_per_budget_year"), "once_per_budget_year"));
    }

    private enum OneTime {
      NO,
      PER_ENTITY,
      PER_REFERENCE
    }

    /** one_time: true | false | per_reference (lyg-2021 5a, revision 2). */
    private OneTime oneTime(Node node) {
      if (node == null) {
        return OneTime.NO;
      }
      if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode sn
          && "per_reference".equals(sn.getValue())) {
        return OneTime.PER_REFERENCE;
      }
      return y.bool(node, "one_time") ? OneTime.PER_ENTITY : OneTime.NO;
    }

    private Set<EntityType> entityTypes(Node node) {
      Set<EntityType> out = EnumSet.noneOf(EntityType.class);
      if (node == null) {
        return out;
      }
      List<Node> list = y.list(node, "entity types");
      if (list.isEmpty()) {
        throw y.error(node, "主体类型列表为空", "the entity type list is empty");
      }
      for (Node t : list) {
        String s = y.text(t, "entity type");
        EntityType type =
            EntityType.parse(s)
                .orElseThrow(
                    () ->
                        y.error(
                            t,
                            "未知的主体类型 “" + s + "”；可用：企业 个人 高校 科研院所 服务机构 园区 县区 学校 社会组织",
                            "unknown entity type '"
                                + s
                                + "'; types: enterprise individual university institute agency"
                                + " park county school association"));
        if (!out.add(type)) {
          throw y.error(t, "主体类型 “" + s + "” 重复", "entity type '" + s + "' is listed twice");
        }
      }
      return out;
    }

    private MetricRule metric(Node node, String what) {
      if (node == null) {
        return null;
      }
      Map<String, Node> m = y.mapping(node, what, Set.of("min", "max", "label"), Set.of("label"));
      Long min = m.containsKey("min") ? y.whole(m.get("min"), what + ".min") : null;
      Long max = m.containsKey("max") ? y.whole(m.get("max"), what + ".max") : null;
      if (min != null && max != null && min > max) {
        throw y.error(node, what + ".min 大于 max", what + ".min is above max");
      }
      return new MetricRule(min, max, y.text(m.get("label"), what + ".label"));
    }

    private Caps caps(Node node, ClauseCode code) {
      if (node == null) {
        return Caps.NONE;
      }
      Map<String, Node> m =
          y.mapping(node, "caps", Set.of("per_claim", "annual", "lifetime"), Set.of());
      BigDecimal perClaim =
          m.containsKey("per_claim") ? y.money(m.get("per_claim"), "per_claim") : null;
      AnnualCap annual = null;
      if (m.containsKey("annual")) {
        Map<String, Node> a =
            y.mapping(m.get("annual"), "caps.annual", Set.of("amount", "group"), Set.of("amount"));
        annual =
            new AnnualCap(
                group(a.get("group"), code), y.money(a.get("amount"), "caps.annual.amount"));
      }
      LifetimeCap lifetime = null;
      if (m.containsKey("lifetime")) {
        Map<String, Node> l =
            y.mapping(
                m.get("lifetime"),
                "caps.lifetime",
                Set.of("amount", "group", "per"),
                Set.of("amount"));
        boolean perEntity = false;
        if (l.containsKey("per")) {
          String per = y.text(l.get("per"), "caps.lifetime.per");
          if (!per.equals("entity") && !per.equals("project")) {
            throw y.error(
                l.get("per"),
                "caps.lifetime.per 应为 entity 或 project：" + per,
                "caps.lifetime.per must be entity or project: " + per);
          }
          perEntity = per.equals("entity");
        }
        lifetime =
            new LifetimeCap(
                group(l.get("group"), code),
                y.money(l.get("amount"), "caps.lifetime.amount"),
                perEntity);
      }
      return new Caps(perClaim, annual, lifetime);
    }

    /** A cap or reference group: defaults to the clause code; must stay within this policy. */
    private String group(Node node, ClauseCode code) {
      if (node == null) {
        return code.toString();
      }
      String g = y.text(node, "group");
      if (!g.startsWith(id + "/") || g.length() == id.length() + 1) {
        throw y.error(
            node,
            "group 应以本政策编号开头，如 " + id + "/4：" + g,
            "group must start with this policy's id, e.g. " + id + "/4: " + g);
      }
      return g;
    }

    private ClauseModifiers modifiers(Node node) {
      if (node == null) {
        return ClauseModifiers.NONE;
      }
      Map<String, Node> m =
          y.mapping(
              node,
              "modifiers",
              Set.of("individual_factor", "fee_ceiling", "funding_split"),
              Set.of());
      FundingSplit split = null;
      if (m.containsKey("funding_split")) {
        Map<String, Node> f =
            y.mapping(m.get("funding_split"), "funding_split", Set.of("city"), Set.of("city"));
        split = new FundingSplit(y.fraction(f.get("city"), "funding_split.city"));
      }
      return new ClauseModifiers(
          m.containsKey("individual_factor")
              ? y.fraction(m.get("individual_factor"), "individual_factor")
              : null,
          m.containsKey("fee_ceiling") && y.bool(m.get("fee_ceiling"), "fee_ceiling"),
          split);
    }

    private ReferenceRule references(Node node, ClauseCode code) {
      if (node == null) {
        return new ReferenceRule(ReferenceRule.Mode.UNIQUE, code.toString(), false);
      }
      if (!(node instanceof MappingNode)) {
        ReferenceRule.Mode mode = mode(node);
        return new ReferenceRule(mode, code.toString(), mode == ReferenceRule.Mode.PROJECT);
      }
      Map<String, Node> m =
          y.mapping(
              node,
              "references",
              Set.of("mode", "group", "entity_when_empty", "form", "upgrades"),
              Set.of("mode"));
      ReferenceRule.Mode mode = mode(m.get("mode"));
      boolean entityWhenEmpty =
          m.containsKey("entity_when_empty")
              ? y.bool(m.get("entity_when_empty"), "entity_when_empty")
              : mode == ReferenceRule.Mode.PROJECT;
      boolean perPatent = m.containsKey("form") && form(m.get("form"));
      String upgrades = m.containsKey("upgrades") ? group(m.get("upgrades"), code) : null;
      return new ReferenceRule(
          mode, group(m.get("group"), code), entityWhenEmpty, perPatent, upgrades);
    }

    /** references.form: general (the default) or patent (Chinese patent numbers; revision 2). */
    private boolean form(Node node) {
      String s = y.text(node, "references.form");
      return switch (s) {
        case "patent" -> true;
        case "general" -> false;
        default ->
            throw y.error(
                node,
                "references.form 应为 patent 或 general：" + s,
                "references.form must be patent or general: " + s);
      };
    }

    private ReferenceRule.Mode mode(Node node) {
      String s = y.text(node, "references");
      return switch (s) {
        case "unique" -> ReferenceRule.Mode.UNIQUE;
        case "unique_per_metric" -> ReferenceRule.Mode.UNIQUE_PER_METRIC;
        case "project" -> ReferenceRule.Mode.PROJECT;
        default ->
            throw y.error(
                node,
                "references 应为 unique、unique_per_metric 或 project：" + s,
                "references must be unique, unique_per_metric or project: " + s);
      };
    }
  }

  /**
   * {国家: …, 省: …, 市: …}: the value node of each level, in file order; unknown or repeated levels
   * and an empty mapping are errors. Shared with the local rules, which record each level's line.
   */
  static Map<Level, Node> levelNodes(YamlNodes y, Node node) {
    Map<Level, Node> out = new EnumMap<>(Level.class);
    Map<String, Node> m = y.keyed(node, "amounts");
    if (m.isEmpty()) {
      throw y.error(node, "amounts 不能为空", "amounts must not be empty");
    }
    for (Map.Entry<String, Node> e : m.entrySet()) {
      Node key = YamlNodes.keyNode(node, e.getKey());
      Level level =
          Level.parse(e.getKey())
              .orElseThrow(
                  () ->
                      y.error(
                          key,
                          "未知的级别 “" + e.getKey() + "”；可用：国家 省 市",
                          "unknown level '" + e.getKey() + "'; levels: 国家 省 市"));
      if (out.put(level, e.getValue()) != null) {
        throw y.error(
            key, "级别 “" + e.getKey() + "” 重复", "level '" + e.getKey() + "' is listed twice");
      }
    }
    return out;
  }
}
