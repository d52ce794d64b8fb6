package cn.ipsubsidy.report;

import cn.ipsubsidy.engine.LineSink;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.policy.ClauseCode;
import java.util.HashMap;
import java.util.Map;

/**
 * The figures of 汇总 (per clause, per district, in all) and the sizes of 审计 and 问题, summed line by
 * line in any order: hand it each line as the engine computes it, then to {@link
 * PayoutWorkbookWriter#write(cn.ipsubsidy.engine.RunResult, RunFacts, WorkbookTotals,
 * java.nio.file.Path)}, and writing a large run reads its lines from disk once instead of twice.
 * Memory: one entry per clause and per district.
 */
public final class WorkbookTotals implements LineSink {
  final Map<ClauseCode, PayoutTotals.Acc> clauses = new HashMap<>();
  final PayoutTotals.Acc noClause = new PayoutTotals.Acc();
  final Map<String, PayoutTotals.Acc> districts = new HashMap<>();
  final PayoutTotals.Acc all = new PayoutTotals.Acc();
  long auditRows;
  long problemRows;

  @Override
  public void accept(PayoutLine line) {
    long seen = all.count;
    auditRows += line.trace().size();
    problemRows += PayoutWorkbookWriter.problemRows(line);
    PayoutTotals.Acc clause =
        line.clause() == null
            ? noClause
            : clauses.computeIfAbsent(line.clause().code(), k -> new PayoutTotals.Acc());
    if (clause.name == null && line.clause() != null) {
      clause.name = line.clause().name();
    }
    clause.add(line, seen);
    districts
        .computeIfAbsent(PayoutTotals.district(line), k -> new PayoutTotals.Acc())
        .add(line, seen);
    all.add(line, seen);
  }

  /** How many lines were summed. */
  public long lines() {
    return all.count;
  }
}
