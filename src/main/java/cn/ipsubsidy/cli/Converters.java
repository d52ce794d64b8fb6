package cn.ipsubsidy.cli;

import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;

/** Option value converters whose complaints come in the chosen language. */
final class Converters {
  private Converters() {}

  /**
   * A converter for every option of a type that {@code parse} reads, e.g. {@code --period 2025Q1}
   * or {@code --lang zh}; a value it cannot read is refused with the message {@code key} of the
   * bundles.
   */
  static <T> CommandLine.ITypeConverter<T> parsing(
      Function<String, Optional<T>> parse, Messages messages, String key) {
    return value ->
        parse
            .apply(value)
            .orElseThrow(() -> new CommandLine.TypeConversionException(messages.get(key, value)));
  }
}
