package cn.ipsubsidy.claims;

import static cn.ipsubsidy.claims.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same workbooks written as .xlsx and as .xls must read the same. */
class SpreadsheetReadTest {
  @TempDir Path dir;

  private Path write(String format, Map<String, List<List<Object>>> sheets, Set<String> hidden)
      throws IOException {
    Workbook wb = format.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook();
    return Fixtures.write(wb, dir.resolve("申报." + format), sheets, hidden, true);
  }

  private Path write(String format, List<List<Object>> rows) throws IOException {
    return write(format, sheets("Sheet1", rows), Set.of());
  }

  private static List<Object> withSerial(List<Object> row, Object serial) {
    List<Object> r = new ArrayList<>(row);
    r.add(0, serial);
    return r;
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void readsTitleHeaderDataAndSkipsTotalsAndEmptyRows(String format) throws IOException {
    List<Object> header = new ArrayList<>(ZH_HEADERS);
    header.set(0, "*申报编号");
    header.set(9, "计算基数（元）");
    header.set(10, "扣除金额(元)");
    header.add(0, "序号");
    List<Object> person = goodRow("LYG-2025-002");
    person.set(1, PERSON);
    person.set(2, "张三");
    person.set(3, "个人");
    person.set(6, "2025年3月1日");
    person.set(7, "1");
    person.set(8, "省级");
    person.set(9, "１２，３４５．６");
    person.set(10, null);
    person.set(11, "1.5万元");
    person.set(12, "¥1,000");
    person.set(15, null);
    person.set(16, "ZL1");
    person.set(17, "  有空格  ");
    List<List<Object>> rows =
        rows(
            row("2025年第一季度知识产权资助申报汇总表"),
            null,
            header,
            withSerial(goodRow("LYG-2025-001"), 1),
            row("", "", "  "),
            withSerial(person, 2),
            null,
            row(null, "合计", null, null, null, null, null, null, null, null, new Formula("K4+K6")),
            row(3));
    Path file = write(format, rows);

    List<ClaimRow> got = new ArrayList<>();
    ReadResult r = ClaimsFiles.read(file, null, got::add);

    assertThat(r.sheet()).isEqualTo("Sheet1");
    assertThat(r.headerRow()).isEqualTo(3);
    assertThat(r.format()).isEqualTo(format);
    assertThat(r.columns()).hasSize(18);
    assertThat(r.columns()).containsEntry("claim_id", "*申报编号");
    assertThat(r.columns()).containsEntry("basis", "计算基数（元）");
    assertThat(r.columns().keySet()).first().isEqualTo("claim_id");
    assertThat(r.unknownColumns()).containsExactly("序号");
    assertThat(r.dataRows()).isEqualTo(2);
    assertThat(r.skippedRows()).isEqualTo(2); // 合计, and the row with only 序号 = 3

    ClaimRow first = got.get(0);
    assertThat(first.problems()).isEmpty();
    assertThat(first.inputIndex()).isZero();
    assertThat(first.location().file()).isEqualTo("申报." + format);
    assertThat(first.location().sheet()).isEqualTo("Sheet1");
    assertThat(first.location().row()).isEqualTo(4);
    var c = first.claim();
    assertThat(c.claimId()).isEqualTo("LYG-2025-001");
    assertThat(c.entityId()).isEqualTo(USCC_A);
    assertThat(c.entityName()).isEqualTo("连云港某某科技有限公司");
    assertThat(c.entityType()).isEqualTo(EntityType.ENTERPRISE);
    assertThat(c.district()).isEqualTo("海州区");
    assertThat(c.clause()).isEqualTo("lyg-2021/2a");
    assertThat(c.eventDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(c.quantity()).isEqualTo(2);
    assertThat(c.level()).isEqualTo(Level.NATIONAL);
    assertThat(c.basis()).isEqualTo(new BigDecimal("100000.00"));
    assertThat(c.deduction()).isEqualTo(new BigDecimal("20000.00"));
    assertThat(c.feesIncurred()).isEqualTo(new BigDecimal("5000.50"));
    assertThat(c.approvedAmount()).isEqualTo(new BigDecimal("12345.60"));
    assertThat(c.metric()).isEqualTo(3L);
    assertThat(c.metric2()).isEqualTo(0L);
    assertThat(c.establishedDate()).isEqualTo(LocalDate.of(2010, 5, 20));
    assertThat(c.references()).containsExactly("ZL202310000001.1", "ZL202310000002.X");
    assertThat(c.note()).isEqualTo("备注");

    ClaimRow second = got.get(1);
    assertThat(second.problems()).isEmpty();
    assertThat(second.inputIndex()).isEqualTo(1);
    assertThat(second.location().row()).isEqualTo(6);
    var p = second.claim();
    assertThat(p.entityId()).isEqualTo(PERSON);
    assertThat(p.entityType()).isEqualTo(EntityType.INDIVIDUAL);
    assertThat(p.eventDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(p.quantity()).isEqualTo(1);
    assertThat(p.level()).isEqualTo(Level.PROVINCIAL);
    assertThat(p.basis()).isEqualTo(new BigDecimal("12345.60"));
    assertThat(p.deduction()).isNull();
    assertThat(p.feesIncurred()).isEqualTo(new BigDecimal("15000.00"));
    assertThat(p.approvedAmount()).isEqualTo(new BigDecimal("1000.00"));
    assertThat(p.establishedDate()).isNull();
    assertThat(p.references()).containsExactly("ZL1");
    assertThat(p.note()).isEqualTo("有空格");
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void englishHeadersInAnyOrder(String format) throws IOException {
    List<Object> header = new ArrayList<>(EN_HEADERS);
    List<Object> data = goodRow("A-1");
    java.util.Collections.reverse(header);
    java.util.Collections.reverse(data);
    header.set(0, "Note");
    header.set(17, "CLAIM_ID");
    Path file = write(format, rows(header, data));
    List<ClaimRow> got = ClaimsFiles.readAll(file, null);
    assertThat(got).hasSize(1);
    assertThat(got.get(0).problems()).isEmpty();
    assertThat(got.get(0).claim().claimId()).isEqualTo("A-1");
    assertThat(got.get(0).claim().basis()).isEqualTo(new BigDecimal("100000.00"));
  }

  /** The data row with claim id {@code id} whose column {@code col} holds {@code value}. */
  private static List<Object> bad(String id, int col, Object value) {
    List<Object> r = goodRow(id);
    r.set(col, value);
    return r;
  }

  private static CellProblem only(List<ClaimRow> rows, String id) {
    ClaimRow row =
        rows.stream().filter(r -> id.equals(r.claim().claimId())).findFirst().orElseThrow();
    assertThat(row.problems()).as("problems of %s", id).hasSize(1);
    return row.problems().get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void reportsEachBadCellWithColumnTextAndReason(String format) throws IOException {
    List<List<Object>> rows =
        rows(
            header(ZH_HEADERS),
            bad("q0", 7, 0),
            bad("q15", 7, "1.5"),
            bad("neg", 9, "-5"),
            bad("ded", 10, 200000),
            bad("div0", 12, new Formula("1/0")),
            bad("fx", 12, new Formula("1000*2+0.5")),
            bad("serial", 6, "45717"),
            bad("plain", 6, 45717),
            bad("ymd", 6, 20250301),
            bad("cn31", 6, Styled.builtin(LocalDate.of(2025, 3, 1), 31)),
            bad("wide", 1, "９１３５０１００ｍ０００１００ｙ４３"),
            bad("numid", 1, 913501001234567.0),
            bad("check", 1, "91350100M000100Y44"),
            bad("refs", 16, "ZL1, ZL2, ZL3"),
            bad("dupref", 16, "ZL1；ZL1"),
            bad("name", 2, " "),
            bad("type", 3, "公司"),
            bad("level", 8, "省部级"),
            bad("pct", 9, Styled.format(0.5, "0%")),
            bad("dated", 11, LocalDate.of(2025, 1, 1)),
            bad("money3", 12, 1.5),
            bad("strfx", 2, new Formula("\"某\"&\"公司\"")),
            goodRow("dup"),
            goodRow("dup"));
    Path file = write(format, rows);
    List<ClaimRow> got = ClaimsFiles.readAll(file, null);
    assertThat(got).hasSize(24);

    CellProblem q0 = only(got, "q0");
    assertThat(q0.sheet()).isEqualTo("Sheet1");
    assertThat(q0.row()).isEqualTo(2);
    assertThat(q0.column()).isEqualTo("数量 (H)");
    assertThat(q0.cellText()).isEqualTo("0");
    assertThat(q0.reason().zh()).isEqualTo("须至少为 1：0");
    assertThat(q0.reason().en()).isEqualTo("must be at least 1: 0");
    assertThat(got.get(0).claim().quantity()).isNull();

    assertThat(only(got, "q15").reason().en()).isEqualTo("must be a whole number: 1.5");
    CellProblem neg = only(got, "neg");
    assertThat(neg.column()).isEqualTo("计算基数 (J)");
    assertThat(neg.cellText()).isEqualTo("-5");
    assertThat(neg.reason().toString()).isEqualTo("金额不能为负数：-5 / amount must not be negative: -5");

    CellProblem ded = only(got, "ded");
    assertThat(ded.column()).isEqualTo("扣除金额 (K)");
    assertThat(ded.reason().en())
        .isEqualTo("the deduction 200,000.00 exceeds the basis 100,000.00");

    CellProblem div0 = only(got, "div0");
    assertThat(div0.column()).isEqualTo("核定金额 (M)");
    assertThat(div0.cellText()).isEqualTo("#DIV/0!");
    assertThat(div0.reason().en()).isEqualTo("the formula gives an error: #DIV/0!");

    ClaimRow fx = got.stream().filter(r -> r.claim().claimId().equals("fx")).findFirst().get();
    assertThat(fx.problems()).isEmpty();
    assertThat(fx.claim().approvedAmount()).isEqualTo(new BigDecimal("2000.50"));

    assertThat(only(got, "serial").reason().en()).contains("Excel date serial number");
    assertThat(only(got, "serial").column()).isEqualTo("事项日期 (G)");
    assertThat(only(got, "plain").reason().en()).contains("format the cell as a date");
    assertThat(only(got, "plain").cellText()).isEqualTo("45717");
    assertThat(claim(got, "ymd").problems()).isEmpty();
    assertThat(claim(got, "ymd").claim().eventDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(claim(got, "cn31").problems()).isEmpty();
    assertThat(claim(got, "cn31").claim().eventDate()).isEqualTo(LocalDate.of(2025, 3, 1));

    assertThat(claim(got, "wide").problems()).isEmpty();
    assertThat(claim(got, "wide").claim().entityId()).isEqualTo("91350100M000100Y43");
    assertThat(only(got, "numid").reason().en()).contains("format the cell as text");
    assertThat(only(got, "numid").column()).isEqualTo("主体代码 (B)");
    CellProblem check = only(got, "check");
    assertThat(check.cellText()).isEqualTo("91350100M000100Y44");
    assertThat(check.reason().en()).isEqualTo("wrong check character: expected 3, found 4");
    assertThat(claim(got, "check").claim().entityId()).isNull();

    CellProblem refs = only(got, "refs");
    assertThat(refs.column()).isEqualTo("凭证号 (Q)");
    assertThat(refs.reason().en()).isEqualTo("3 references listed but the quantity is 2");
    assertThat(claim(got, "refs").claim().references()).containsExactly("ZL1", "ZL2", "ZL3");
    ClaimRow dupref = claim(got, "dupref");
    assertThat(dupref.problems())
        .extracting(pr -> pr.reason().en())
        .containsExactly("the same reference is listed twice: ZL1");

    CellProblem name = only(got, "name");
    assertThat(name.column()).isEqualTo("主体名称 (C)");
    assertThat(name.reason().toString()).isEqualTo("必填 / required");
    assertThat(claim(got, "name").claim().entityName()).isNull();
    assertThat(claim(got, "name").claim().basis()).isEqualTo(new BigDecimal("100000.00"));

    CellProblem type = only(got, "type");
    assertThat(type.reason().zh()).contains("企业、个人、高校");
    assertThat(type.reason().en()).contains("enterprise, individual, university");
    assertThat(only(got, "level").reason().en()).contains("national, provincial, municipal");

    assertThat(only(got, "pct").reason().en()).contains("percentage");
    assertThat(only(got, "pct").cellText()).isEqualTo("50%");
    assertThat(only(got, "dated").reason().en()).contains("formatted as a date");
    assertThat(only(got, "dated").cellText()).isEqualTo("2025/1/1");
    assertThat(claim(got, "strfx").problems()).isEmpty();
    assertThat(claim(got, "strfx").claim().entityName()).isEqualTo("某公司");
    assertThat(claim(got, "money3").problems()).isEmpty();
    assertThat(claim(got, "money3").claim().approvedAmount()).isEqualTo(new BigDecimal("1.50"));

    List<ClaimRow> dups = got.stream().filter(r -> r.claim().claimId().equals("dup")).toList();
    assertThat(dups.get(0).problems()).isEmpty();
    CellProblem dup = dups.get(1).problems().get(0);
    assertThat(dup.column()).isEqualTo("申报编号 (A)");
    assertThat(dup.row()).isEqualTo(25);
    assertThat(dup.reason().toString())
        .isEqualTo("申报编号重复，与第 24 行相同 / duplicate claim id, the same as row 24");
  }

  private static ClaimRow claim(List<ClaimRow> rows, String id) {
    return rows.stream().filter(r -> id.equals(r.claim().claimId())).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void sheetsAreSearchedInOrderSkippingHiddenOnesUnlessNamed(String format) throws IOException {
    Path file =
        write(
            format,
            sheets(
                "说明", rows(row("填表说明"), row("申报编号", "必填")),
                "隐藏", rows(header(ZH_HEADERS), goodRow("H-1")),
                "申报", rows(row("标题"), header(ZH_HEADERS), goodRow("S-1"), goodRow("S-2"))),
            Set.of("隐藏"));

    ReadResult r = ClaimsFiles.read(file, null, row -> {});
    assertThat(r.sheet()).isEqualTo("申报");
    assertThat(r.headerRow()).isEqualTo(2);
    assertThat(r.dataRows()).isEqualTo(2);

    List<ClaimRow> hidden = ClaimsFiles.readAll(file, "隐藏");
    assertThat(hidden).extracting(x -> x.claim().claimId()).containsExactly("H-1");
    assertThat(hidden.get(0).location().sheet()).isEqualTo("隐藏");

    assertThatThrownBy(() -> ClaimsFiles.readAll(file, "汇总"))
        .isInstanceOf(ClaimsFileException.class)
        .satisfies(
            e -> {
              var m = ((ClaimsFileException) e).message();
              assertThat(m.zh()).contains("没有名为“汇总”的工作表").contains("“说明”、“隐藏”（隐藏）、“申报”");
              assertThat(m.en())
                  .contains("no sheet named \"汇总\"")
                  .contains("\"说明\", \"隐藏\" (hidden), \"申报\"")
                  .contains("申报." + format);
            });

    assertThatThrownBy(() -> ClaimsFiles.readAll(file, "说明"))
        .isInstanceOf(ClaimsFileException.class)
        .hasMessageContaining("no header row in the first 20 rows");
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void headerMustBeWithinTheFirst20Rows(String format) throws IOException {
    List<List<Object>> at20 = new ArrayList<>();
    List<List<Object>> at21 = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      at20.add(row("说明 " + i));
      at21.add(row("说明 " + i));
    }
    at21.add(row("再一行"));
    at20.add(header(ZH_HEADERS));
    at20.add(goodRow("X"));
    at21.add(header(ZH_HEADERS));
    at21.add(goodRow("X"));
    ReadResult ok = ClaimsFiles.read(write(format, at20), null, r -> {});
    assertThat(ok.headerRow()).isEqualTo(20);
    Path late =
        Fixtures.write(
            format.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook(),
            dir.resolve("late." + format),
            sheets("Sheet1", at21),
            Set.of(),
            true);
    assertThatThrownBy(() -> ClaimsFiles.readAll(late, null))
        .isInstanceOf(ClaimsFileException.class)
        .satisfies(
            e -> {
              var m = ((ClaimsFileException) e).message();
              assertThat(m.zh()).contains("前 20 行中没有找到表头行").contains("late." + format);
              assertThat(m.en())
                  .contains("no header row in the first 20 rows")
                  .contains("\"Sheet1\"");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void missingOrDoubledColumnsFailTheFile(String format) throws IOException {
    List<Object> noId = new ArrayList<>(ZH_HEADERS);
    noId.remove("主体代码");
    noId.remove("条款");
    assertThatThrownBy(() -> ClaimsFiles.readAll(write(format, rows(row("标题"), noId)), null))
        .isInstanceOf(ClaimsFileException.class)
        .satisfies(
            e -> {
              ClaimsFileException x = (ClaimsFileException) e;
              assertThat(x.message().zh()).contains("第 2 行").contains("表头缺少必填列：主体代码、条款");
              assertThat(x.message().en())
                  .contains("row 2")
                  .contains("lacks required columns: 主体代码 (entity_id), 条款 (clause)");
              assertThat(x.row()).isEqualTo(2);
              assertThat(x.sheet()).isEqualTo("Sheet1");
            });

    List<Object> twice = new ArrayList<>(ZH_HEADERS);
    twice.add("claim_id");
    Path f2 =
        Fixtures.write(
            format.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook(),
            dir.resolve("twice." + format),
            sheets("Sheet1", rows(twice)),
            Set.of(),
            true);
    assertThatThrownBy(() -> ClaimsFiles.readAll(f2, null))
        .isInstanceOf(ClaimsFileException.class)
        .hasMessageContaining(
            "column 申报编号 (claim_id) is named twice: column A \"申报编号\" and column S \"claim_id\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void sinkExceptionsPropagateUnchanged(String format) throws IOException {
    Path file = write(format, rows(header(ZH_HEADERS), goodRow("A"), goodRow("B")));
    IllegalStateException boom = new IllegalStateException("sink full");
    assertThatThrownBy(
            () ->
                ClaimsFiles.read(
                    file,
                    null,
                    r -> {
                      throw boom;
                    }))
        .isSameAs(boom);
  }
}
