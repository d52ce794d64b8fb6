package cn.ipsubsidy.policy;

import cn.ipsubsidy.domain.Level;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a clause computes its amount before caps: the closed set of calculation kinds of the clause
 * catalog. A new policy picks among these in its data file; a new kind is a code change on purpose.
 */
public sealed interface Calculation {

  /** The kind's name as written in policy files and the clause catalog. */
  String kind();

  /**
   * Hands this calculation to the branch of {@code cases} for its kind. Every concern that depends
   * on the kind (the amount, its wording, the template's columns, the fields local rules may set)
   * implements {@link Cases}, so a new kind does not compile until each of them handles it, where a
   * chain of {@code instanceof} would fall through silently.
   */
  <R> R match(Cases<R> cases);

  /** One branch per calculation kind. */
  interface Cases<R> {
    R fixed(Fixed c);

    R fixedByLevel(FixedByLevel c);

    R upTo(UpTo c);

    R approved(Approved c);

    R percent(Percent c);

    R stepped(Stepped c);

    R tiered(Tiered c);

    R unset(Unset c);
  }

  /** {@code fixed}: amount per unit × quantity. */
  record Fixed(BigDecimal perUnit) implements Calculation {
    @Override
    public String kind() {
      return "fixed";
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.fixed(this);
    }
  }

  /**
   * {@code fixed} by level: the amount per unit depends on the claim's level; a level not listed
   * pays nothing (rejected), a missing level is bad data.
   */
  record FixedByLevel(Map<Level, BigDecimal> perUnit) implements Calculation {
    public FixedByLevel {
      perUnit = Collections.unmodifiableMap(new EnumMap<>(perUnit));
    }

    @Override
    public String kind() {
      return "fixed_by_level";
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.fixedByLevel(this);
    }
  }

  /** {@code up_to}: max per unit × quantity, or the approved amount when that is lower. */
  record UpTo(BigDecimal maxPerUnit) implements Calculation {
    @Override
    public String kind() {
      return "up_to";
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.upTo(this);
    }
  }

  /**
   * {@code approved}: the approved amount (核定金额), cut to {@code max} with a warning; below {@code
   * min} or missing → review. Either bound may be null.
   */
  record Approved(BigDecimal max, BigDecimal min) implements Calculation {
    @Override
    public String kind() {
      return "approved";
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.approved(this);
    }
  }

  /**
   * {@code percent}: rate × (basis − deduction), rounded half-up to the fen. {@code basisLabel}
   * names what the basis is in the policy's words.
   */
  record Percent(BigDecimal rate, String basisLabel) implements Calculation {
    @Override
    public String kind() {
      return "percent";
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.percent(this);
    }
  }

  /**
   * {@code stepped}: below {@code threshold} rejected; at it {@code base}, plus {@code step} for
   * every full {@code increment} above it, not more than {@code max}.
   */
  record Stepped(long threshold, BigDecimal base, long increment, BigDecimal step, BigDecimal max)
      implements Calculation {
    @Override
    public String kind() {
      return "stepped";
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.stepped(this);
    }
  }

  /** {@code tiered}: the highest tier whose every condition the claim meets. */
  record Tiered(List<Tier> tiers) implements Calculation {
    public Tiered {
      tiers = List.copyOf(tiers);
    }

    @Override
    public String kind() {
      return "tiered";
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.tiered(this);
    }
  }

  /** One tier: metric ≥ metricMin and (when set) metric2 ≥ metric2Min pays amount. */
  record Tier(long metricMin, Long metric2Min, BigDecimal amount) {}

  /**
   * {@code unset}: the policy names the subsidy but not the amount ({@code phrase} quotes how).
   * Computes as fixed when local rules set {@code localAmount}, as approved (no max) when the claim
   * carries an approved amount, otherwise goes to review.
   */
  record Unset(String phrase, BigDecimal localAmount) implements Calculation {
    @Override
    public String kind() {
      return "unset";
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.unset(this);
    }

    public Unset withLocalAmount(BigDecimal amount) {
      return new Unset(phrase, amount);
    }
  }
}
