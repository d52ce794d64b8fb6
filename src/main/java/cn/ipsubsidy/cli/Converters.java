package cn.ipsubsidy.cli;

import cn.ipsubsidy.domain.Period;
import picocli.CommandLine;

/** Option value converters with bilingual messages. */
final class Converters {
  private Converters() {}

  static final class PeriodConverter implements CommandLine.ITypeConverter<Period> {
    @Override
    public Period convert(String value) {
      return Period.parse(value)
          .orElseThrow(
              () ->
                  new CommandLine.TypeConversionException(
                      "期间应写作 2025Q1 / period must look like 2025Q1: '" + value + "'"));
    }
  }
}
