package cn.ipsubsidy.engine;

/**
 * One step of a claim's computation, as shown in 审计 and the audit CSV.
 *
 * @param step e.g. "3 金额 amount"
 * @param rule what rule applied, e.g. "fixed 10,000.00/件" or "本地规则 local rules
 *     (local-rules.yaml:7)"
 * @param citation the document and article, e.g. "连政发〔2021〕79号 第二条"
 * @param formula e.g. "10,000.00 × 2"
 * @param inputs the values used, e.g. "数量=2"
 * @param result the amount or verdict after the step
 */
public record TraceStep(
    String claimId,
    String step,
    String rule,
    String citation,
    String formula,
    String inputs,
    String result) {}
