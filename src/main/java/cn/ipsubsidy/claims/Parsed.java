package cn.ipsubsidy.claims;

import cn.ipsubsidy.domain.Bilingual;
import java.util.Objects;

/**
 * The outcome of parsing one cell: a value (null for an empty cell) or the reason it could not be
 * read. Never both.
 */
public record Parsed<T>(T value, Bilingual error) {
  public Parsed {
    if (value != null && error != null) {
      throw new IllegalArgumentException("value and error");
    }
  }

  public static <T> Parsed<T> ok(T value) {
    return new Parsed<>(value, null);
  }

  public static <T> Parsed<T> empty() {
    return new Parsed<>(null, null);
  }

  public static <T> Parsed<T> error(String zh, String en) {
    return new Parsed<>(null, Bilingual.of(zh, en));
  }

  public static <T> Parsed<T> error(Bilingual reason) {
    return new Parsed<>(null, Objects.requireNonNull(reason));
  }

  public boolean isError() {
    return error != null;
  }

  public boolean isEmpty() {
    return value == null && error == null;
  }
}
