package cn.ipsubsidy.policy;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a calculation that an office's local rules may set ({@code amount}, {@code
 * amounts.<level>}, {@code max}, {@code min}, {@code rate}), per kind: which fields each kind has,
 * setting one, and the bounds the result must keep. One {@link Calculation.Cases} each, so a new
 * kind states its fields or does not compile.
 */
final class KindField {
  private KindField() {}

  /** A field set: the calculation with the new value, and the policy's value it replaced. */
  record Change(Calculation calculation, String policyValue) {}

  /** The fields each kind takes, as the error for a field that does not fit lists them. */
  static List<String> fields(Calculation calc) {
    return calc.match(FIELDS);
  }

  /** {@code field} set to {@code value}; null when the kind has no such field. */
  static Change set(Calculation calc, String field, BigDecimal value) {
    return calc.match(
        new Calculation.Cases<>() {
          @Override
          public Change fixed(Calculation.Fixed f) {
            return field.equals("amount")
                ? new Change(new Calculation.Fixed(value), plain(f.perUnit()))
                : null;
          }

          @Override
          public Change fixedByLevel(Calculation.FixedByLevel f) {
            if (!field.startsWith("amounts.")) {
              return null;
            }
            Level level = Level.parse(field.substring("amounts.".length())).orElseThrow();
            Map<Level, BigDecimal> levels = new EnumMap<>(f.perUnit());
            BigDecimal was = levels.put(level, value);
            return new Change(new Calculation.FixedByLevel(levels), plain(was));
          }

          @Override
          public Change upTo(Calculation.UpTo u) {
            return field.equals("amount")
                ? new Change(new Calculation.UpTo(value), plain(u.maxPerUnit()))
                : null;
          }

          @Override
          public Change approved(Calculation.Approved a) {
            return switch (field) {
              case "max" -> new Change(new Calculation.Approved(value, a.min()), plain(a.max()));
              case "min" -> new Change(new Calculation.Approved(a.max(), value), plain(a.min()));
              default -> null;
            };
          }

          @Override
          public Change percent(Calculation.Percent p) {
            return field.equals("rate")
                ? new Change(
                    new Calculation.Percent(value, p.basisLabel()), p.rate().toPlainString())
                : null;
          }

          @Override
          public Change stepped(Calculation.Stepped st) {
            return field.equals("max")
                ? new Change(
                    new Calculation.Stepped(
                        st.threshold(), st.base(), st.increment(), st.step(), value),
                    plain(st.max()))
                : null;
          }

          @Override
          public Change tiered(Calculation.Tiered t) {
            return null; // tiers are the policy's own table; an office changes none of them
          }

          @Override
          public Change unset(Calculation.Unset u) {
            return field.equals("amount")
                ? new Change(u.withLocalAmount(value), plain(u.localAmount()))
                : null;
          }
        });
  }

  /** What is wrong with the bounds of a calculation once every field is set, if anything. */
  static Optional<Bilingual> boundsProblem(Calculation calc, String code) {
    return calc.match(
        new Calculation.Cases<>() {
          @Override
          public Optional<Bilingual> fixed(Calculation.Fixed c) {
            return Optional.empty();
          }

          @Override
          public Optional<Bilingual> fixedByLevel(Calculation.FixedByLevel c) {
            return Optional.empty();
          }

          @Override
          public Optional<Bilingual> upTo(Calculation.UpTo c) {
            return Optional.empty();
          }

          @Override
          public Optional<Bilingual> approved(Calculation.Approved a) {
            if (a.min() == null || a.max() == null || a.min().compareTo(a.max()) <= 0) {
              return Optional.empty();
            }
            return Optional.of(
                Bilingual.of(
                    code + " 的 min " + plain(a.min()) + " 大于 max " + plain(a.max()),
                    code + ": min " + plain(a.min()) + " is above max " + plain(a.max())));
          }

          @Override
          public Optional<Bilingual> percent(Calculation.Percent c) {
            return Optional.empty();
          }

          @Override
          public Optional<Bilingual> stepped(Calculation.Stepped s) {
            if (s.max().compareTo(s.base()) >= 0) {
              return Optional.empty();
            }
            return Optional.of(
                Bilingual.of(
                    code + " 的 max " + plain(s.max()) + " 小于起步金额 " + plain(s.base()),
                    code + ": max " + plain(s.max()) + " is below the base " + plain(s.base())));
          }

          @Override
          public Optional<Bilingual> tiered(Calculation.Tiered c) {
            return Optional.empty();
          }

          @Override
          public Optional<Bilingual> unset(Calculation.Unset c) {
            return Optional.empty();
          }
        });
  }

  private static final Calculation.Cases<List<String>> FIELDS =
      new Calculation.Cases<>() {
        @Override
        public List<String> fixed(Calculation.Fixed c) {
          return List.of("amount");
        }

        @Override
        public List<String> fixedByLevel(Calculation.FixedByLevel c) {
          return List.of("amounts");
        }

        @Override
        public List<String> upTo(Calculation.UpTo c) {
          return List.of("amount");
        }

        @Override
        public List<String> approved(Calculation.Approved c) {
          return List.of("max", "min");
        }

        @Override
        public List<String> percent(Calculation.Percent c) {
          return List.of("rate");
        }

        @Override
        public List<String> stepped(Calculation.Stepped c) {
          return List.of("max");
        }

        @Override
        public List<String> tiered(Calculation.Tiered c) {
          return List.of();
        }

        @Override
        public List<String> unset(Calculation.Unset c) {
          return List.of("amount");
        }
      };

  private static String plain(BigDecimal amount) {
    return amount == null ? null : Money.plain(amount);
  }
}
