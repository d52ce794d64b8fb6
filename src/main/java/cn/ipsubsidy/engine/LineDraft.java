package cn.ipsubsidy.engine;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.policy.Clause;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One claim's line while its steps run: the clause it is computed under and the citation every
 * trace step names, the steps and notes the parts add, and the amount computed before the caps that
 * count other claims. The parts only add steps and notes; {@link ClaimCalculator} sets the rest and
 * makes the {@link PayoutLine}.
 */
final class LineDraft {
  private final ClaimRow row;
  private final String claimId;
  private final List<TraceStep> steps = new ArrayList<>();
  private List<Bilingual> notes = List.of();
  private Clause clause;
  private String citation = "";
  private BigDecimal computed;

  LineDraft(ClaimRow row) {
    this.row = row;
    this.claimId = row.claim() == null ? null : row.claim().claimId();
  }

  /** The clause found for the claim; every step from here on cites its document and article. */
  void applies(Clause clause, String citation) {
    this.clause = clause;
    this.citation = citation;
  }

  void computed(BigDecimal amount) {
    this.computed = amount;
  }

  /** Adds a step to the trace, citing the clause applied (none before it is found). */
  void step(String step, String rule, String formula, String inputs, String result) {
    steps.add(new TraceStep(claimId, step, rule, citation, formula, inputs, result));
  }

  /** Adds a note that the explanation ends with (a cap that cut the amount, a reading used). */
  void note(Bilingual note) {
    if (notes.isEmpty()) {
      notes = new ArrayList<>(2);
    }
    notes.add(note);
  }

  ClaimRow row() {
    return row;
  }

  Clause clause() {
    return clause;
  }

  String citation() {
    return citation;
  }

  PayoutLine payoutLine(
      Status status,
      BigDecimal paid,
      BigDecimal cityShare,
      BigDecimal districtShare,
      boolean badData,
      Bilingual head) {
    String capGroup =
        clause != null && clause.caps() != null && clause.caps().annual() != null
            ? clause.caps().annual().group()
            : null;
    return new PayoutLine(
        row,
        status,
        clause,
        computed,
        paid,
        cityShare,
        districtShare,
        citation,
        Wording.explanation(head, notes),
        badData,
        capGroup,
        steps);
  }
}
