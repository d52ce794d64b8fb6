package cn.ipsubsidy.domain;

import java.util.Locale;
import java.util.Optional;

/** 主体类型: the kinds of applicant named in the claims contract. */
public enum EntityType {
  ENTERPRISE("企业", "enterprise"),
  INDIVIDUAL("个人", "individual"),
  UNIVERSITY("高校", "university"),
  INSTITUTE("科研院所", "institute"),
  AGENCY("服务机构", "agency"),
  PARK("园区", "park"),
  COUNTY("县区", "county"),
  SCHOOL("学校", "school"),
  ASSOCIATION("社会组织", "association");

  private final String zh;
  private final String en;

  EntityType(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** Accepts the Chinese name, the English name (any case) or the enum name. */
  public static Optional<EntityType> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    for (EntityType e : values()) {
      if (e.zh.equals(t) || e.en.equalsIgnoreCase(t) || e.name().equalsIgnoreCase(t)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public String label() {
    return zh + " " + en.toLowerCase(Locale.ROOT);
  }
}
