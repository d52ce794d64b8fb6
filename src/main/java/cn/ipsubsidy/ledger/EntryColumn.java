package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.domain.SourceLocation;
import cn.ipsubsidy.engine.OneTimeKey;
import cn.ipsubsidy.engine.ProjectKey;
import cn.ipsubsidy.engine.Status;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of {@code ledger_entries}, in order: what each stores of a {@link LedgerEntry}, and
 * ({@link #entry}) the entry a row read back makes. The claim's fields are null when the row had no
 * claim ({@code has_claim} false).
 */
enum EntryColumn implements Table.Column<LedgerEntry> {
  SEQ(SqlType.LONG, LedgerEntry::seq),
  RUN_ID(SqlType.TEXT, LedgerEntry::runId),
  KIND(SqlType.TEXT, e -> e.kind().name()),
  REVERSES_SEQ(SqlType.LONG, LedgerEntry::reversesSeq),
  PERIOD(SqlType.TEXT, e -> e.period().toString()),
  /** The period's year; not read back. */
  BUDGET_YEAR(SqlType.INT, e -> e.period().year()),
  INPUT_INDEX(SqlType.INT, e -> e.row().inputIndex()),
  SOURCE_FILE(SqlType.TEXT, e -> location(e, SourceLocation::file)),
  SHEET(SqlType.TEXT, e -> location(e, SourceLocation::sheet)),
  SOURCE_ROW(SqlType.INT, e -> location(e, SourceLocation::row)),
  PROBLEMS(SqlType.TEXT, e -> Codec.problems(e.row().problems())),
  HAS_CLAIM(SqlType.BOOL, e -> e.claim() != null),
  CLAIM_ID(SqlType.TEXT, e -> claim(e, Claim::claimId)),
  ENTITY_ID(SqlType.TEXT, e -> claim(e, Claim::entityId)),
  ENTITY_NAME(SqlType.TEXT, e -> claim(e, Claim::entityName)),
  ENTITY_TYPE(
      SqlType.TEXT, e -> claim(e, c -> c.entityType() == null ? null : c.entityType().name())),
  DISTRICT(SqlType.TEXT, e -> claim(e, Claim::district)),
  CLAUSE_TEXT(SqlType.TEXT, e -> claim(e, Claim::clause)),
  EVENT_DATE(SqlType.DATE, e -> claim(e, Claim::eventDate)),
  QUANTITY(SqlType.INT, e -> claim(e, Claim::quantity)),
  LEVEL(SqlType.TEXT, e -> claim(e, c -> c.level() == null ? null : c.level().name())),
  BASIS(SqlType.DECIMAL, e -> claim(e, Claim::basis)),
  DEDUCTION(SqlType.DECIMAL, e -> claim(e, Claim::deduction)),
  FEES_INCURRED(SqlType.DECIMAL, e -> claim(e, Claim::feesIncurred)),
  APPROVED_AMOUNT(SqlType.DECIMAL, e -> claim(e, Claim::approvedAmount)),
  METRIC(SqlType.LONG, e -> claim(e, Claim::metric)),
  METRIC2(SqlType.LONG, e -> claim(e, Claim::metric2)),
  ESTABLISHED_DATE(SqlType.DATE, e -> claim(e, Claim::establishedDate)),
  REFS(SqlType.TEXT, e -> claim(e, c -> Codec.references(c.references()))),
  NOTE(SqlType.TEXT, e -> claim(e, Claim::note)),
  CLAUSE_CODE(SqlType.TEXT, LedgerEntry::clauseCode),
  CLAUSE_NAME(SqlType.TEXT, LedgerEntry::clauseName),
  STATUS(SqlType.TEXT, e -> e.status().name()),
  BAD_DATA(SqlType.BOOL, LedgerEntry::badData),
  COMPUTED(SqlType.MONEY, LedgerEntry::computed),
  PAID(SqlType.MONEY, LedgerEntry::paid),
  CITY_SHARE(SqlType.MONEY, LedgerEntry::cityShare),
  DISTRICT_SHARE(SqlType.MONEY, LedgerEntry::districtShare),
  CITATION(SqlType.TEXT, LedgerEntry::citation),
  EXPLANATION_ZH(SqlType.TEXT, e -> e.explanation() == null ? null : e.explanation().zh()),
  EXPLANATION_EN(SqlType.TEXT, e -> e.explanation() == null ? null : e.explanation().en()),
  ANNUAL_GROUP(SqlType.TEXT, LedgerEntry::annualGroup),
  LIFETIME_GROUP(SqlType.TEXT, LedgerEntry::lifetimeGroup),
  PROJECT_KEY(SqlType.TEXT, e -> e.projectKey() == null ? null : e.projectKey().stored()),
  ONE_TIME_KEY(SqlType.TEXT, e -> e.oneTimeKey() == null ? null : e.oneTimeKey().stored()),
  PREV_HASH(SqlType.TEXT, LedgerEntry::prevHash),
  HASH(SqlType.TEXT, LedgerEntry::hash);

  static final Table<LedgerEntry, EntryColumn> TABLE =
      new Table<>("ledger_entries", EntryColumn.class);

  private final Table.Cell<LedgerEntry> cell;

  EntryColumn(SqlType type, Function<LedgerEntry, Object> value) {
    this.cell = new Table.Cell<>(type, value);
  }

  @Override
  public Table.Cell<LedgerEntry> cell() {
    return cell;
  }

  private static Object claim(LedgerEntry e, Function<Claim, Object> field) {
    return e.claim() == null ? null : field.apply(e.claim());
  }

  private static Object location(LedgerEntry e, Function<SourceLocation, Object> field) {
    SourceLocation loc = e.row().location();
    return loc == null ? null : field.apply(loc);
  }

  /** The entry a row makes, with its reference keys (read from {@code ledger_entry_refs}). */
  static LedgerEntry entry(Table.Row<EntryColumn> r, List<ReferenceKey> refs) {
    Claim claim = null;
    if (r.<Boolean>get(HAS_CLAIM)) {
      String entityType = r.get(ENTITY_TYPE);
      String level = r.get(LEVEL);
      claim =
          new Claim(
              r.get(CLAIM_ID),
              new Claim.Claimant(
                  r.get(ENTITY_ID),
                  r.get(ENTITY_NAME),
                  entityType == null ? null : EntityType.valueOf(entityType),
                  r.get(DISTRICT),
                  r.get(ESTABLISHED_DATE)),
              new Claim.Matter(
                  r.get(CLAUSE_TEXT),
                  r.get(EVENT_DATE),
                  r.get(QUANTITY),
                  level == null ? null : Level.valueOf(level),
                  Codec.references(r.<String>get(REFS))),
              new Claim.Figures(
                  r.get(BASIS),
                  r.get(DEDUCTION),
                  r.get(FEES_INCURRED),
                  r.get(APPROVED_AMOUNT),
                  r.get(METRIC),
                  r.get(METRIC2)),
              r.get(NOTE));
    }
    String file = r.get(SOURCE_FILE);
    String sheet = r.get(SHEET);
    Integer sourceRow = r.get(SOURCE_ROW);
    SourceLocation loc =
        file == null && sheet == null && sourceRow == null
            ? null
            : new SourceLocation(file, sheet, sourceRow == null ? 0 : sourceRow);
    ClaimRow row =
        new ClaimRow(
            r.<Integer>get(INPUT_INDEX), loc, claim, Codec.problems(r.<String>get(PROBLEMS)));
    String zh = r.get(EXPLANATION_ZH);
    String en = r.get(EXPLANATION_EN);
    return new LedgerEntry(
        new ChainLink(r.<Long>get(SEQ), r.get(PREV_HASH), r.get(HASH)),
        new LedgerEntry.Booking(
            r.get(RUN_ID),
            EntryKind.valueOf(r.get(KIND)),
            r.get(REVERSES_SEQ),
            Period.parse(r.get(PERIOD)).orElseThrow()),
        row,
        new LedgerEntry.Decision(
            r.get(CLAUSE_CODE),
            r.get(CLAUSE_NAME),
            Status.valueOf(r.get(STATUS)),
            r.<Boolean>get(BAD_DATA),
            r.get(CITATION),
            zh == null || en == null ? null : Bilingual.of(zh, en)),
        new LedgerEntry.Amounts(
            r.get(COMPUTED), r.get(PAID), r.get(CITY_SHARE), r.get(DISTRICT_SHARE)),
        new LedgerEntry.CountingKeys(
            r.get(ANNUAL_GROUP),
            r.get(LIFETIME_GROUP),
            ProjectKey.parse(r.get(PROJECT_KEY)),
            OneTimeKey.parse(r.get(ONE_TIME_KEY)),
            refs));
  }
}
