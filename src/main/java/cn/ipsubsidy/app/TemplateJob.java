package cn.ipsubsidy.app;

import cn.ipsubsidy.claims.ClaimColumn;
import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Level;
import cn.ipsubsidy.policy.Calculation;
import cn.ipsubsidy.policy.Clause;
import cn.ipsubsidy.policy.PolicyDocument;
import cn.ipsubsidy.report.ClaimsTemplateWriter;
import cn.ipsubsidy.report.ClaimsTemplateWriter.Column;
import cn.ipsubsidy.report.ClaimsTemplateWriter.Kind;
import cn.ipsubsidy.report.OutputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims template of the given policies: the contract's columns ({@link ClaimColumn}) with
 * their notes and kinds, the drop-down values (clause code and name as calc reads them, entity
 * types, the policies' districts, levels), and for each clause the columns it needs.
 */
public final class TemplateJob {

  public void write(String title, List<PolicyDocument> documents, Path target, boolean force)
      throws IOException {
    List<Column> columns = new ArrayList<>();
    for (ClaimColumn c : ClaimColumn.values()) {
      columns.add(new Column(c.zh(), c.en(), c.required(), kind(c), NOTES.get(c)));
    }
    List<String> clauses = new ArrayList<>();
    Set<String> districts = new LinkedHashSet<>();
    for (PolicyDocument d : documents) {
      d.clauses().forEach(c -> clauses.add(ClaimsTemplateWriter.choice(c)));
      districts.addAll(d.jurisdiction().districts());
    }
    Map<String, List<String>> lists = new LinkedHashMap<>();
    lists.put(ClaimColumn.CLAUSE.zh(), clauses);
    lists.put(
        ClaimColumn.ENTITY_TYPE.zh(),
        Arrays.stream(EntityType.values()).map(EntityType::zh).toList());
    lists.put(ClaimColumn.DISTRICT.zh(), List.copyOf(districts));
    lists.put(ClaimColumn.LEVEL.zh(), Arrays.stream(Level.values()).map(Level::zh).toList());
    OutputFiles.writeAtomically(
        target,
        force,
        tmp ->
            new ClaimsTemplateWriter()
                .write(title, columns, lists, documents, TemplateJob::neededColumns, tmp));
  }

  private static Kind kind(ClaimColumn col) {
    return switch (col) {
      case CLAUSE, ENTITY_TYPE, DISTRICT, LEVEL -> Kind.LIST;
      case EVENT_DATE, ESTABLISHED_DATE -> Kind.DATE;
      case BASIS, DEDUCTION, FEES_INCURRED, APPROVED_AMOUNT -> Kind.MONEY;
      case QUANTITY -> Kind.QUANTITY;
      case METRIC, METRIC2 -> Kind.COUNT;
      default -> Kind.TEXT;
    };
  }

  /** The columns each calculation kind reads. */
  private static final Calculation.Cases<List<ClaimColumn>> KIND_COLUMNS =
      new Calculation.Cases<>() {
        @Override
        public List<ClaimColumn> fixed(Calculation.Fixed c) {
          return List.of();
        }

        @Override
        public List<ClaimColumn> fixedByLevel(Calculation.FixedByLevel c) {
          return List.of(ClaimColumn.LEVEL);
        }

        @Override
        public List<ClaimColumn> upTo(Calculation.UpTo c) {
          return List.of(ClaimColumn.APPROVED_AMOUNT);
        }

        @Override
        public List<ClaimColumn> approved(Calculation.Approved c) {
          return List.of(ClaimColumn.APPROVED_AMOUNT);
        }

        @Override
        public List<ClaimColumn> percent(Calculation.Percent c) {
          return List.of(ClaimColumn.BASIS, ClaimColumn.DEDUCTION);
        }

        @Override
        public List<ClaimColumn> stepped(Calculation.Stepped c) {
          return List.of(ClaimColumn.METRIC);
        }

        @Override
        public List<ClaimColumn> tiered(Calculation.Tiered t) {
          return t.tiers().stream().anyMatch(x -> x.metric2Min() != null)
              ? List.of(ClaimColumn.METRIC, ClaimColumn.METRIC2)
              : List.of(ClaimColumn.METRIC);
        }

        @Override
        public List<ClaimColumn> unset(Calculation.Unset u) {
          // an amount the local rules set computes as fixed; else the approved amount is read
          return u.localAmount() == null ? List.of(ClaimColumn.APPROVED_AMOUNT) : List.of();
        }
      };

  /**
   * The columns a claim under this clause fills, beyond the seven every claim needs: what its
   * calculation kind, eligibility and modifiers read.
   */
  public static List<String> neededColumns(Clause c) {
    Set<ClaimColumn> cols = new LinkedHashSet<>();
    for (ClaimColumn col : ClaimColumn.values()) {
      if (col.required()) {
        cols.add(col);
      }
    }
    cols.add(ClaimColumn.QUANTITY);
    cols.addAll(c.calculation().match(KIND_COLUMNS));
    if (c.eligibility().metric() != null) {
      cols.add(ClaimColumn.METRIC);
    }
    if (c.eligibility().metric2() != null) {
      cols.add(ClaimColumn.METRIC2);
    }
    if (c.eligibility().establishedWithinYears() != null) {
      cols.add(ClaimColumn.ESTABLISHED_DATE);
    }
    if (c.modifiers() != null && c.modifiers().feeCeiling()) {
      cols.add(ClaimColumn.FEES_INCURRED);
    }
    if (c.references() != null) {
      cols.add(ClaimColumn.REFERENCE_NO);
    }
    return cols.stream().map(ClaimColumn::zh).toList();
  }

  private static final Map<ClaimColumn, String> NOTES = notes();

  private static Map<ClaimColumn, String> notes() {
    Map<ClaimColumn, String> m = new EnumMap<>(ClaimColumn.class);
    m.put(ClaimColumn.CLAIM_ID, "文件内唯一 unique in the file");
    m.put(
        ClaimColumn.ENTITY_ID,
        "18位统一社会信用代码或身份证号 18-character USCC (organisations) or resident ID (individuals)");
    m.put(ClaimColumn.ENTITY_NAME, "单位或个人名称 name of the organisation or person");
    m.put(ClaimColumn.ENTITY_TYPE, "从列表选择 pick from the list: 企业 enterprise, 个人 individual, …");
    m.put(ClaimColumn.DISTRICT, "从列表选择所属区县 pick the district; selects the city's policy");
    m.put(
        ClaimColumn.CLAUSE,
        "从列表选择条款（代码及名称），各条款所需列见“条款说明” pick the clause; see sheet 条款说明 for what it needs");
    m.put(
        ClaimColumn.EVENT_DATE,
        "授权、认定、判决或支付日期，如 2025-03-01 date of the grant, recognition, judgment or payment");
    m.put(
        ClaimColumn.QUANTITY, "件数、人数、专利年数，默认 1 patents, marks, persons, patent-years (default 1)");
    m.put(ClaimColumn.LEVEL, "国家/省/市，按级别的条款必填 national/provincial/municipal, for clauses by level");
    m.put(
        ClaimColumn.BASIS, "比例类条款：比例所乘的金额（元） for percent clauses: the amount the rate applies to");
    m.put(ClaimColumn.DEDUCTION, "由他方承担的部分（元） part borne by others (yuan)");
    m.put(ClaimColumn.FEES_INCURRED, "实际发生的费用（元），无锡第一条必填 fees actually incurred (wx-2020 art. 1)");
    m.put(ClaimColumn.APPROVED_AMOUNT, "评审核定的金额（元） the amount a review committee approved (yuan)");
    m.put(
        ClaimColumn.METRIC,
        "延伸国数、代理量、注册量、托管企业数、维持年度 designated countries, grants handled, registrations, SMEs served, maintenance year");
    m.put(
        ClaimColumn.METRIC2,
        "发明授权量（12a）；首次获批企业数（12c） invention grants (12a); first-time firms (12c)");
    m.put(ClaimColumn.ESTABLISHED_DATE, "代理机构成立日期（12a） the agency's date of establishment (12a)");
    m.put(
        ClaimColumn.REFERENCE_NO,
        "专利号、注册号、案号、证书号；多个用分号分隔，个数等于数量 patent/registration/case/certificate numbers; several separated by ;");
    m.put(ClaimColumn.NOTE, "备注 note");
    return m;
  }
}
