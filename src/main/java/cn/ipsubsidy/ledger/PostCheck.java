package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.engine.CapKeys;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.PriorPayment;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.policy.Caps;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's own check of a run before it is appended, against what the ledger holds (the
 * snapshot, without the run being replaced) and within the run: no claim id, reference or one-time
 * award paid twice, no annual or lifetime cap exceeded, and every status agreeing with its amount.
 * The engine already rejects or caps such rows when it computes against the same snapshot; this
 * catches a run computed against anything else.
 */
final class PostCheck {
  private static final int MAX = 100;

  private final Snapshot prior;
  private final List<Bilingual> conflicts = new ArrayList<>();
  private final Map<String, String> claims = new HashMap<>();
  private final Map<String, String> references = new HashMap<>();
  private final Map<String, String> oneTime = new HashMap<>();
  private final Map<String, Sum> annual = new LinkedHashMap<>();
  private final Map<String, Sum> lifetime = new LinkedHashMap<>();
  private final Map<String, String> referenceClauses = new java.util.HashMap<>();

  private static final class Sum {
    final String entityId;
    final String group;
    final String project;
    BigDecimal paid = Money.ZERO;
    BigDecimal cap;

    Sum(String entityId, String group, String project) {
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
    String at = whereZh(line.row());
    String atEn = whereEn(line.row());
    boolean positive = Money.isPositive(e.paid());
    if ((e.status() == Status.PAID) != positive || e.paid().signum() < 0) {
      add(
          at + "状态为" + e.status().zh() + "而核发金额为" + Money.plain(e.paid()),
          atEn + " has status " + e.status().en() + " with amount " + Money.plain(e.paid()));
      return;
    }
    if (!e.isPaid()) {
      return;
    }
    String claimId = e.claimId();
    if (claimId != null) {
      prior
          .claimPaid(claimId)
          .ifPresent(p -> paidBefore(at, atEn, "申报编号" + claimId, "claim id " + claimId, p));
      String held = claims.putIfAbsent(claimId, at + "\u0000" + atEn);
      if (held != null) {
        add(
            at + "与" + heldZh(held) + "的申报编号" + claimId + "在本批中都核发",
            "claim id " + claimId + " is paid twice in this run: " + heldEn(held) + " and " + atEn);
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
                      atEn,
                      "凭证号" + k.key() + "（" + k.group() + "）",
                      "reference " + k.key() + " under " + k.group(),
                      p));
      String refKey = k.group() + "|" + k.key();
      String held = references.putIfAbsent(refKey, at + "\u0000" + atEn);
      String heldClause = referenceClauses.put(refKey, e.clauseCode());
      if (held != null && upgrades != null && upgrades.equals(heldClause)) {
        references.put(refKey, at + "\u0000" + atEn);
        held = null;
      }
      if (held != null) {
        add(
            at + "与" + heldZh(held) + "的凭证号" + k.key() + "在本批中都核发",
            "reference "
                + k.key()
                + " is paid twice in this run: "
                + heldEn(held)
                + " and "
                + atEn);
      }
    }
    if (e.oneTimeKey() != null) {
      prior
          .oneTimePaid(e.oneTimeKey())
          .ifPresent(p -> paidBefore(at, atEn, "一次性奖励" + e.oneTimeKey(), "one-time award", p));
      String held = oneTime.putIfAbsent(e.oneTimeKey(), at + "\u0000" + atEn);
      if (held != null) {
        add(
            at + "与" + heldZh(held) + "的一次性奖励" + e.oneTimeKey() + "在本批中都核发",
            "one-time award "
                + e.oneTimeKey()
                + " is paid twice in this run: "
                + heldEn(held)
                + " and "
                + atEn);
      }
    }
    Caps caps = line.clause() == null ? null : line.clause().caps();
    if (caps != null && caps.annual() != null && e.annualGroup() != null) {
      String entity = e.claim().entityId();
      annual
          .computeIfAbsent(
              CapKeys.annual(entity, e.annualGroup()), k -> new Sum(entity, e.annualGroup(), null))
          .add(e.paid(), caps.annual().amount());
    }
    if (caps != null && caps.lifetime() != null && e.lifetimeGroup() != null) {
      lifetime
          .computeIfAbsent(
              e.lifetimeGroup() + "|" + e.projectKey(),
              k -> new Sum(null, e.lifetimeGroup(), e.projectKey()))
          .add(e.paid(), caps.lifetime().amount());
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
                + s.project
                + "按"
                + s.group
                + "累计核发"
                + Money.plain(total)
                + "元，超过累计上限"
                + Money.plain(s.cap)
                + "元",
            "project "
                + s.project
                + " would receive "
                + Money.plain(total)
                + " in all under "
                + s.group
                + ", over the lifetime cap of "
                + Money.plain(s.cap));
      }
    }
  }

  private void paidBefore(String at, String atEn, String whatZh, String whatEn, PriorPayment p) {
    add(
        at + "的" + whatZh + "已核发（运行" + p.runId() + "，" + p.paidOn() + "，申报编号" + p.claimId() + "）",
        atEn + ": " + whatEn + " was already paid (" + p.describe() + ")");
  }

  private void add(String zh, String en) {
    if (conflicts.size() < MAX) {
      conflicts.add(Bilingual.of(zh, en));
    }
  }

  private static String whereZh(ClaimRow row) {
    String id = row.claim() == null ? null : row.claim().claimId();
    String r =
        row.location() == null
            ? "第" + (row.inputIndex() + 1) + "条"
            : row.location().sheet() + "第" + row.location().row() + "行";
    return r + (id == null ? "" : "（" + id + "）");
  }

  private static String whereEn(ClaimRow row) {
    String id = row.claim() == null ? null : row.claim().claimId();
    String r =
        row.location() == null
            ? "line " + (row.inputIndex() + 1)
            : row.location().sheet() + " row " + row.location().row();
    return r + (id == null ? "" : " (" + id + ")");
  }

  private static String heldZh(String held) {
    return held.substring(0, held.indexOf('\u0000'));
  }

  private static String heldEn(String held) {
    return held.substring(held.indexOf('\u0000') + 1);
  }
}
