package cn.ipsubsidy.engine;

import static cn.ipsubsidy.engine.TestClaims.claim;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.app.cases.PolicyCases;
import cn.ipsubsidy.claims.ClaimsFileException;
import cn.ipsubsidy.claims.ClaimsFiles;
import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.CellProblem;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.domain.SourceLocation;
import cn.ipsubsidy.policy.LocalRules;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyLoader;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every line the engine computes for the bundled samples, the bad inputs, the bundled policy cases
 * and a set of claims chosen to reach each branch of the steps, in full: status, amounts,
 * explanation and every trace step's seven fields, compared with {@code
 * src/test/resources/engine/golden-lines.txt}. The outputs (明细, 审计, the audit CSV, {@code explain})
 * are these texts cell for cell, so a change of the engine's code that changes none of them leaves
 * this file as it is. A deliberate change of wording or arithmetic regenerates it ({@code
 * -Dengine.golden.update=true}) and the diff is reviewed with the change.
 */
class EngineGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/engine/golden-lines.txt");
  private static final Period Q1 = new Period(2025, 1);
  private static final Period Q2 = new Period(2025, 2);
  private static final LocalDate PAID_ON = LocalDate.of(2025, 4, 2);

  @Test
  void everyLineAsSnapshotted() throws Exception {
    String actual = render();
    if (Boolean.getBoolean("engine.golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected;
    try (InputStream in = EngineGoldenTest.class.getResourceAsStream("/engine/golden-lines.txt")) {
      assertThat(in).as("the snapshot " + GOLDEN).isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
      if (!want.get(i).equals(got.get(i))) {
        assertThat(got.get(i))
            .as("line " + (i + 1) + " of " + GOLDEN + " (under " + heading(want, i) + ")")
            .isEqualTo(want.get(i));
      }
    }
    assertThat(got).as("the number of lines of " + GOLDEN).hasSameSizeAs(want);
  }

  private static String heading(List<String> lines, int at) {
    for (int i = at; i >= 0; i--) {
      if (lines.get(i).startsWith("== ")) {
        return lines.get(i);
      }
    }
    return "the start";
  }

  private static String render() throws Exception {
    StringBuilder out = new StringBuilder();
    PolicyRegistry bundled = PolicyLoader.bundled();
    PolicyRegistry sampleRules = rules(bundled, Path.of("samples/local-rules.yaml"));
    PolicyRegistry exampleRules =
        rules(bundled, Path.of("src/test/resources/local-rules-example.yaml"));

    List<ClaimRow> lyg =
        ClaimsFiles.readAll(Path.of("samples/claims-2025Q1-lianyungang.xlsx"), null);
    List<ClaimRow> wx = ClaimsFiles.readAll(Path.of("samples/claims-2025Q1-wuxi.csv"), null);
    sampleRuns(out, "lianyungang sample, samples/local-rules.yaml", sampleRules, lyg);
    sampleRuns(out, "lianyungang sample, local-rules-example.yaml", exampleRules, lyg);
    sampleRuns(out, "wuxi sample", bundled, wx);
    sampleRuns(out, "wuxi sample, local-rules-example.yaml", exampleRules, wx);

    try (Stream<Path> files = Files.list(Path.of("src/test/resources/bad-inputs"))) {
      for (Path f : files.sorted().toList()) {
        List<ClaimRow> rows;
        try {
          rows = ClaimsFiles.readAll(f, null);
        } catch (ClaimsFileException e) {
          continue;
        }
        run(out, "bad-inputs/" + f.getFileName(), bundled, rows, Q1, PriorPayouts.NONE);
      }
    }

    for (PolicyDocument doc : bundled.documents()) {
      String text = casesText(doc);
      if (text == null) {
        continue;
      }
      PolicyCases cases = PolicyCases.parse(PolicyCases.casesFileName(doc.fileName()), text);
      for (PolicyRegistry registry : List.of(bundled, exampleRules)) {
        String label =
            PolicyCases.casesFileName(doc.fileName())
                + (registry == bundled ? "" : ", local-rules-example.yaml");
        for (PolicyCases.Result r : cases.run(registry)) {
          out.append("== ").append(label).append(" case ").append(r.testCase().name()).append('\n');
          render(out, r.line());
        }
      }
    }

    BranchClaims.render(out, bundled);
    return out.toString();
  }

  /**
   * A sample computed as its quarter, then again a quarter later with what it paid as the prior
   * payouts: once as posted (each claim id already paid), once as paid under other claim ids (the
   * one-time awards, references and caps then count the earlier run).
   */
  private static void sampleRuns(
      StringBuilder out, String label, PolicyRegistry registry, List<ClaimRow> rows) {
    RunResult first = run(out, label + ", 2025Q1", registry, rows, Q1, PriorPayouts.NONE);
    PaymentRegister posted = new PaymentRegister();
    PaymentRegister otherIds = new PaymentRegister();
    for (PayoutLine l : first.lines()) {
      posted.record(l, 2025, "R2025Q1", PAID_ON);
      if (l.clause() != null && l.row().claim() != null) {
        PaymentRegister.Keys k = PaymentRegister.Keys.of(l.clause(), l.row().claim());
        otherIds.record(
            new PaymentRegister.Keys(
                null,
                k.entityId(),
                k.annualGroup(),
                k.lifetimeGroup(),
                k.projectKey(),
                k.referenceGroup(),
                k.referenceKeys(),
                k.oneTimeKey(),
                k.clauseCode()),
            2025,
            new PriorPayment("R2025Q1", PAID_ON, "X-" + l.claimId(), l.paid(), k.clauseCode()));
      }
    }
    run(out, label + ", again as 2025Q2", registry, rows, Q2, posted);
    run(out, label + ", under other claim ids as 2025Q2", registry, rows, Q2, otherIds);
  }

  private static RunResult run(
      StringBuilder out,
      String label,
      PolicyRegistry registry,
      List<ClaimRow> rows,
      Period period,
      PriorPayouts prior) {
    RunResult result =
        new SubsidyEngine(registry).calculate(rows, new SubsidyEngine.Options(period, null), prior);
    for (PayoutLine l : result.lines()) {
      out.append("== ").append(label).append(' ').append(l.row().location()).append('\n');
      render(out, l);
    }
    for (CapUsage u : result.capUsages()) {
      out.append("   cap ").append(u).append('\n');
    }
    return result;
  }

  static void render(StringBuilder out, PayoutLine l) {
    out.append("   ")
        .append(l.status())
        .append(" computed=")
        .append(amount(l.computed()))
        .append(" paid=")
        .append(amount(l.paid()))
        .append(" city=")
        .append(amount(l.cityShare()))
        .append(" district=")
        .append(amount(l.districtShare()))
        .append(" badData=")
        .append(l.badData())
        .append(" capGroup=")
        .append(text(l.capGroup()))
        .append('\n');
    out.append("   clause=")
        .append(l.clause() == null ? "∅" : l.clause().code().toString())
        .append(" citation=")
        .append(text(l.citation()))
        .append('\n');
    out.append("   zh ").append(text(l.explanation().zh())).append('\n');
    out.append("   en ").append(text(l.explanation().en())).append('\n');
    for (TraceStep s : l.trace()) {
      out.append("   - ")
          .append(text(s.claimId()))
          .append(" ¦ ")
          .append(text(s.step()))
          .append(" ¦ ")
          .append(text(s.rule()))
          .append(" ¦ ")
          .append(text(s.citation()))
          .append(" ¦ ")
          .append(text(s.formula()))
          .append(" ¦ ")
          .append(text(s.inputs()))
          .append(" ¦ ")
          .append(text(s.result()))
          .append('\n');
    }
  }

  private static String amount(BigDecimal a) {
    return a == null ? "∅" : a.toString();
  }

  private static String text(String s) {
    return s == null ? "∅" : s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static PolicyRegistry rules(PolicyRegistry bundled, Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return LocalRules.parse(file.getFileName().toString(), text).applyTo(bundled);
  }

  private static String casesText(PolicyDocument doc) throws IOException {
    try (InputStream in =
        PolicyLoader.class.getResourceAsStream(
            "/policies/" + PolicyCases.casesFileName(doc.fileName()))) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Claims written to reach the branches the files above do not. Each group is a sequence of runs,
   * a quarter apart; a later run counts what the earlier ones paid.
   */
  private static final class BranchClaims {
    private static final String AGENCY = "91320700MA20000012";

    static void render(StringBuilder out, PolicyRegistry bundled) {
      int n = 0;
      for (List<List<ClaimRow>> group : groups()) {
        n++;
        PaymentRegister paid = new PaymentRegister();
        int quarter = 0;
        for (List<ClaimRow> rows : group) {
          quarter++;
          Period period = new Period(2025, quarter);
          RunResult r =
              run(out, "branch group " + n + " run " + quarter, bundled, rows, period, paid);
          PaymentRegister now = new PaymentRegister();
          for (PayoutLine l : r.lines()) {
            now.record(l, 2025, "R2025Q" + quarter, PAID_ON);
          }
          paid.addAll(now);
        }
      }
    }

    private static List<ClaimRow> rows(TestClaims... claims) {
      return TestClaims.rows(claims);
    }

    static List<List<List<ClaimRow>>> groups() {
      List<List<List<ClaimRow>>> g = new ArrayList<>();
      // step 0 and 1: the row as read, the district, the clause, the policy in force
      g.add(
          List.of(
              List.of(
                  problems(0, claim("lyg-2021/2a").metric(12).build(), 2),
                  problems(1, null, 1),
                  problems(2, null, 3))));
      g.add(
          List.of(
              rows(
                  claim("lyg-2021/2a").id("P1").metric(12).district(null),
                  claim("lyg-2021/2a").id("P2").metric(12).district("火星区"),
                  claim("lyg-2021/99z").id("P3"),
                  claim("xx-2020/1a").id("P4"),
                  claim("nonsense").id("P5"),
                  claim("4a").id("P6").level(Level.NATIONAL),
                  claim("2a").id("P7").metric(12),
                  claim("99z").id("P8"),
                  claim("wx-2020/1a").id("P9").district("海州区").fees("9000"),
                  claim("lyg-2021/2a").id("P10").metric(12).on("2019-05-01"),
                  claim("lyg-2021/2a").id("P11").metric(12).on("2010-01-01"),
                  claim("wx-2020/1a").id("P12").fees("9000").on("2020-03-07"),
                  claim("lyg-2021/2a").id("P13").metric(12).district("市本级"))));
      // step 2: eligibility
      g.add(
          List.of(
              rows(
                  claim("lyg-2021/2a").id("E1").metric(12).type(EntityType.INDIVIDUAL),
                  claim("lyg-2021/14h").id("E2").type(EntityType.INDIVIDUAL),
                  claim("lyg-2021/14h").id("E3").type(EntityType.UNIVERSITY),
                  claim("lyg-2021/2a").id("E4"),
                  claim("lyg-2021/2a").id("E5").metric(5),
                  claim("lyg-2021/12a").id("E6").type(EntityType.AGENCY).metric(600).metric2(30),
                  claim("lyg-2021/12a")
                      .id("E7")
                      .type(EntityType.AGENCY)
                      .entity(AGENCY)
                      .metric(600)
                      .metric2(30)
                      .established("2015-01-01"),
                  claim("lyg-2021/12a")
                      .id("E8")
                      .type(EntityType.AGENCY)
                      .entity(AGENCY)
                      .metric(600)
                      .metric2(30)
                      .established("2025-03-01"),
                  claim("lyg-2021/12a")
                      .id("E9")
                      .type(EntityType.AGENCY)
                      .entity(AGENCY)
                      .metric(600)
                      .metric2(30)
                      .established("2023-05-01"),
                  claim("lyg-2021/12a")
                      .id("E10")
                      .type(EntityType.AGENCY)
                      .entity(AGENCY)
                      .metric(600)
                      .metric2(30)
                      .established("2023-05-01"),
                  claim("lyg-2021/4b").id("E11"),
                  claim("lyg-2021/4b").id("E12").level(Level.MUNICIPAL),
                  claim("lyg-2021/4a").id("E13").level(Level.NATIONAL),
                  claim("lyg-2021/4a").id("E14").level(Level.NATIONAL),
                  claim("lyg-2021/4a").id("E15").level(Level.PROVINCIAL),
                  claim("lyg-2021/12b").id("E16").type(EntityType.AGENCY).entity(AGENCY).metric(45),
                  claim("lyg-2021/12b")
                      .id("E17")
                      .type(EntityType.AGENCY)
                      .entity(AGENCY)
                      .metric(60)),
              rows(
                  claim("lyg-2021/12b").id("E18").type(EntityType.AGENCY).entity(AGENCY).metric(45),
                  claim("lyg-2021/4a").id("E19").level(Level.NATIONAL),
                  claim("lyg-2021/12a")
                      .id("E20")
                      .type(EntityType.AGENCY)
                      .entity(AGENCY)
                      .metric(600)
                      .metric2(30)
                      .established("2023-05-01"))));
      // step 2: references, one-time awards per reference, the higher award containing the lower
      g.add(
          List.of(
              rows(
                  claim("lyg-2021/2a").id("R1").metric(12).refs("tm-1"),
                  claim("lyg-2021/2a").id("R2").metric(12).refs("ＴＭ－１"),
                  claim("lyg-2021/2a").id("R3").metric(12).refs("tm 2"),
                  claim("lyg-2021/1a")
                      .id("R4")
                      .qty(2)
                      .refs("ZL202310000001.5", "zl 2023 1000 0001.5"),
                  claim("lyg-2021/1a").id("R5").refs("ZL202310000001.4"),
                  claim("lyg-2021/5a").id("R6").refs("ZX-1"),
                  claim("lyg-2021/5a").id("R7").refs("ZX-1"),
                  claim("lyg-2021/5a").id("R8").refs("ZX-2"),
                  claim("lyg-2021/5a").id("R9").entity(AGENCY),
                  claim("wx-2020/4a").id("R10").refs("CERT-1"),
                  claim("wx-2020/4b").id("R11").refs("CERT-1"),
                  claim("wx-2020/4b").id("R12").refs("CERT-1"),
                  claim("wx-2020/4a").id("R13").refs("CERT-2")),
              rows(
                  claim("lyg-2021/2a").id("R14").metric(12).refs("TM-1"),
                  claim("lyg-2021/5a").id("R15").refs("zx-1"),
                  claim("lyg-2021/5a").id("R16").refs("ZX-3"),
                  claim("lyg-2021/5a").id("R17").entity(AGENCY),
                  claim("wx-2020/4b").id("R18").refs("CERT-2"),
                  claim("wx-2020/4a").id("R19").refs("CERT-1"),
                  claim("lyg-2021/1a").id("R20").approved("2000").refs("ZL202310000001.5"))));
      // step 3: amounts by kind, and the modifiers
      g.add(
          List.of(
              rows(
                  claim("lyg-2021/1a").id("A1"),
                  claim("lyg-2021/1a").id("A2").approved("2000"),
                  claim("lyg-2021/9c").id("A3"),
                  claim("lyg-2021/5b").id("A4"),
                  claim("lyg-2021/12d")
                      .id("A5")
                      .type(EntityType.AGENCY)
                      .metric(60)
                      .approved("10000"),
                  claim("lyg-2021/12d")
                      .id("A6")
                      .type(EntityType.AGENCY)
                      .metric(60)
                      .approved("150000"),
                  claim("lyg-2021/12d")
                      .id("A7")
                      .type(EntityType.AGENCY)
                      .metric(60)
                      .approved("50000"),
                  claim("lyg-2021/1b").id("A8"),
                  claim("lyg-2021/11b").id("A9").basis("1000").deduction("2000"),
                  claim("lyg-2021/11b").id("A10").basis("10000").deduction("2000"),
                  claim("lyg-2021/11b").id("A11").basis("1000000"),
                  claim("lyg-2021/12b").id("A12").type(EntityType.AGENCY),
                  claim("lyg-2021/12b").id("A13").type(EntityType.AGENCY).entity("A13").metric(10),
                  claim("lyg-2021/12b").id("A14").type(EntityType.AGENCY).entity("A14").metric(200),
                  claim("lyg-2021/12c").id("A15").type(EntityType.AGENCY).entity("A15"),
                  claim("lyg-2021/12c").id("A16").type(EntityType.AGENCY).entity("A16").metric(100),
                  claim("lyg-2021/12c")
                      .id("A17")
                      .type(EntityType.AGENCY)
                      .entity("A17")
                      .metric(100)
                      .metric2(50),
                  claim("lyg-2021/12c")
                      .id("A18")
                      .type(EntityType.AGENCY)
                      .entity("A18")
                      .metric(1300)
                      .metric2(900),
                  claim("lyg-2021/12c")
                      .id("A19")
                      .type(EntityType.AGENCY)
                      .entity("A19")
                      .metric(700)
                      .metric2(300),
                  claim("wx-2020/1a").id("A20"),
                  claim("wx-2020/1a").id("A21").fees("0"),
                  claim("wx-2020/1a")
                      .id("A22")
                      .type(EntityType.INDIVIDUAL)
                      .approved("3000")
                      .fees("4000"),
                  claim("wx-2020/1b").id("A23").type(EntityType.INDIVIDUAL).fees("400"),
                  claim("wx-2020/2a").id("A24").approved("0"),
                  claim("wx-2020/2a").id("A25").approved("400000"),
                  claim("wx-2020/1c").id("A26").metric(6).fees("9000"),
                  claim("wx-2020/1c").id("A27").metric(8).fees("9000").refs("ZL202010000001.X"),
                  claim("lyg-2021/2b").id("A28").type(EntityType.INDIVIDUAL))));
      // steps 6 to 8: caps across claims and runs
      g.add(
          List.of(
              rows(
                  claim("lyg-2021/9b").id("C1").basis("60000"),
                  claim("lyg-2021/9b").id("C2").basis("60000"),
                  claim("lyg-2021/9b").id("C3").basis("60000"),
                  claim("wx-2020/11b").id("C4").approved("300000").refs("PJ-1"),
                  claim("wx-2020/8a").id("C5").approved("15000000").refs("PJ-8")),
              rows(
                  claim("lyg-2021/9b").id("C6").basis("60000"),
                  claim("wx-2020/11b").id("C7").approved("300000").refs("PJ-2"),
                  claim("wx-2020/11b").id("C8").approved("300000").refs("PJ-3"),
                  claim("wx-2020/8a").id("C9").approved("15000000").refs("pj-8"))));
      return g;
    }

    /** A row with {@code count} cell problems; {@code claim} null when none could be read. */
    private static ClaimRow problems(int index, Claim claim, int count) {
      List<CellProblem> ps = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ps.add(
            new CellProblem(
                "Sheet1", index + 3, "计算基数 (J)", "1.2." + i, Bilingual.of("金额格式有误", "bad money")));
      }
      return new ClaimRow(index, new SourceLocation("claims.xlsx", "Sheet1", index + 3), claim, ps);
    }
  }
}
