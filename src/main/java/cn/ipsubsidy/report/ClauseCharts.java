package cn.ipsubsidy.report;

import java.util.List;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;

/** The column chart of amounts per clause, drawn alike in 汇总 and in the what-if workbook. */
final class ClauseCharts {
  /**
   * Bar colours, one per series in order (Office's blue and orange). Given explicitly: a series
   * without a fill is coloured by Excel from its theme, but LibreOffice draws it transparent, so
   * the chart would print with axes and no bars.
   */
  static final List<byte[]> COLOURS =
      List.of(new byte[] {0x44, 0x72, (byte) 0xC4}, new byte[] {(byte) 0xED, 0x7D, 0x31});

  private ClauseCharts() {}

  /** Fills the {@code index}-th series of a chart with its colour of {@link #COLOURS}. */
  static void colour(XDDFChartData.Series series, int index) {
    series.setFillProperties(
        new XDDFSolidFillProperties(XDDFColor.from(COLOURS.get(index % COLOURS.size()))));
  }

  /** Titles the chart, sets up its clause and amount axes; the caller adds series and plots. */
  static XDDFBarChartData clauseBars(XSSFChart chart, String title) {
    chart.setTitleText(title);
    // a white chart area, as Excel draws by default: LibreOffice leaves it transparent, so that
    // printed gridlines run through the chart
    new XDDFShapeProperties(chart.getCTChartSpace().addNewSpPr())
        .setFillProperties(
            new XDDFSolidFillProperties(XDDFColor.from(new byte[] {-1, -1, -1}))); // FFFFFF
    chart.setTitleOverlay(false);
    XDDFCategoryAxis clauses = chart.createCategoryAxis(AxisPosition.BOTTOM);
    clauses.setTitle("条款 clause");
    // upright and smaller, so that every clause gets its label (slanted at 10 points LibreOffice
    // leaves out every other one)
    clauses.getOrAddTextProperties().setFontSize(8.0);
    chart.getCTChart().getPlotArea().getCatAxArray(0).getTxPr().getBodyPr().setRot(-5_400_000);
    XDDFValueAxis amounts = chart.createValueAxis(AxisPosition.LEFT);
    amounts.setTitle("核发金额 (元)");
    amounts.setCrosses(AxisCrosses.AUTO_ZERO);
    amounts.setCrossBetween(AxisCrossBetween.BETWEEN);
    amounts.setNumberFormat("#,##0");
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, clauses, amounts);
    data.setBarDirection(BarDirection.COL);
    data.setVaryColors(false);
    return data;
  }
}
