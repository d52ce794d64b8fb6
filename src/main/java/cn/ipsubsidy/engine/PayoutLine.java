package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.policy.Clause;
import java.math.BigDecimal;
import java.util.List;

/**
 * The result for one claim row: a 明细 row with its 审计 steps.
 *
 * @param clause the clause applied, or null when none could be resolved
 * @param computed 计算金额: the amount before annual and lifetime caps, null when none was computed
 * @param paid 核发金额: what is paid (0.00 unless PAID)
 * @param cityShare 市级承担, null when the clause sets no funding split
 * @param districtShare 区级承担, null when the clause sets no funding split
 * @param citation 依据, e.g. "连政发〔2021〕79号 第二条"
 * @param explanation 说明: the result in one sentence, naming any cap that cut it
 * @param badData rejected because the row's data is invalid (drives exit code 1)
 * @param capGroup the annual cap group this claim counts against, or null
 */
public record PayoutLine(
    ClaimRow row,
    Status status,
    Clause clause,
    BigDecimal computed,
    BigDecimal paid,
    BigDecimal cityShare,
    BigDecimal districtShare,
    String citation,
    Bilingual explanation,
    boolean badData,
    String capGroup,
    List<TraceStep> trace) {
  public PayoutLine {
    trace = List.copyOf(trace);
  }

  public String claimId() {
    return row.claim() == null ? null : row.claim().claimId();
  }
}
