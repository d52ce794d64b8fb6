package cn.ipsubsidy.app;

import cn.ipsubsidy.claims.EntityIds;
import cn.ipsubsidy.claims.PersonalIds;
import cn.ipsubsidy.domain.Claim;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Money;
import cn.ipsubsidy.domain.Period;
import cn.ipsubsidy.ledger.Ledger;
import cn.ipsubsidy.ledger.LedgerEntry;
import cn.ipsubsidy.ledger.RunDetail;
import cn.ipsubsidy.ledger.RunRecord;
import cn.ipsubsidy.ledger.StoredDocument;
import cn.ipsubsidy.policy.ClauseCode;
import cn.ipsubsidy.policy.Jurisdiction;
import cn.ipsubsidy.policy.LocalRules;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.policy.PolicyLoader;
import cn.ipsubsidy.policy.PolicyRegistry;
import cn.ipsubsidy.report.NoticeWorkbookWriter;
import cn.ipsubsidy.report.NoticeWorkbookWriter.Award;
import cn.ipsubsidy.report.NoticeWorkbookWriter.Document;
import cn.ipsubsidy.report.NoticeWorkbookWriter.Notice;
import cn.ipsubsidy.report.OutputFiles;
import cn.ipsubsidy.report.PayoutWorkbookWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * {@code notice}: the public notice (公示名单) of a run's proposed awards, from a posted run or from a
 * payout workbook ({@code calc --dry-run}). Lists every claim paid more than 0.00, whatever its
 * status, by district and clause; leaves out codes, ID numbers and claim ids; masks individuals'
 * names (张三 → 张*) unless the local rules say {@code notice: mask_individual_names: false}.
 *
 * <p>The rules are the run's own: for a posted run the rules document stored with it, for a payout
 * workbook the file given with {@code --rules}, which must be the one the workbook names (汇总, 本地规则,
 * by SHA-256). They give the office; without rules it is the policies' issuer.
 */
public final class NoticeJob {
  /** The notice period, both dates or neither (null: left blank to fill in by hand). */
  public record Dates(LocalDate from, LocalDate to) {
    public static final Dates BLANK = new Dates(null, null);
  }

  /**
   * What was written.
   *
   * @param individuals awards to individuals, named masked when {@code masked}
   */
  public record Outcome(
      String runId,
      Period period,
      Path workbook,
      int awards,
      BigDecimal total,
      int individuals,
      boolean masked) {}

  /** A claim with money proposed, before it is put in order and its name masked. */
  private record Proposed(
      String district,
      String entityName,
      boolean individual,
      String clauseCode,
      String clauseName,
      BigDecimal amount) {}

  /** Where the awards came from: the run, its policies and rules (null: none), its claims. */
  private record Source(
      String runId,
      Period period,
      PolicyRegistry policies,
      LocalRules rules,
      List<Proposed> claims) {}

  /** The notice of a posted run; a replaced run ({@code calc --replace}) is refused. */
  public Outcome fromRun(String runId, String ledgerUrl, Path out, boolean force, Dates dates)
      throws IOException {
    Source source;
    try (Ledger ledger = PostedClaims.open(ledgerUrl)) {
      RunDetail detail = PostedClaims.show(ledger, runId);
      RunRecord run = detail.run();
      if (run.replacedBy() != null) {
        throw new UsageException(
            "运行 "
                + runId
                + " 已被运行 "
                + run.replacedBy()
                + " 替换（calc --replace），请公示运行 "
                + run.replacedBy(),
            "run "
                + runId
                + " was replaced by run "
                + run.replacedBy()
                + " (calc --replace); publish run "
                + run.replacedBy()
                + " instead");
      }
      StoredDocument rules = PostedClaims.rules(detail);
      List<Proposed> claims = new ArrayList<>();
      for (LedgerEntry e : detail.payouts()) {
        Claim c = e.claim();
        if (c != null && Money.isPositive(e.paid())) {
          claims.add(
              new Proposed(
                  c.district(),
                  c.entityName(),
                  isIndividual(c.entityType(), c.entityId()),
                  e.clauseCode(),
                  e.clauseName(),
                  e.paid()));
        }
      }
      source =
          new Source(
              run.runId(),
              run.period(),
              PostedClaims.policies(detail.documents(), new HashMap<>()),
              rules == null ? null : LocalRules.parse(rules.name(), rules.text()),
              claims);
    }
    return write(source, out != null ? out : Path.of(runId + "-notice.xlsx"), force, dates);
  }

  /**
   * The notice of a payout workbook (a dry run's, or any other): its 汇总 gives the run id, the
   * period and the rules file it was computed under, 明细 the claims.
   */
  public Outcome fromPayout(Path workbook, Path rulesFile, Path out, boolean force, Dates dates)
      throws IOException {
    Source source;
    try (Workbook wb = PayoutSheets.open(workbook)) {
      DataFormatter f = new DataFormatter(Locale.ROOT); // 核发金额 as 20,000.00 in any locale
      Map<String, List<List<String>>> facts = PayoutSheets.facts(wb, f);
      String runId = fact(facts, "运行编号", workbook);
      Period period =
          Period.parse(fact(facts, "期间", workbook))
              .orElseThrow(() -> notAPayoutWorkbook(workbook, "期间"));
      if (wb.getSheet(PayoutWorkbookWriter.DETAIL) == null) {
        throw notAPayoutWorkbook(workbook, PayoutWorkbookWriter.DETAIL);
      }
      List<Proposed> claims = new ArrayList<>();
      for (Map<String, String> row : PayoutSheets.table(wb, PayoutWorkbookWriter.DETAIL, f)) {
        BigDecimal paid = amount(row.get("核发金额"));
        if (paid != null && Money.isPositive(paid)) {
          claims.add(
              new Proposed(
                  row.get("所属地区"),
                  row.get("主体名称"),
                  isIndividual(null, row.get("主体代码")),
                  row.get("条款"),
                  row.get("条款名称"),
                  paid));
        }
      }
      LocalRules rules = rulesOf(workbook, facts, rulesFile);
      source = new Source(runId, period, PolicyLoader.bundled(), rules, claims);
    }
    return write(source, out != null ? out : besideWorkbook(workbook), force, dates);
  }

  /**
   * Whether a claim is an individual's: 主体类型 个人, or (when the type is unknown, as in a payout
   * workbook, or set otherwise) a 主体代码 that reads as a resident ID number. Erring this way masks an
   * organisation rather than publish a person's name.
   */
  static boolean isIndividual(EntityType type, String entityId) {
    if (type == EntityType.INDIVIDUAL) {
      return true;
    }
    return entityId != null
        && !entityId.isBlank()
        && EntityIds.residentIdProblem(EntityIds.normalise(entityId)).isEmpty();
  }

  /** An individual's name as published: the first character, then a * for each other one. */
  public static String maskName(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    String s = name.strip();
    int first = s.codePointAt(0);
    return new String(Character.toChars(first)) + "*".repeat(s.codePointCount(0, s.length()) - 1);
  }

  private Outcome write(Source s, Path target, boolean force, Dates dates) throws IOException {
    boolean mask = s.rules() == null || s.rules().maskIndividualNames();
    List<Proposed> ordered = new ArrayList<>(s.claims());
    ordered.sort(order(s.policies(), ordered));
    List<Award> awards = new ArrayList<>();
    int individuals = 0;
    for (Proposed p : ordered) {
      individuals += p.individual() ? 1 : 0;
      String name = p.individual() && mask ? maskName(p.entityName()) : p.entityName();
      awards.add(
          new Award(
              PersonalIds.mask(p.district()),
              PersonalIds.mask(name),
              p.clauseCode(),
              PersonalIds.mask(p.clauseName()),
              p.amount()));
    }
    List<PolicyDocument> cited = cited(s.policies(), ordered);
    Notice notice =
        new Notice(
            s.period(),
            office(s.rules(), cited, s.policies()),
            cited.stream().map(d -> new Document(d.number(), d.title())).toList(),
            dates.from(),
            dates.to(),
            awards);
    OutputFiles.writeAtomically(
        target, force, tmp -> new NoticeWorkbookWriter().write(notice, tmp));
    return new Outcome(
        s.runId(), s.period(), target, awards.size(), notice.total(), individuals, mask);
  }

  /**
   * District in the order the policies' jurisdictions list them (others after, as they come), then
   * clause in catalog order, then as the claims came.
   */
  private static Comparator<Proposed> order(PolicyRegistry policies, List<Proposed> claims) {
    Map<String, Integer> districts = new LinkedHashMap<>();
    for (PolicyDocument d : policies.documents()) {
      Jurisdiction j = d.jurisdiction();
      if (j != null) {
        j.districts().forEach(name -> districts.putIfAbsent(name, districts.size()));
      }
    }
    for (Proposed p : claims) {
      districts.putIfAbsent(Objects.toString(p.district(), ""), districts.size());
    }
    Comparator<Proposed> byDistrict =
        Comparator.comparing(p -> districts.get(Objects.toString(p.district(), "")));
    Comparator<Proposed> byClause =
        Comparator.comparing(
            (Proposed p) -> ClauseCode.parse(Objects.toString(p.clauseCode(), "")).orElse(null),
            Comparator.nullsLast(Comparator.naturalOrder()));
    return byDistrict
        .thenComparing(byClause)
        .thenComparing(p -> Objects.toString(p.clauseCode(), ""));
  }

  /** The documents of the listed awards' clauses, in the registry's order. */
  private static List<PolicyDocument> cited(PolicyRegistry policies, List<Proposed> claims) {
    Set<String> ids = new LinkedHashSet<>();
    for (Proposed p : claims) {
      ClauseCode.parse(Objects.toString(p.clauseCode(), "")).ifPresent(c -> ids.add(c.policyId()));
    }
    return policies.documents().stream().filter(d -> ids.contains(d.id())).toList();
  }

  /**
   * The rules' office; else the cited documents' issuers; else those of all the run's documents.
   */
  private static String office(
      LocalRules rules, List<PolicyDocument> cited, PolicyRegistry policies) {
    if (rules != null) {
      return rules.office();
    }
    List<PolicyDocument> from = cited.isEmpty() ? policies.documents() : cited;
    return String.join(
        "、", new LinkedHashSet<>(from.stream().map(PolicyDocument::issuer).toList()));
  }

  /**
   * The rules a payout workbook was computed under: the file given, when 汇总 names one with the same
   * SHA-256; none when it names none. Anything else is a usage error, as the rules decide the
   * office and the masking.
   */
  private static LocalRules rulesOf(
      Path workbook, Map<String, List<List<String>>> facts, Path rulesFile) {
    List<String> recorded = facts.getOrDefault("本地规则", List.of(List.of())).get(0);
    boolean none = recorded.isEmpty() || recorded.size() < 2 || recorded.get(1).isEmpty();
    if (none) {
      if (rulesFile != null) {
        throw new UsageException(
            "核发明细表 " + workbook + " 未按本地规则计算，不能使用 --rules " + rulesFile,
            "the payout workbook "
                + workbook
                + " was computed without local rules: --rules "
                + rulesFile
                + " does not apply");
      }
      return null;
    }
    String name = recorded.get(0);
    String sha256 = recorded.get(1);
    if (rulesFile == null) {
      throw new UsageException(
          "核发明细表 " + workbook + " 按本地规则 " + name + " 计算；请用 --rules 给出该文件（它决定发布单位和是否隐去个人姓名）",
          "the payout workbook "
              + workbook
              + " was computed under the local rules "
              + name
              + "; name that file with --rules (it gives the office and whether names are masked)");
    }
    PolicySetup.RulesFile rules = PolicySetup.readRules(rulesFile);
    if (!rules.sha256().equals(sha256)) {
      throw new UsageException(
          "本地规则文件 " + rulesFile + " 不是核发明细表所用的 " + name + "（SHA-256 " + sha256 + "）",
          "the local rules file "
              + rulesFile
              + " is not the "
              + name
              + " the payout workbook was computed under (SHA-256 "
              + sha256
              + ")");
    }
    return rules.rules();
  }

  private static String fact(Map<String, List<List<String>>> facts, String label, Path workbook) {
    List<List<String>> rows = facts.get(label);
    if (rows == null || rows.get(0).isEmpty() || rows.get(0).get(0).isBlank()) {
      throw notAPayoutWorkbook(workbook, label);
    }
    return rows.get(0).get(0).strip();
  }

  private static UsageException notAPayoutWorkbook(Path workbook, String missing) {
    return new UsageException(
        workbook + " 不是核发明细表（缺少“" + missing + "”）",
        workbook + " is not a payout workbook (no " + missing + ")");
  }

  /** 核发金额 as 明细 shows it ("20,000.00"); null when empty or not an amount. */
  private static BigDecimal amount(String shown) {
    if (shown == null || shown.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(shown.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** claims-payout.xlsx → claims-notice.xlsx beside it. */
  private static Path besideWorkbook(Path workbook) {
    String name = workbook.getFileName().toString().replaceFirst("(?i)\\.xlsx$", "");
    name = name.replaceFirst("-payout$", "");
    Path dir = workbook.toAbsolutePath().getParent();
    return dir.resolve(name + "-notice.xlsx");
  }
}
