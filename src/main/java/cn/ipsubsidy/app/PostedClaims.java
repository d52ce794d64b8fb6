package cn.ipsubsidy.app;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.engine.PaymentRegister;
import cn.ipsubsidy.engine.PriorPayment;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.LedgerEntry;
import cn.ipsubsidy.ledger.ReferenceKey;
import cn.ipsubsidy.ledger.RunDetail;
import cn.ipsubsidy.ledger.RunRecord;
import cn.ipsubsidy.ledger.StoredDocument;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.util.List;
import java.util.Map;

/** Turns what the ledger stored back into the engine's terms, for recomputing posted runs. */
final class PostedClaims {
  private PostedClaims() {}

  /** The named ledger, or the default one when {@code url} is null. */
  static Ledger open(String url) {
    return Ledger.open(url != null ? url : Ledger.defaultUrl());
  }

  /** A run with everything posted with it; a run the ledger does not hold is a usage error. */
  static RunDetail show(Ledger ledger, String runId) {
    return ledger.show(runId).orElseThrow(() -> UsageException.noSuchRun(runId, ledger.url()));
  }

  /** The local rules file the run was computed under, or null when it used none. */
  static StoredDocument rules(RunDetail detail) {
    return detail.documents().stream()
        .filter(d -> PolicySetup.RULES.equals(d.kind()))
        .findFirst()
        .orElse(null);
  }

  /**
   * The claim row as posted, with 条款 set to the clause the run resolved, so recomputing needs
   * neither --policy nor the clause cell's wording.
   */
  static ClaimRow asResolved(LedgerEntry e) {
    Claim c = e.claim();
    if (c == null || e.clauseCode() == null) {
      return e.row();
    }
    Claim resolved = c.withClause(e.clauseCode());
    return new ClaimRow(e.row().inputIndex(), e.row().location(), resolved, e.row().problems());
  }

  /**
   * Records a stored entry's amount under the keys the ledger stored with it (an entry's references
   * all belong to its clause's one reference group).
   */
  static void record(PaymentRegister register, LedgerEntry e, RunRecord run) {
    List<ReferenceKey> refs = e.referenceKeys();
    PaymentRegister.Keys keys =
        new PaymentRegister.Keys(
            e.claimId(),
            e.claim() == null ? null : e.claim().entityId(),
            e.annualGroup(),
            e.lifetimeGroup(),
            e.projectKey(),
            refs.isEmpty() ? null : refs.get(0).group(),
            refs.stream().map(ReferenceKey::key).toList(),
            e.oneTimeKey(),
            e.clauseCode());
    register.record(
        keys,
        e.budgetYear(),
        new PriorPayment(run.runId(), run.paidOn(), e.claimId(), e.paid(), e.clauseCode()));
  }

  /** The policies a run recorded, loaded once per distinct set of documents. */
  static PolicyRegistry policies(List<StoredDocument> docs, Map<String, PolicyRegistry> cache) {
    String key = String.join(",", docs.stream().map(StoredDocument::sha256).sorted().toList());
    return cache.computeIfAbsent(key, k -> PolicySetup.recorded(documents(docs)));
  }

  /** The documents a run recorded, as {@link PolicySetup} reads them. */
  static List<PolicySetup.Document> documents(List<StoredDocument> docs) {
    return docs.stream().map(d -> new PolicySetup.Document(d.kind(), d.name(), d.text())).toList();
  }
}
