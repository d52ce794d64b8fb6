package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Bilingual;

/**
 * What one step of a claim's computation hands on: the value the next step goes on with ({@link
 * Go}), or the claim's verdict ({@link Stop}), which ends its computation. A step returns one; the
 * calculator reads them in the catalog's order of steps, so a claim that stops early costs a
 * return, not a throw.
 */
sealed interface Step<T> permits Step.Go, Step.Stop {
  /** A check passed and hands nothing on. */
  Step<Void> PASSED = new Go<>(null);

  static <T> Step<T> go(T value) {
    return new Go<>(value);
  }

  static <T> Stop<T> stop(Status status, boolean badData, Bilingual why) {
    return new Stop<>(status, badData, why);
  }

  /** The value to go on with; only a {@link Go} has one. */
  T value();

  default boolean stopped() {
    return this instanceof Stop;
  }

  /** The step passed: the computation goes on with {@code value}. */
  record Go<T>(T value) implements Step<T> {}

  /**
   * The claim's verdict: its status, whether the row's data is bad (drives exit code 1), and why.
   */
  record Stop<T>(Status status, boolean badData, Bilingual why) implements Step<T> {
    @Override
    public T value() {
      throw new IllegalStateException("a stopped claim has no value to go on with: " + why);
    }

    /** The same verdict, as the outcome of a step that would have handed on another type. */
    @SuppressWarnings("unchecked")
    <U> Step<U> as() {
      return (Step<U>) this;
    }
  }
}
