package cn.ipsubsidy.domain;

import java.util.Objects;

/**
 * A message for the clerk in Chinese and English. Every reason, warning and explanation the tool
 * shows is one of these, because offices read Chinese and auditors may read either.
 */
public record Bilingual(String zh, String en) {
  public Bilingual {
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(en, "en");
  }

  public static Bilingual of(String zh, String en) {
    return new Bilingual(zh, en);
  }

  /** "中文 / English", the form used in cells and on the terminal. */
  @Override
  public String toString() {
    return zh + " / " + en;
  }
}
