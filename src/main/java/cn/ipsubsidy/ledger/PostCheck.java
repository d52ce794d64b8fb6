package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.SourceLocation;
import cn.ipsubsidy.engine.AnnualCapKey;
import cn.ipsubsidy.engine.OneTimeKey;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.PriorPayment;
import cn.ipsubsidy.engine.ProjectKey;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.policy.Caps;
import cn.ipsubsidy.policy.ClauseCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's own check of a run before it is appended, against what the ledger holds (the
 * snapshot, without the run being replaced) and within the run: no claim id, reference, one-time
 * award or award once per budget year paid twice, no annual or lifetime cap exceeded, and every
 * status agreeing with its amount. The engine already rejects or caps such rows when it computes
 * against the same snapshot; this catches a run computed against anything else.
 */
final class PostCheck {
  private static final int MAX = 100;

  private final Snapshot prior;
  private final List<Bilingual> conflicts = new ArrayList<>();
  private final Map<String, Where> claims = new HashMap<>();
  private final Map<ReferenceKey, Where> references = new HashMap<>();
  private final Map<OneTimeKey, Where> oneTime = new HashMap<>();
  private final Map<AnnualCapKey, Sum> annual = new LinkedHashMap<>();
  private final Map<Lifetime, Sum> lifetime = new LinkedHashMap<>();
  private final Map<ReferenceKey, ClauseCode> referenceClauses = new HashMap<>();
  private final Map<YearlyAward, Where> yearly = new HashMap<>();

  /** An award paid once per entity, clause and budget year (lyg-2021 12b, 12c; revision 2). */
  private record YearlyAward(String entityId, String clause, int year) {}

  /** A lifetime cap group and the project it counts for. */
  private record Lifetime(String group, ProjectKey project) {}

  private static final class Sum {
    final String entityId;
    final String group;
    final ProjectKey project;
    BigDecimal paid = Money.ZERO;
    BigDecimal cap;

    Sum(String entityId, String group, ProjectKey project) {
      this.entityId = entityId;
      this.group = group;
      this.project = project;
    }

    void add(BigDecimal amount, BigDecimal capAmount) {
      paid = paid.add(amount);
      cap = cap == null || capAmount.compareTo(cap) > 0 ? capAmount : cap;
    }
  }

  PostCheck(Snapshot prior) {
    this.prior = prior;
  }

  /** Checks one line of the run, given its entry (keys computed, not yet chained). */
  void check(PayoutLine line, LedgerEntry e) {
    line(line, e);
  }

  /** Every conflict found, after the annual and lifetime sums of the whole run are checked. */
  List<Bilingual> conflicts() {
    caps();
    return conflicts;
  }

  private void line(PayoutLine line, LedgerEntry e) {
    Where at = Where.of(line.row());
    boolean positive = Money.isPositive(e.paid());
    if ((e.status() == Status.PAID) != positive || e.paid().signum() < 0) {
      add(
          at.zh() + "状态为" + e.status().zh() + "而核发金额为" + Money.plain(e.paid()),
          at.en() + " has status " + e.status().en() + " with amount " + Money.plain(e.paid()));
      return;
    }
    if (!e.isPaid()) {
      return;
    }
    String claimId = e.claimId();
    if (claimId != null) {
      prior
          .claimPaid(claimId)
          .ifPresent(p -> paidBefore(at, "申报编号" + claimId, "claim id " + claimId, p));
      Where held = claims.putIfAbsent(claimId, at);
      if (held != null) {
        paidTwice(held, at, "申报编号" + claimId, "claim id " + claimId);
      }
    }
    String upgrades =
        line.clause() == null || line.clause().references() == null
            ? null
            : line.clause().references().upgrades();
    for (ReferenceKey k : e.referenceKeys()) {
      prior
          .referencePaid(k.group(), k.key(), upgrades)
          // a higher award containing the lower one that alone holds the reference (wx-2020 4b
          // after 4a) pays the difference; the engine counted it
          .filter(p -> upgrades == null || !upgrades.equals(p.clause()))
          .ifPresent(
              p ->
                  paidBefore(
                      at,
                      "凭证号" + k.key().stored() + "（" + k.group() + "）",
                      "reference " + k.key().stored() + " under " + k.group(),
                      p));
      Where held = references.putIfAbsent(k, at);
      ClauseCode heldClause = referenceClauses.put(k, line.clause().code());
      if (held != null && upgrades != null && upgrades.equals(String.valueOf(heldClause))) {
        references.put(k, at);
        held = null;
      }
      if (held != null) {
        paidTwice(held, at, "凭证号" + k.key().stored(), "reference " + k.key().stored());
      }
    }
    if (e.oneTimeKey() != null) {
      prior
          .oneTimePaid(e.oneTimeKey())
          .ifPresent(p -> paidBefore(at, "一次性奖励" + e.oneTimeKey().stored(), "one-time award", p));
      Where held = oneTime.putIfAbsent(e.oneTimeKey(), at);
      if (held != null) {
        paidTwice(
            held,
            at,
            "一次性奖励" + e.oneTimeKey().stored(),
            "one-time award " + e.oneTimeKey().stored());
      }
    }
    if (line.clause() != null
        && line.clause().eligibility() != null
        && line.clause().eligibility().oncePerBudgetYear()) {
      oncePerYear(e, at);
    }
    Caps caps = line.clause() == null ? null : line.clause().caps();
    if (caps != null && caps.annual() != null && e.annualGroup() != null) {
      String entity = e.claim().entityId();
      annual
          .computeIfAbsent(
              new AnnualCapKey(entity, e.annualGroup()),
              k -> new Sum(entity, e.annualGroup(), null))
          .add(e.paid(), caps.annual().amount());
    }
    if (caps != null && caps.lifetime() != null && e.lifetimeGroup() != null) {
      lifetime
          .computeIfAbsent(
              new Lifetime(e.lifetimeGroup(), e.projectKey()),
              k -> new Sum(null, e.lifetimeGroup(), e.projectKey()))
          .add(e.paid(), caps.lifetime().amount());
    }
  }

  private void oncePerYear(LedgerEntry e, Where at) {
    String entity = e.claim().entityId();
    int year = e.budgetYear();
    String award = e.clauseCode() + "（" + year + "年度）";
    String awardEn = e.clauseCode() + " for " + year;
    prior
        .paidForClauseInYear(entity, e.clauseCode(), year)
        .ifPresent(p -> paidBefore(at, "年度奖励" + award, "the yearly award " + awardEn, p));
    Where held = yearly.putIfAbsent(new YearlyAward(entity, e.clauseCode(), year), at);
    if (held != null) {
      paidTwice(held, at, "年度奖励" + award, "the yearly award " + awardEn);
    }
  }

  private void caps() {
    for (Sum s : annual.values()) {
      BigDecimal before = prior.paidInYear(s.entityId, s.group, prior.budgetYear());
      BigDecimal total = before.add(s.paid);
      if (total.compareTo(s.cap) > 0) {
        add(
            "主体"
                + s.entityId
                + "按"
                + s.group
                + "于"
                + prior.budgetYear()
                + "年度累计核发"
                + Money.plain(total)
                + "元（此前"
                + Money.plain(before)
                + "元），超过年度上限"
                + Money.plain(s.cap)
                + "元",
            "entity "
                + s.entityId
                + " would receive "
                + Money.plain(total)
                + " under "
                + s.group
                + " in "
                + prior.budgetYear()
                + " ("
                + Money.plain(before)
                + " before), over the annual cap of "
                + Money.plain(s.cap));
      }
    }
    for (Sum s : lifetime.values()) {
      BigDecimal before = prior.paidLifetime(s.group, s.project);
      BigDecimal total = before.add(s.paid);
      if (total.compareTo(s.cap) > 0) {
        add(
            "项目"
                + s.project.stored()
                + "按"
                + s.group
                + "累计核发"
                + Money.plain(total)
                + "元，超过累计上限"
                + Money.plain(s.cap)
                + "元",
            "project "
                + s.project.stored()
                + " would receive "
                + Money.plain(total)
                + " in all under "
                + s.group
                + ", over the lifetime cap of "
                + Money.plain(s.cap));
      }
    }
  }

  /** {@code what} is paid both at {@code at} and at the row {@code held} names, in this run. */
  private void paidTwice(Where held, Where at, String whatZh, String whatEn) {
    add(
        at.zh() + "与" + held.zh() + "的" + whatZh + "在本批中都核发",
        whatEn + " is paid twice in this run: " + held.en() + " and " + at.en());
  }

  private void paidBefore(Where at, String whatZh, String whatEn, PriorPayment p) {
    add(
        at.zh() + "的" + whatZh + "已核发（" + p.describeZh() + "）",
        at.en() + ": " + whatEn + " was already paid (" + p.describe() + ")");
  }

  private void add(String zh, String en) {
    if (conflicts.size() < MAX) {
      conflicts.add(Bilingual.of(zh, en));
    }
  }

  /**
   * Where a line is, kept for every paid line until the run is checked: its sheet, row, input index
   * and claim id, the texts made only for a conflict. A text a line in each map (as before) came to
   * about 300 MB at a million lines, under a 512 MB heap.
   */
  private record Where(String sheet, int row, int inputIndex, String claimId) {
    static Where of(ClaimRow r) {
      String id = r.claim() == null ? null : r.claim().claimId();
      SourceLocation loc = r.location();
      return loc == null
          ? new Where(null, -1, r.inputIndex(), id)
          : new Where(loc.sheet(), loc.row(), r.inputIndex(), id);
    }

    String zh() {
      String at = row < 0 ? "第" + (inputIndex + 1) + "条" : sheet + "第" + row + "行";
      return at + (claimId == null ? "" : "（" + claimId + "）");
    }

    String en() {
      String at = row < 0 ? "line " + (inputIndex + 1) : sheet + " row " + row;
      return at + (claimId == null ? "" : " (" + claimId + ")");
    }
  }
}
