package cn.ipsubsidy.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A quarter such as 2025Q1. Its year is the budget year for annual caps. */
public record Period(int year, int quarter) implements Comparable<Period> {
  private static final Pattern FORM = Pattern.compile("(\\d{4})\\s*[Qq]([1-4])");

  public Period {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter " + quarter);
    }
  }

  public static Optional<Period> parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Period(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
  }

  public static Period of(LocalDate date) {
    return new Period(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
  }

  public LocalDate start() {
    return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
  }

  public LocalDate end() {
    return start().plusMonths(3).minusDays(1);
  }

  @Override
  public int compareTo(Period o) {
    return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
  }

  @Override
  public String toString() {
    return year + "Q" + quarter;
  }

  /** "2025年第一季度", as a Chinese document names the quarter. */
  public String zh() {
    return year + "年第" + "一二三四".charAt(quarter - 1) + "季度";
  }
}
