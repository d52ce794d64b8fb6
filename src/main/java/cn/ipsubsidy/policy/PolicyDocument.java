package cn.ipsubsidy.policy;

import cn.ipsubsidy.domain.Bilingual;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A registered policy document.
 *
 * @param id short id used in clause codes, e.g. lyg-2021
 * @param number 文号, e.g. 连政发〔2021〕79号
 * @param inForceTo last day in force, or null when open-ended
 * @param overlapRule how the document relates to others ("此前…不一致的，按照本文件执行")
 * @param sourceText the file under shared/policies the quotes come from
 * @param fileName the policy data file, e.g. lyg-2021.yaml
 * @param sha256 SHA-256 of the policy data file, recorded with every run
 */
public record PolicyDocument(
    String id,
    String number,
    String title,
    String issuer,
    LocalDate issued,
    LocalDate inForceFrom,
    LocalDate inForceTo,
    Jurisdiction jurisdiction,
    String overlapRule,
    String sourceText,
    List<Reading> readings,
    List<Clause> clauses,
    String fileName,
    String sha256) {
  public PolicyDocument {
    readings = List.copyOf(readings);
    clauses = List.copyOf(clauses);
  }

  public boolean inForceOn(LocalDate date) {
    return !date.isBefore(inForceFrom) && (inForceTo == null || !date.isAfter(inForceTo));
  }

  public Optional<Clause> clause(String local) {
    return clauses.stream().filter(c -> c.code().local().equals(local)).findFirst();
  }

  /** Whether any clause computes an amount without local rules (lyg-2016 and lyg-2024: none). */
  public boolean setsAmounts() {
    return clauses.stream().anyMatch(c -> !(c.calculation() instanceof Calculation.Unset));
  }

  /** 现行有效 / 尚未施行 / 已失效 on the given day. */
  public Bilingual status(LocalDate today) {
    if (today.isBefore(inForceFrom)) {
      return Bilingual.of("尚未施行", "not yet in force");
    }
    if (inForceTo != null && today.isAfter(inForceTo)) {
      return Bilingual.of("已失效", "expired");
    }
    return Bilingual.of("现行有效", "in force");
  }

  /** "连政发〔2021〕79号 第二条": the citation shown in 依据. */
  public String cite(Clause clause) {
    return number + " " + clause.article();
  }
}
