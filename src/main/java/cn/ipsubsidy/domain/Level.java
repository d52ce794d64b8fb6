package cn.ipsubsidy.domain;

import java.util.Optional;

/** 级别: the level of a recognition, for clauses whose amount depends on it. */
public enum Level {
  NATIONAL("国家", "national"),
  PROVINCIAL("省", "provincial"),
  MUNICIPAL("市", "municipal");

  private final String zh;
  private final String en;

  Level(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** Accepts 国家/省/市, 国家级/省级/市级, the English names (any case) or the enum name. */
  public static Optional<Level> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    for (Level l : values()) {
      if (l.zh.equals(t)
          || (l.zh + "级").equals(t)
          || l.en.equalsIgnoreCase(t)
          || l.name().equalsIgnoreCase(t)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
