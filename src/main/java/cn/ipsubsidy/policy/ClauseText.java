package cn.ipsubsidy.policy;

import static cn.ipsubsidy.domain.Money.format;

import cn.ipsubsidy.domain.EntityType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A clause's amount, caps and eligibility in the words a clerk reads ("10,000.00/件"). */
public final class ClauseText {
  private ClauseText() {}

  /**
   * A stepped amount in words, written once for every place that shows it: `clauses`, `explain`,
   * the claims template and the audit trail's rule ({@code "stepped " +} this).
   */
  public static String stepped(Calculation.Stepped s) {
    return "≥"
        + s.threshold()
        + " → "
        + format(s.base())
        + "，每满"
        + s.increment()
        + "加"
        + format(s.step())
        + "，最高"
        + format(s.max());
  }

  public static String amount(Calculation calc) {
    return calc.match(AMOUNT);
  }

  /** The amount of each kind in the clerk's words. */
  private static final Calculation.Cases<String> AMOUNT =
      new Calculation.Cases<>() {
        @Override
        public String fixed(Calculation.Fixed f) {
          return format(f.perUnit()) + "/件";
        }

        @Override
        public String fixedByLevel(Calculation.FixedByLevel f) {
          return f.perUnit().entrySet().stream()
              .map(e -> e.getKey().zh() + " " + format(e.getValue()))
              .collect(Collectors.joining(" / "));
        }

        @Override
        public String upTo(Calculation.UpTo u) {
          return "每件最高 " + format(u.maxPerUnit());
        }

        @Override
        public String approved(Calculation.Approved a) {
          List<String> parts = new ArrayList<>();
          parts.add("核定金额");
          if (a.min() != null) {
            parts.add("最低 " + format(a.min()));
          }
          if (a.max() != null) {
            parts.add("最高 " + format(a.max()));
          }
          return String.join(" ", parts);
        }

        @Override
        public String percent(Calculation.Percent p) {
          return pct(p.rate()) + " × " + p.basisLabel();
        }

        @Override
        public String stepped(Calculation.Stepped s) {
          return ClauseText.stepped(s);
        }

        @Override
        public String tiered(Calculation.Tiered t) {
          return t.tiers().stream()
              .map(
                  x ->
                      "≥"
                          + x.metricMin()
                          + (x.metric2Min() == null ? "" : "且≥" + x.metric2Min())
                          + " → "
                          + format(x.amount()))
              .collect(Collectors.joining("; "));
        }

        @Override
        public String unset(Calculation.Unset u) {
          return u.localAmount() == null
              ? "未定 “" + u.phrase() + "”"
              : "本地规则 " + format(u.localAmount()) + "/件";
        }
      };

  public static String caps(Clause c) {
    List<String> parts = new ArrayList<>();
    Caps caps = c.caps();
    if (caps.perClaim() != null) {
      parts.add("每件最高 " + format(caps.perClaim()));
    }
    if (caps.annual() != null) {
      parts.add("年度 " + format(caps.annual().amount()) + "/主体 (" + caps.annual().group() + ")");
    }
    if (caps.lifetime() != null) {
      parts.add("累计 " + format(caps.lifetime().amount()) + "/项目");
    }
    ClauseModifiers m = c.modifiers();
    if (m != null && m.individualFactor() != null) {
      parts.add("个人 × " + m.individualFactor().stripTrailingZeros().toPlainString());
    }
    if (m != null && m.feeCeiling()) {
      parts.add("不超过发生费用");
    }
    if (m != null && m.fundingSplit() != null) {
      parts.add("市级 " + pct(m.fundingSplit().cityShare()));
    }
    return String.join("; ", parts);
  }

  public static String eligibility(Clause c) {
    Eligibility e = c.eligibility();
    List<String> parts = new ArrayList<>();
    if (!e.allowedTypes().isEmpty()) {
      parts.add("仅" + types(e.allowedTypes().stream().sorted().toList()));
    }
    if (!e.excludedTypes().isEmpty()) {
      parts.add("不含" + types(e.excludedTypes().stream().sorted().toList()));
    }
    if (e.metric() != null) {
      parts.add(label(e.metric(), "指标") + " " + e.metric().describe());
    }
    if (e.metric2() != null) {
      parts.add(label(e.metric2(), "指标2") + " " + e.metric2().describe());
    }
    if (e.establishedWithinYears() != null) {
      parts.add("成立" + e.establishedWithinYears() + "年内");
    }
    if (e.oneTime()) {
      parts.add("一次性");
    }
    return String.join("; ", parts);
  }

  static String pct(BigDecimal rate) {
    return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  private static String types(List<EntityType> types) {
    return types.stream().map(EntityType::zh).collect(Collectors.joining("/"));
  }

  private static String label(MetricRule r, String fallback) {
    return r.label() == null ? fallback : r.label();
  }

  /** Map form for machine-readable listings. */
  public static Map<String, String> summary(PolicyDocument d, Clause c) {
    return Map.of(
        "code", c.code().toString(),
        "name", c.name(),
        "kind", c.calculation().kind(),
        "amount", amount(c.calculation()),
        "caps", caps(c),
        "eligibility", eligibility(c),
        "citation", d.cite(c));
  }
}
