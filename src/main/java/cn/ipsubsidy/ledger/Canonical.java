package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Sha256;
import cn.ipsubsidy.domain.SourceLocation;
import cn.ipsubsidy.engine.CapUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The canonical text of a chained row and its hash. The text is built from the Java values as read
 * back from either database, so it is the same on SQLite and PostgreSQL: one line per field in a
 * fixed order, {@code name:LENGTH:value} (LENGTH in UTF-16 units, so any text is unambiguous) or
 * {@code name!} for null; money with exactly two decimals, other decimals as plain strings, dates
 * and instants in ISO-8601, booleans as true/false.
 *
 * <p>{@code hash = hex(SHA-256(UTF-8(prev_hash + "\n" + canonical)))}; the first row's prev_hash is
 * 64 zeros.
 */
final class Canonical {
  static final String GENESIS = "0".repeat(64);
  private static final String VERSION = "ipsubsidy-ledger/1";

  private final StringBuilder sb;

  private Canonical(String type) {
    this(type, new StringBuilder(2048));
  }

  /** Into {@code into}, emptied first. */
  private Canonical(String type, StringBuilder into) {
    sb = into;
    sb.setLength(0);
    sb.append(VERSION).append(' ').append(type).append('\n');
  }

  static String hash(String prevHash, String canonical) {
    return Sha256.of(prevHash + "\n" + canonical);
  }

  /** The run header: its fields, its documents (not their texts: those are hashed by SHA-256). */
  static String run(RunRecord r, List<StoredDocument> documents, List<CapUsage> capUsages) {
    Canonical c = new Canonical("run");
    c.integer("seq", r.seq())
        .text("run_id", r.runId())
        .text("period", r.period().toString())
        .text("input_file", r.inputFile())
        .text("input_sha256", r.inputSha256())
        .text("operator", r.operator())
        .text("tool_version", r.toolVersion())
        .instant("posted_at", r.postedAt())
        .text("replaces_run_id", r.replacesRunId())
        .integer("line_count", r.lineCount())
        .integer("reversal_count", r.reversalCount())
        .integer("paid_count", r.paidCount())
        .integer("capped_count", r.cappedCount())
        .integer("review_count", r.reviewCount())
        .integer("rejected_count", r.rejectedCount())
        .money("total_paid", r.totalPaid())
        .money("total_city_share", r.totalCityShare())
        .money("total_district_share", r.totalDistrictShare())
        .money("total_reversed", r.totalReversed());
    c.integer("documents", documents.size());
    for (StoredDocument d : documents) {
      c.text("document.kind", d.kind()).text("document.name", d.name());
      c.text("document.sha256", d.sha256());
    }
    c.integer("cap_usages", capUsages.size());
    for (CapUsage u : capUsages) {
      c.text("cap.entity_id", u.entityId())
          .text("cap.entity_name", u.entityName())
          .integer("cap.year", u.year())
          .text("cap.group", u.capGroup())
          .money("cap.cap", u.cap())
          .money("cap.paid_before", u.paidBefore())
          .money("cap.paid_now", u.paidNow())
          .money("cap.remaining", u.remaining());
    }
    return c.sb.toString();
  }

  static String entry(LedgerEntry e) {
    StringBuilder text = new StringBuilder(2048);
    entry(e, text);
    return text.toString();
  }

  /** The entry's canonical text, into {@code into} (emptied first): see {@link ChainHasher}. */
  static void entry(LedgerEntry e, StringBuilder into) {
    Canonical c = new Canonical("entry", into);
    c.integer("seq", e.seq())
        .text("run_id", e.runId())
        .text("kind", e.kind().name())
        .integer("reverses_seq", e.reversesSeq())
        .text("period", e.period().toString());
    ClaimRow row = e.row();
    SourceLocation loc = row.location();
    c.integer("input_index", row.inputIndex())
        .text("source_file", loc == null ? null : loc.file())
        .text("sheet", loc == null ? null : loc.sheet())
        .integer("source_row", loc == null ? null : loc.row())
        .text("problems", Codec.problems(row.problems()));
    Claim cl = row.claim();
    c.bool("has_claim", cl != null);
    if (cl != null) {
      c.text("claim_id", cl.claimId())
          .text("entity_id", cl.entityId())
          .text("entity_name", cl.entityName())
          .text("entity_type", cl.entityType() == null ? null : cl.entityType().name())
          .text("district", cl.district())
          .text("clause_text", cl.clause())
          .date("event_date", cl.eventDate())
          .integer("quantity", cl.quantity())
          .text("level", cl.level() == null ? null : cl.level().name())
          .decimal("basis", cl.basis())
          .decimal("deduction", cl.deduction())
          .decimal("fees_incurred", cl.feesIncurred())
          .decimal("approved_amount", cl.approvedAmount())
          .integer("metric", cl.metric())
          .integer("metric2", cl.metric2())
          .date("established_date", cl.establishedDate())
          .text("refs", Codec.references(cl.references()))
          .text("note", cl.note());
    }
    c.text("clause_code", e.clauseCode())
        .text("clause_name", e.clauseName())
        .text("status", e.status().name())
        .bool("bad_data", e.badData())
        .money("computed", e.computed())
        .money("paid", e.paid())
        .money("city_share", e.cityShare())
        .money("district_share", e.districtShare())
        .text("citation", e.citation())
        .text("explanation_zh", e.explanation() == null ? null : e.explanation().zh())
        .text("explanation_en", e.explanation() == null ? null : e.explanation().en())
        .text("annual_group", e.annualGroup())
        .text("lifetime_group", e.lifetimeGroup())
        // the keys' stored forms, as in their columns: the text of every entry ever chained
        .text("project_key", e.projectKey() == null ? null : e.projectKey().stored())
        .text("one_time_key", e.oneTimeKey() == null ? null : e.oneTimeKey().stored());
    c.integer("reference_keys", e.referenceKeys().size());
    for (ReferenceKey k : e.referenceKeys()) {
      c.text("ref.group", k.group()).text("ref.key", k.key().stored());
    }
  }

  private Canonical text(String name, String v) {
    sb.append(name);
    if (v == null) {
      sb.append("!\n");
    } else {
      sb.append(':').append(v.length()).append(':').append(v).append('\n');
    }
    return this;
  }

  private Canonical integer(String name, Number v) {
    return text(name, v == null ? null : Long.toString(v.longValue()));
  }

  private Canonical bool(String name, boolean v) {
    return text(name, Boolean.toString(v));
  }

  private Canonical money(String name, BigDecimal v) {
    return text(name, money(v));
  }

  private Canonical decimal(String name, BigDecimal v) {
    return text(name, v == null ? null : v.toPlainString());
  }

  private Canonical date(String name, LocalDate v) {
    return text(name, v == null ? null : v.toString());
  }

  private Canonical instant(String name, Instant v) {
    return text(name, v == null ? null : v.toString());
  }

  /** Two decimals exactly; an amount with sub-fen digits is a bug upstream, never rounded here. */
  static String money(BigDecimal v) {
    return v == null ? null : v.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }
}
