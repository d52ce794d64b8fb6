package cn.ipsubsidy.app;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.LedgerEntry;
import cn.ipsubsidy.ledger.RunDetail;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseCode;
import cn.ipsubsidy.policy.PolicyLoader;
import cn.ipsubsidy.policy.PolicyRegistry;
import cn.ipsubsidy.report.PayoutWorkbookWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * One claim, as an auditor questions it: the clause and its quoted text, the inputs, every step of
 * the computation with its result, the outcome and, from a ledger, the earlier payments that used
 * up the same cap. From a payout workbook (its 明细 and 审计 sheets) or from a posted run.
 */
public final class ExplainJob {

  /** A computation step: name, rule, formula, inputs, result (as in 审计). */
  public record Step(String step, String rule, String formula, String inputs, String result) {}

  /** An earlier ledger entry that counted against the same cap. */
  public record CapUse(String runId, long seq, String claimId, String clause, String paid) {}

  /**
   * Everything explain prints; {@code fields} are the 明细 columns (header → text), {@code clause}
   * null when the clause is not registered.
   */
  public record Explanation(
      String claimId,
      String source,
      Map<String, String> fields,
      Clause clause,
      String citation,
      List<Step> steps,
      String annualGroup,
      List<CapUse> capUses,
      String explanationEn) {}

  public Explanation fromPayout(String claimId, Path workbook) throws IOException {
    try (Workbook wb = PayoutSheets.open(workbook)) {
      DataFormatter f = new DataFormatter();
      Map<String, String> fields = null;
      for (Map<String, String> row : PayoutSheets.table(wb, PayoutWorkbookWriter.DETAIL, f)) {
        if (claimId.equals(row.get("申报编号"))) {
          fields = row;
        }
      }
      List<Step> steps = new ArrayList<>();
      for (Map<String, String> row : PayoutSheets.table(wb, PayoutWorkbookWriter.AUDIT, f)) {
        if (claimId.equals(row.get("申报编号"))) {
          steps.add(
              new Step(row.get("步骤"), row.get("规则"), row.get("公式"), row.get("输入"), row.get("结果")));
        }
      }
      if (fields == null) {
        throw new UsageException(
            "核发明细表中没有申报 " + claimId + "：" + workbook,
            "no claim " + claimId + " in the payout workbook " + workbook);
      }
      String code = fields.getOrDefault("条款", "");
      Clause clause = clause(PolicyLoader.bundled(), code);
      return new Explanation(
          claimId,
          workbook.getFileName().toString(),
          fields,
          clause,
          fields.get("依据"),
          steps,
          null,
          List.of(),
          null);
    }
  }

  public Explanation fromRun(String claimId, String runId, String ledgerUrl) {
    try (Ledger ledger = PostedClaims.open(ledgerUrl)) {
      RunDetail detail = PostedClaims.show(ledger, runId);
      LedgerEntry e =
          detail.payouts().stream()
              .filter(x -> claimId.equals(x.claimId()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new UsageException(
                          "运行 " + runId + " 中没有申报 " + claimId,
                          "run " + runId + " holds no claim " + claimId));
      PolicyRegistry policies = PostedClaims.policies(detail.documents(), new HashMap<>());
      Map<String, String> fields = new LinkedHashMap<>();
      Claim c = e.claim();
      fields.put("申报编号", claimId);
      fields.put("主体代码", c.entityId());
      fields.put("主体名称", c.entityName());
      fields.put("所属地区", c.district());
      fields.put("条款", e.clauseCode());
      fields.put("条款名称", e.clauseName());
      fields.put("状态", e.status().zh());
      fields.put("计算金额", Money.format(e.computed()));
      fields.put("核发金额", Money.format(e.paid()));
      fields.put("市级承担", Money.format(e.cityShare()));
      fields.put("区级承担", Money.format(e.districtShare()));
      fields.put("依据", e.citation());
      fields.put("说明", e.explanation().zh());
      List<Step> steps = new ArrayList<>();
      steps.add(
          new Step(
              "输入 inputs",
              "申报行 claim row "
                  + e.row().location().file()
                  + " "
                  + e.row().location().sheet()
                  + " #"
                  + e.row().location().row(),
              "",
              inputs(c),
              ""));
      steps.add(
          new Step(
              "过账 posted",
              "台账记录 ledger entry #" + e.seq() + " (" + runId + ")",
              "",
              "hash " + e.hash(),
              Money.format(e.paid())));
      List<CapUse> uses = new ArrayList<>();
      if (e.annualGroup() != null) {
        for (LedgerEntry x : ledger.claimsOfYear(e.budgetYear())) {
          if (x.seq() < e.seq()
              && x.isPaid()
              && e.annualGroup().equals(x.annualGroup())
              && x.claim() != null
              && Objects.equals(c.entityId(), x.claim().entityId())) {
            uses.add(
                new CapUse(
                    x.runId(), x.seq(), x.claimId(), x.clauseCode(), Money.format(x.paid())));
          }
        }
      }
      return new Explanation(
          claimId,
          runId + " @ " + ledger.url(),
          fields,
          clause(policies, e.clauseCode()),
          e.citation(),
          steps,
          e.annualGroup(),
          uses,
          e.explanation().en());
    }
  }

  private static String inputs(Claim c) {
    List<String> parts = new ArrayList<>();
    add(parts, "主体类型", c.entityType() == null ? null : c.entityType().zh());
    add(parts, "事项日期", c.eventDate());
    add(parts, "数量", c.quantity());
    add(parts, "级别", c.level() == null ? null : c.level().zh());
    add(parts, "计算基数", c.basis());
    add(parts, "扣除金额", c.deduction());
    add(parts, "发生费用", c.feesIncurred());
    add(parts, "核定金额", c.approvedAmount());
    add(parts, "指标", c.metric());
    add(parts, "指标2", c.metric2());
    add(parts, "成立日期", c.establishedDate());
    if (!c.references().isEmpty()) {
      add(parts, "凭证号", String.join(";", c.references()));
    }
    return String.join("; ", parts);
  }

  private static void add(List<String> parts, String name, Object v) {
    if (v != null) {
      parts.add(name + "=" + (v instanceof java.math.BigDecimal b ? Money.format(b) : v));
    }
  }

  private static Clause clause(PolicyRegistry registry, String cell) {
    if (cell == null || cell.isBlank()) {
      return null;
    }
    String code = cell.strip().split("\\s+")[0];
    return ClauseCode.parse(code).flatMap(registry::clause).orElse(null);
  }
}
