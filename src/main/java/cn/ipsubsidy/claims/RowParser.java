package cn.ipsubsidy.claims;

import static cn.ipsubsidy.claims.ClaimColumn.*;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.util.CellReference;

/**
 * Turns the cells of one data row into a {@link Claim} and its {@link CellProblem}s. Stateful
 * across the rows of a sheet: it remembers claim ids to report duplicates.
 */
final class RowParser {

  /** A contract column bound to a column of the file. */
  record Binding(ClaimColumn column, int index, String header) {
    /** "数量 (F)": the header as written and the column letter. */
    String label() {
      return header + " (" + CellReference.convertNumToColString(index) + ")";
    }
  }

  private static final Bilingual REQUIRED = Bilingual.of("必填", "required");

  /** The most characters an Excel cell holds; longer text was not typed into Excel. */
  static final int EXCEL_MAX_CELL_CHARS = 32_767;

  /** A problem cell's text is kept whole up to this length, else its start is kept. */
  static final int MAX_SHOWN_CHARS = 1_000;

  private final String sheet;
  private final boolean date1904;
  private final Map<ClaimColumn, Binding> bindings;
  private final Map<String, Integer> firstRowOfClaimId = new HashMap<>();

  RowParser(String sheet, boolean date1904, Map<ClaimColumn, Binding> bindings) {
    this.sheet = sheet;
    this.date1904 = date1904;
    this.bindings = new EnumMap<>(bindings);
  }

  /** A cell text as a problem keeps it: whole, or its first characters and its length. */
  static String abbreviate(String text) {
    if (text.length() <= MAX_SHOWN_CHARS) {
      return text;
    }
    int cut = MAX_SHOWN_CHARS;
    if (Character.isLowSurrogate(text.charAt(cut))) {
      cut--;
    }
    return text.substring(0, cut) + "…（共 " + text.length() + " 个字符 chars）";
  }

  /** The outcome for one row. */
  record Result(Claim claim, List<CellProblem> problems) {}

  Result parse(int row, Map<Integer, RawCell> cells) {
    return new Row(row, cells).parse();
  }

  /** One row being read; collects problems in column order. */
  private final class Row {
    private final int row;
    private final Map<Integer, RawCell> cells;
    private final List<Problem> problems = new ArrayList<>();

    private record Problem(int index, CellProblem problem) {}

    Row(int row, Map<Integer, RawCell> cells) {
      this.row = row;
      this.cells = cells;
    }

    Result parse() {
      String claimId = text(CLAIM_ID);
      if (claimId != null) {
        Integer first = firstRowOfClaimId.putIfAbsent(EntityIds.normalise(claimId), row);
        if (first != null) {
          problem(
              CLAIM_ID,
              Bilingual.of(
                  "申报编号重复，与第 " + first + " 行相同", "duplicate claim id, the same as row " + first));
        }
      }
      EntityType type =
          enumeration(
              ENTITY_TYPE,
              EntityType::parse,
              Arrays.stream(EntityType.values())
                  .map(EntityType::zh)
                  .collect(Collectors.joining("、")),
              Arrays.stream(EntityType.values())
                  .map(EntityType::en)
                  .collect(Collectors.joining(", ")));
      String entityId = entityId(type);
      String entityName = text(ENTITY_NAME);
      String district = text(DISTRICT);
      String clause = text(CLAUSE);
      LocalDate eventDate = date(EVENT_DATE);
      Integer quantity = quantity();
      Level level =
          enumeration(
              LEVEL, Level::parse, "国家、省、市（或 国家级、省级、市级）", "national, provincial, municipal");
      BigDecimal basis = money(BASIS);
      BigDecimal deduction = money(DEDUCTION);
      BigDecimal fees = money(FEES_INCURRED);
      BigDecimal approved = money(APPROVED_AMOUNT);
      Long metric = integer(METRIC, 0, Long.MAX_VALUE);
      Long metric2 = integer(METRIC2, 0, Long.MAX_VALUE);
      LocalDate established = date(ESTABLISHED_DATE);
      List<String> references = references(quantity);
      String note = text(NOTE);
      if (basis != null && deduction != null && deduction.compareTo(basis) > 0) {
        problem(
            DEDUCTION,
            Bilingual.of(
                "扣除金额 " + Money.format(deduction) + " 大于计算基数 " + Money.format(basis),
                "the deduction "
                    + Money.format(deduction)
                    + " exceeds the basis "
                    + Money.format(basis)));
      }
      Claim claim =
          new Claim(
              claimId,
              new Claim.Claimant(entityId, entityName, type, district, established),
              new Claim.Matter(clause, eventDate, quantity, level, references),
              new Claim.Figures(basis, deduction, fees, approved, metric, metric2),
              note);
      List<CellProblem> sorted =
          problems.stream()
              .sorted(Comparator.comparingInt(Problem::index))
              .map(Problem::problem)
              .toList();
      return new Result(claim, sorted);
    }

    private RawCell cell(ClaimColumn c) {
      Binding b = bindings.get(c);
      return b == null ? null : cells.get(b.index());
    }

    private void problem(ClaimColumn c, Bilingual reason) {
      Binding b = bindings.get(c);
      RawCell cell = cell(c);
      String shown = cell == null ? "" : cell.display();
      problems.add(
          new Problem(
              b.index(),
              new CellProblem(
                  sheet, row, b.label(), abbreviate(shown == null ? "" : shown), reason)));
    }

    /**
     * The usable cell of {@code c}, or null when it is empty (a problem if required) or holds a
     * formula error or no cached formula result (a problem).
     */
    private RawCell usable(ClaimColumn c) {
      RawCell cell = cell(c);
      if (cell == null || cell.isBlank()) {
        if (c.required()) {
          if (bindings.containsKey(c)) {
            problem(c, REQUIRED);
          }
        }
        return null;
      }
      String shown = cell.display();
      if (shown != null && shown.length() > EXCEL_MAX_CELL_CHARS) {
        problem(
            c,
            Bilingual.of(
                "单元格有 " + shown.length() + " 个字符，超出 Excel 单元格上限 32,767：在 Excel 中看不全，无法核对",
                "the cell holds "
                    + shown.length()
                    + " characters, more than an Excel cell can hold (32,767): nobody can check it"
                    + " in Excel"));
        return null;
      }
      switch (cell.kind()) {
        case ERROR:
          problem(
              c, Bilingual.of("公式出错：" + cell.text(), "the formula gives an error: " + cell.text()));
          return null;
        case NO_CACHED_VALUE:
          problem(
              c,
              Bilingual.of(
                  "公式没有保存的计算结果，请用 Excel 打开并保存后再试",
                  "the formula has no saved result; open and save the file in Excel, then try"
                      + " again"));
          return null;
        default:
          return cell;
      }
    }

    private String text(ClaimColumn c) {
      RawCell cell = usable(c);
      if (cell == null) {
        return null;
      }
      switch (cell.kind()) {
        case NUMBER:
          if (cell.generalFormatted()) {
            return BigDecimal.valueOf(cell.number()).stripTrailingZeros().toPlainString();
          }
          return Text.trim(cell.display());
        case TEXT:
          return Text.trim(cell.text());
        default:
          return cell.display();
      }
    }

    private String entityId(EntityType type) {
      RawCell cell = usable(ENTITY_ID);
      if (cell == null) {
        return null;
      }
      if (cell.kind() == RawCell.Kind.NUMBER) {
        problem(
            ENTITY_ID,
            Bilingual.of(
                "单元格是数字格式，Excel 只保留 15 位有效数字；请把单元格设为文本后重新输入代码",
                "the cell is a number and Excel keeps only 15 significant digits; format the cell"
                    + " as text and re-enter the id"));
        return null;
      }
      Parsed<String> p = EntityIds.parse(cell.display(), type);
      return value(ENTITY_ID, p);
    }

    private <E> E enumeration(
        ClaimColumn c,
        Function<String, java.util.Optional<E>> parser,
        String allowedZh,
        String allowedEn) {
      String t = text(c);
      if (t == null) {
        return null;
      }
      java.util.Optional<E> e = parser.apply(Text.halfWidth(t));
      if (e.isEmpty()) {
        problem(
            c,
            Bilingual.of(
                "无法识别“" + t + "”，可填：" + allowedZh,
                "unknown value \"" + t + "\"; allowed: " + allowedEn));
        return null;
      }
      return e.get();
    }

    private BigDecimal money(ClaimColumn c) {
      RawCell cell = usable(c);
      if (cell == null) {
        return null;
      }
      switch (cell.kind()) {
        case NUMBER:
          if (cell.dateFormatted()) {
            problem(
                c, Bilingual.of("单元格是日期格式，不是金额", "the cell is formatted as a date, not an amount"));
            return null;
          }
          if (cell.percentFormatted()) {
            problem(
                c,
                Bilingual.of(
                    "单元格是百分比格式，不是金额", "the cell is formatted as a percentage, not an amount"));
            return null;
          }
          return value(c, MoneyParser.parseNumber(cell.number()));
        case TEXT:
          return value(c, MoneyParser.parseText(cell.text()));
        default:
          problem(c, Bilingual.of("不是金额", "not an amount"));
          return null;
      }
    }

    private LocalDate date(ClaimColumn c) {
      RawCell cell = usable(c);
      if (cell == null) {
        return null;
      }
      switch (cell.kind()) {
        case NUMBER:
          return value(c, DateParser.parseNumber(cell.number(), cell.dateFormatted(), date1904));
        case TEXT:
          return value(c, DateParser.parseText(cell.text()));
        default:
          problem(c, Bilingual.of("不是日期", "not a date"));
          return null;
      }
    }

    private Long integer(ClaimColumn c, long min, long max) {
      RawCell cell = usable(c);
      if (cell == null) {
        return null;
      }
      switch (cell.kind()) {
        case NUMBER:
          if (cell.dateFormatted() || cell.percentFormatted()) {
            problem(
                c,
                Bilingual.of(
                    "单元格是日期或百分比格式，不是整数",
                    "the cell is formatted as a date or percentage, not a whole number"));
            return null;
          }
          return value(c, IntegerParser.parseNumber(cell.number(), min, max));
        case TEXT:
          return value(c, IntegerParser.parseText(cell.text(), min, max));
        default:
          problem(c, Bilingual.of("不是整数", "not a whole number"));
          return null;
      }
    }

    /** 数量: 1 when the cell is empty, null when it cannot be read. */
    private Integer quantity() {
      RawCell cell = cell(QUANTITY);
      if (cell == null || cell.isBlank()) {
        return 1;
      }
      Long q = integer(QUANTITY, 1, Integer.MAX_VALUE);
      return q == null ? null : q.intValue();
    }

    private List<String> references(Integer quantity) {
      String t = text(REFERENCE_NO);
      if (t == null) {
        return List.of();
      }
      List<String> refs = References.split(t);
      Set<String> dups = References.duplicates(refs);
      if (!dups.isEmpty()) {
        String list = String.join(", ", dups);
        problem(
            REFERENCE_NO,
            Bilingual.of("凭证号重复：" + list, "the same reference is listed twice: " + list));
      }
      if (!refs.isEmpty() && quantity != null && refs.size() != quantity) {
        problem(
            REFERENCE_NO,
            Bilingual.of(
                "凭证号有 " + refs.size() + " 个，与数量 " + quantity + " 不符",
                refs.size() + " references listed but the quantity is " + quantity));
      }
      return refs;
    }

    private <T> T value(ClaimColumn c, Parsed<T> p) {
      if (p.isError()) {
        problem(c, p.error());
      }
      return p.value();
    }
  }
}
