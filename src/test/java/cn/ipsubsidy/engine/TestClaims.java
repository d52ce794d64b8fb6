package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.SourceLocation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A claim with sensible defaults for engine tests; set only what a test is about. */
final class TestClaims {
  private String claimId = "C1";
  private String entityId = "91320700000000001X";
  private String entityName = "测试企业";
  private EntityType type = EntityType.ENTERPRISE;
  private String district;
  private String clause;
  private LocalDate eventDate = LocalDate.of(2025, 2, 10);
  private Integer quantity = 1;
  private Level level;
  private BigDecimal basis;
  private BigDecimal deduction;
  private BigDecimal fees;
  private BigDecimal approved;
  private Long metric;
  private Long metric2;
  private LocalDate established;
  private List<String> references = List.of();

  static TestClaims claim(String clause) {
    TestClaims t = new TestClaims();
    t.clause = clause;
    t.district = clause.startsWith("wx-") ? "梁溪区" : "海州区";
    return t;
  }

  TestClaims id(String id) {
    this.claimId = id;
    return this;
  }

  TestClaims entity(String id) {
    this.entityId = id;
    return this;
  }

  TestClaims type(EntityType t) {
    this.type = t;
    return this;
  }

  TestClaims district(String d) {
    this.district = d;
    return this;
  }

  TestClaims on(String isoDate) {
    this.eventDate = LocalDate.parse(isoDate);
    return this;
  }

  TestClaims qty(int q) {
    this.quantity = q;
    return this;
  }

  TestClaims level(Level l) {
    this.level = l;
    return this;
  }

  TestClaims basis(String b) {
    this.basis = Money.of(b);
    return this;
  }

  TestClaims deduction(String d) {
    this.deduction = Money.of(d);
    return this;
  }

  TestClaims fees(String f) {
    this.fees = Money.of(f);
    return this;
  }

  TestClaims approved(String a) {
    this.approved = Money.of(a);
    return this;
  }

  TestClaims metric(long m) {
    this.metric = m;
    return this;
  }

  TestClaims metric2(long m) {
    this.metric2 = m;
    return this;
  }

  TestClaims established(String isoDate) {
    this.established = LocalDate.parse(isoDate);
    return this;
  }

  TestClaims refs(String... r) {
    this.references = List.of(r);
    return this;
  }

  Claim build() {
    return new Claim(
        claimId,
        new Claim.Claimant(entityId, entityName, type, district, established),
        new Claim.Matter(clause, eventDate, quantity, level, references),
        new Claim.Figures(basis, deduction, fees, approved, metric, metric2),
        null);
  }

  /** Rows numbered from 3 (a title row and a header row above them), in the given order. */
  static List<ClaimRow> rows(TestClaims... claims) {
    List<ClaimRow> out = new ArrayList<>();
    for (int i = 0; i < claims.length; i++) {
      out.add(
          new ClaimRow(
              i, new SourceLocation("claims.xlsx", "Sheet1", i + 3), claims[i].build(), List.of()));
    }
    return out;
  }
}
