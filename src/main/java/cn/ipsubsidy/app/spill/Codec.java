package cn.ipsubsidy.app.spill;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.SourceLocation;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.Status;
import cn.ipsubsidy.engine.TraceStep;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.ClauseCode;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The binary form of a {@link ClaimRow} and a {@link PayoutLine} in the spill files: every field,
 * exactly (amounts as unscaled value and scale), so a line read back equals the line written. A
 * clause is written as its code and read back from the run's {@link PolicyRegistry}, so the {@link
 * Clause} is the same object the engine used.
 */
final class Codec {
  private static final EntityType[] ENTITY_TYPES = EntityType.values();
  private static final Level[] LEVELS = Level.values();
  private static final Status[] STATUSES = Status.values();

  private final PolicyRegistry registry;
  private final Map<String, Clause> clauses = new ConcurrentHashMap<>();

  Codec(PolicyRegistry registry) {
    this.registry = registry;
  }

  static void writeRow(RecordOut out, ClaimRow row) {
    out.writeInt(row.inputIndex());
    SourceLocation at = row.location();
    out.writeBoolean(at != null);
    if (at != null) {
      out.writeShared(at.file());
      out.writeShared(at.sheet());
      out.writeInt(at.row());
    }
    Claim c = row.claim();
    out.writeBoolean(c != null);
    if (c != null) {
      out.writeString(c.claimId());
      out.writeShared(c.entityId());
      out.writeShared(c.entityName());
      out.writeEnum(c.entityType());
      out.writeShared(c.district());
      out.writeShared(c.clause());
      out.writeDate(c.eventDate());
      out.writeNullableLong(c.quantity() == null ? null : c.quantity().longValue());
      out.writeEnum(c.level());
      out.writeDecimal(c.basis());
      out.writeDecimal(c.deduction());
      out.writeDecimal(c.feesIncurred());
      out.writeDecimal(c.approvedAmount());
      out.writeNullableLong(c.metric());
      out.writeNullableLong(c.metric2());
      out.writeDate(c.establishedDate());
      out.writeVarLong(c.references().size());
      for (String r : c.references()) {
        out.writeString(r);
      }
      out.writeShared(c.note());
    }
    out.writeVarLong(row.problems().size());
    for (CellProblem p : row.problems()) {
      out.writeShared(p.sheet());
      out.writeInt(p.row());
      out.writeShared(p.column());
      out.writeString(p.cellText());
      writeBilingual(out, p.reason());
    }
  }

  static ClaimRow readRow(RecordIn in) {
    int index = in.readInt();
    SourceLocation at = null;
    if (in.readBoolean()) {
      at = new SourceLocation(in.readShared(), in.readShared(), in.readInt());
    }
    Claim claim = null;
    if (in.readBoolean()) {
      String claimId = in.readString();
      String entityId = in.readShared();
      String entityName = in.readShared();
      EntityType type = in.readEnum(ENTITY_TYPES);
      String district = in.readShared();
      String clause = in.readShared();
      var eventDate = in.readDate();
      Long qty = in.readNullableLong();
      Level level = in.readEnum(LEVELS);
      var basis = in.readDecimal();
      var deduction = in.readDecimal();
      var fees = in.readDecimal();
      var approved = in.readDecimal();
      Long metric = in.readNullableLong();
      Long metric2 = in.readNullableLong();
      var established = in.readDate();
      int refs = (int) in.readVarLong();
      List<String> references = new ArrayList<>(refs);
      for (int i = 0; i < refs; i++) {
        references.add(in.readString());
      }
      String note = in.readShared();
      claim =
          new Claim(
              claimId,
              new Claim.Claimant(entityId, entityName, type, district, established),
              new Claim.Matter(
                  clause, eventDate, qty == null ? null : qty.intValue(), level, references),
              new Claim.Figures(basis, deduction, fees, approved, metric, metric2),
              note);
    }
    int n = (int) in.readVarLong();
    List<CellProblem> problems = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      problems.add(
          new CellProblem(
              in.readShared(), in.readInt(), in.readShared(), in.readString(), readBilingual(in)));
    }
    return new ClaimRow(index, at, claim, problems);
  }

  static void writeLine(RecordOut out, PayoutLine line) {
    writeRow(out, line.row());
    out.writeEnum(line.status());
    out.writeShared(line.clause() == null ? null : line.clause().code().toString());
    out.writeDecimal(line.computed());
    out.writeDecimal(line.paid());
    out.writeDecimal(line.cityShare());
    out.writeDecimal(line.districtShare());
    out.writeShared(line.citation());
    writeBilingual(out, line.explanation());
    out.writeBoolean(line.badData());
    out.writeShared(line.capGroup());
    String claimId = line.claimId();
    out.writeVarLong(line.trace().size());
    for (TraceStep s : line.trace()) {
      // the step's claim id is the line's in every step the engine writes: one flag then
      boolean sameId = Objects.equals(s.claimId(), claimId);
      out.writeBoolean(sameId);
      if (!sameId) {
        out.writeString(s.claimId());
      }
      out.writeShared(s.step());
      out.writeShared(s.rule());
      out.writeShared(s.citation());
      // formulas and inputs carry the claim's numbers: rarely repeated, not worth a lookup
      out.writeString(s.formula());
      out.writeString(s.inputs());
      out.writeShared(s.result());
    }
  }

  PayoutLine readLine(RecordIn in) {
    ClaimRow row = readRow(in);
    Status status = in.readEnum(STATUSES);
    String code = in.readShared();
    Clause clause = code == null ? null : clause(code);
    var computed = in.readDecimal();
    var paid = in.readDecimal();
    var city = in.readDecimal();
    var district = in.readDecimal();
    String citation = in.readShared();
    Bilingual explanation = readBilingual(in);
    boolean badData = in.readBoolean();
    String capGroup = in.readShared();
    String claimId = row.claim() == null ? null : row.claim().claimId();
    int n = (int) in.readVarLong();
    List<TraceStep> trace = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = in.readBoolean() ? claimId : in.readString();
      trace.add(
          new TraceStep(
              id,
              in.readShared(),
              in.readShared(),
              in.readShared(),
              in.readString(),
              in.readString(),
              in.readShared()));
    }
    return new PayoutLine(
        row,
        status,
        clause,
        computed,
        paid,
        city,
        district,
        citation,
        explanation,
        badData,
        capGroup,
        trace);
  }

  private Clause clause(String code) {
    Clause c = clauses.get(code);
    if (c == null) {
      c =
          registry
              .clause(ClauseCode.of(code))
              .orElseThrow(() -> new IllegalStateException("clause not registered: " + code));
      clauses.put(code, c);
    }
    return c;
  }

  private static void writeBilingual(RecordOut out, Bilingual b) {
    out.writeBoolean(b != null);
    if (b != null) {
      out.writeShared(b.zh());
      out.writeShared(b.en());
    }
  }

  private static Bilingual readBilingual(RecordIn in) {
    return in.readBoolean() ? new Bilingual(in.readShared(), in.readShared()) : null;
  }
}
