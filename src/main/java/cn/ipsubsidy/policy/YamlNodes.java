package cn.ipsubsidy.policy;

import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Sha256;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Strict reading of a YAML node tree for the policy and local rules files: every value is checked
 * for its type and range, and every problem becomes a {@link PolicyException} naming the file and
 * the line ({@code node.getStartMark().getLine() + 1}). Text in, values out: no file access.
 */
final class YamlNodes {
  private static final Set<Tag> STANDARD_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);
  private static final Pattern MONEY = Pattern.compile("\\d+(\\.\\d{1,2})?");
  private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
  private static final Pattern WHOLE = Pattern.compile("\\d+");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  final String file;

  YamlNodes(String file) {
    this.file = file;
  }

  /** Parses the text into its root node; a syntax error names the line. */
  Node compose(String text) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw new PolicyException(
          file,
          mark == null ? 0 : mark.getLine() + 1,
          "YAML 格式错误：" + problem,
          "YAML syntax error: " + problem);
    } catch (YAMLException e) {
      throw new PolicyException(
          file, 0, "YAML 无法读取：" + e.getMessage(), "YAML cannot be read: " + e.getMessage());
    }
    if (root == null) {
      throw new PolicyException(file, 1, "文件为空", "the file is empty");
    }
    return root;
  }

  static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  PolicyException error(Node node, String zh, String en) {
    return new PolicyException(file, line(node), zh, en);
  }

  /** "file:line", the form recorded in {@link LocalOverride#source()}. */
  String where(Node node) {
    return file + ":" + line(node);
  }

  /** The keys of a mapping in file order; unknown, duplicate and missing keys are errors. */
  Map<String, Node> mapping(Node node, String what, Set<String> allowed, Set<String> required) {
    Map<String, Node> map = keyed(node, what);
    for (Map.Entry<String, Node> e : map.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw error(
            keyNode(node, e.getKey()),
            what + " 中有未知的键 “" + e.getKey() + "”；允许的键：" + String.join(", ", sorted(allowed)),
            "unknown key '"
                + e.getKey()
                + "' in "
                + what
                + "; allowed keys: "
                + String.join(", ", sorted(allowed)));
      }
    }
    for (String key : sorted(required)) {
      if (!map.containsKey(key)) {
        throw error(
            node, what + " 缺少必需的键 “" + key + "”", "missing required key '" + key + "' in " + what);
      }
    }
    return map;
  }

  /** A mapping with free keys (clause codes, levels): scalar keys, no duplicates, file order. */
  Map<String, Node> keyed(Node node, String what) {
    if (!(node instanceof MappingNode m)) {
      throw error(node, what + " 应为键值映射", what + " must be a mapping (key: value)");
    }
    checkTag(node);
    Map<String, Node> map = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw error(
            t.getKeyNode(), what + " 的键应为文字", "the keys of " + what + " must be plain text");
      }
      if (map.putIfAbsent(k.getValue(), t.getValueNode()) != null) {
        throw error(
            k,
            what + " 中键 “" + k.getValue() + "” 重复",
            "duplicate key '" + k.getValue() + "' in " + what);
      }
    }
    return map;
  }

  /** The node of a key of a mapping, for errors that concern the key itself. */
  static Node keyNode(Node mapping, String key) {
    for (NodeTuple t : ((MappingNode) mapping).getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return k;
      }
    }
    return mapping;
  }

  List<Node> list(Node node, String what) {
    if (!(node instanceof SequenceNode s)) {
      throw error(node, what + " 应为列表", what + " must be a list");
    }
    checkTag(node);
    return new ArrayList<>(s.getValue());
  }

  boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
  }

  /** A non-empty text value. */
  String text(Node node, String what) {
    String s = scalar(node, what);
    if (s.isBlank()) {
      throw error(node, what + " 不能为空", what + " must not be empty");
    }
    return s.strip();
  }

  /** A text value that may be empty ('' or no value): returns "" then. */
  String textOrEmpty(Node node, String what) {
    return isNull(node) ? "" : scalar(node, what).strip();
  }

  String scalar(Node node, String what) {
    if (!(node instanceof ScalarNode s)) {
      throw error(
          node, what + " 应为单个值，而不是列表或映射", what + " must be a single value, not a list or mapping");
    }
    checkTag(node);
    if (s.getTag().equals(Tag.NULL)) {
      throw error(node, what + " 没有值", what + " has no value");
    }
    return s.getValue();
  }

  boolean bool(Node node, String what) {
    String s = scalar(node, what);
    return switch (s) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw error(
              node,
              what + " 应为 true 或 false：“" + s + "”",
              what + " must be true or false: '" + s + "'");
    };
  }

  /** ISO date yyyy-mm-dd. */
  LocalDate date(Node node, String what) {
    String s = scalar(node, what).strip();
    try {
      if (ISO_DATE.matcher(s).matches()) {
        return LocalDate.parse(s);
      }
    } catch (DateTimeParseException e) {
      // falls through to the error below
    }
    throw error(
        node,
        what + " 应为 ISO 日期 yyyy-mm-dd：“" + s + "”",
        what + " must be an ISO date yyyy-mm-dd: '" + s + "'");
  }

  /** Yuan, not negative, at most two decimals; scale 2. */
  BigDecimal money(Node node, String what) {
    String s = scalar(node, what).strip();
    if (s.startsWith("-")) {
      throw error(node, what + " 不能为负数：" + s, what + " must not be negative: " + s);
    }
    if (!MONEY.matcher(s).matches()) {
      throw error(
          node,
          what + " 应为以元计的金额（最多两位小数），如 10000 或 2500.50：“" + s + "”",
          what
              + " must be an amount in yuan with at most two decimals, e.g. 10000 or 2500.50: '"
              + s
              + "'");
    }
    return Money.of(s);
  }

  /** A rate or factor: 0 < value ≤ 1, as written (0.5 stays 0.5). */
  BigDecimal fraction(Node node, String what) {
    return fraction(node, what, false);
  }

  /** A share that may be 0: 0 ≤ value ≤ 1, as written. */
  BigDecimal share(Node node, String what) {
    return fraction(node, what, true);
  }

  private BigDecimal fraction(Node node, String what, boolean zeroAllowed) {
    String s = scalar(node, what).strip();
    BigDecimal v = DECIMAL.matcher(s).matches() ? new BigDecimal(s) : null;
    if (v == null
        || v.compareTo(BigDecimal.ONE) > 0
        || (zeroAllowed ? v.signum() < 0 : v.signum() <= 0)) {
      String zh = zeroAllowed ? "0 到 1 之间" : "大于 0、不大于 1";
      String en = zeroAllowed ? "from 0 to 1" : "above 0 and at most 1";
      throw error(
          node,
          what + " 应为" + zh + "的小数（如 0.5 表示 50%）：“" + s + "”",
          what + " must be a decimal " + en + " (0.5 means 50%): '" + s + "'");
    }
    return v;
  }

  /** A whole number ≥ 0. */
  long whole(Node node, String what) {
    String s = scalar(node, what).strip();
    if (s.startsWith("-")) {
      throw error(node, what + " 不能为负数：" + s, what + " must not be negative: " + s);
    }
    if (!WHOLE.matcher(s).matches() || s.length() > 15) {
      throw error(node, what + " 应为整数：“" + s + "”", what + " must be a whole number: '" + s + "'");
    }
    return Long.parseLong(s);
  }

  private void checkTag(Node node) {
    if (!STANDARD_TAGS.contains(node.getTag())) {
      throw error(
          node,
          "不支持的 YAML 标签 " + node.getTag().getValue(),
          "unsupported YAML tag " + node.getTag().getValue());
    }
  }

  static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }

  /** SHA-256 of the text as UTF-8, lower-case hex. */
  static String sha256(String text) {
    return Sha256.of(text);
  }
}
