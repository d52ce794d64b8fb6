package cn.ipsubsidy.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.RunResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 汇总's totals summed line by line in processing order (as the engine hands them out) equal the
 * totals of a pass over the lines in input order: clauses, districts in input order, sheet sizes.
 */
class WorkbookTotalsTest {
  @Test
  void totalsSummedInAnyOrderEqualTotalsInInputOrder() {
    RunResult result = Fixtures.result();
    List<PayoutLine> shuffled = new ArrayList<>(result.lines());
    Collections.reverse(shuffled);
    Collections.swap(shuffled, 0, shuffled.size() / 2);
    WorkbookTotals sums = new WorkbookTotals();
    shuffled.forEach(sums::accept);

    PayoutTotals inOrder = new PayoutTotals(result);
    PayoutTotals anyOrder = new PayoutTotals(sums);
    assertThat(anyOrder.byClause).isEqualTo(inOrder.byClause);
    assertThat(anyOrder.byDistrict).isEqualTo(inOrder.byDistrict);
    assertThat(anyOrder.byDistrict).hasSizeGreaterThan(1);
    assertThat(anyOrder.amount).isEqualTo(inOrder.amount);
    assertThat(anyOrder.cityShare).isEqualTo(inOrder.cityShare);
    assertThat(anyOrder.districtShare).isEqualTo(inOrder.districtShare);
    assertThat(anyOrder.count).isEqualTo(inOrder.count);
    assertThat(anyOrder.paidCount).isEqualTo(inOrder.paidCount);
    assertThat(anyOrder.auditRows).isEqualTo(inOrder.auditRows);
    assertThat(anyOrder.problemRows).isEqualTo(inOrder.problemRows);
  }
}
