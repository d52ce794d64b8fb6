package cn.ipsubsidy.claims;

import static cn.ipsubsidy.claims.Fixtures.*;
import static cn.ipsubsidy.testsupport.RawXlsx.textRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.testsupport.RawXlsx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading with the data rows parsed on a second thread ({@link ParsingStage}) gives what reading on
 * one thread gave: the same rows in input order, the same counts, and the same exception, also when
 * the reader fails on a later row after a row had failed on the parse thread.
 */
class ReadingOnTwoThreadsTest {
  @TempDir Path dir;

  /** Rows enough for several batches and for the reader to wait for room. */
  private static final int CLAIMS = ParsingStage.BATCH_ROWS * (ParsingStage.BATCHES + 2) + 33;

  /** Every 100th claim is followed by an empty row, a 合计 row and the header again: skipped. */
  private List<List<Object>> claims() {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row("2025年第四季度申报汇总表"));
    rows.add(header(ZH_HEADERS));
    for (int i = 1; i <= CLAIMS; i++) {
      rows.add(goodRow(id(i)));
      if (i % 100 == 0) {
        rows.add(null);
        rows.add(row("合计"));
        rows.add(header(ZH_HEADERS));
      }
    }
    return rows;
  }

  private static final int SKIPPED = CLAIMS / 100 * 2;

  private static String id(int i) {
    return String.format("C%05d", i);
  }

  private Path file(String format) throws IOException {
    return switch (format) {
      case "xlsx" -> Fixtures.xlsx(dir, "申报.xlsx", claims());
      case "xls" -> Fixtures.xls(dir, "申报.xls", claims());
      default -> csvFile(dir, "申报.csv", csv(claims(), ','), StandardCharsets.UTF_8, true);
    };
  }

  /** What the sink was given, and on which thread. */
  private static final class Sink implements Consumer<ClaimRow> {
    final List<ClaimRow> rows = new ArrayList<>();
    final List<String> threads = new ArrayList<>();
    volatile Thread last;
    int failAt = -1;
    RuntimeException failure;
    Error error;

    @Override
    public void accept(ClaimRow row) {
      last = Thread.currentThread();
      threads.add(last.getName());
      rows.add(row);
      if (row.inputIndex() == failAt) {
        if (error != null) {
          throw error;
        }
        throw failure;
      }
    }

    List<String> ids() {
      return rows.stream().map(r -> r.claim().claimId()).toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls", "csv"})
  void theRowsComeInInputOrderFromTheParseThreadAndEndsWithIt(String format) throws IOException {
    Sink sink = new Sink();
    ReadResult read = ClaimsFiles.read(file(format), null, sink);
    assertThat(read.dataRows()).isEqualTo(CLAIMS);
    assertThat(read.skippedRows()).isEqualTo(SKIPPED);
    assertThat(read.headerRow()).isEqualTo(2);
    assertThat(sink.ids())
        .isEqualTo(IntStream.rangeClosed(1, CLAIMS).mapToObj(i -> id(i)).toList());
    for (int i = 0; i < CLAIMS; i++) {
      ClaimRow r = sink.rows.get(i);
      assertThat(r.inputIndex()).isEqualTo(i);
      // the header is row 2; every 100 claims three skipped rows (one empty) follow
      assertThat(r.location().row()).isEqualTo(3 + i + i / 100 * 3);
      assertThat(r.problems()).isEmpty();
    }
    assertThat(sink.threads).containsOnly(ParsingStage.THREAD);
    assertThat(sink.last.isAlive()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls", "csv"})
  void theSinksExceptionPropagatesUnchangedAndNoLaterRowReachesIt(String format)
      throws IOException {
    Sink sink = new Sink();
    sink.failAt = ParsingStage.BATCH_ROWS * 2 + 5;
    sink.failure = new IllegalStateException("spill full");
    Path file = file(format);
    assertThatThrownBy(() -> ClaimsFiles.read(file, null, sink)).isSameAs(sink.failure);
    assertThat(sink.ids())
        .isEqualTo(IntStream.rangeClosed(1, sink.failAt + 1).mapToObj(i -> id(i)).toList());
    assertThat(sink.last.isAlive()).isFalse();
  }

  /** Reads {@code file} into a sink that fails at input index {@code index}: that is thrown. */
  private static Sink failsOnTheSinkAt(Path file, int index) {
    Sink sink = new Sink();
    sink.failAt = index;
    sink.failure = new IllegalStateException("spill full");
    assertThatThrownBy(() -> ClaimsFiles.read(file, null, sink)).isSameAs(sink.failure);
    return sink;
  }

  /** Rows 2 to 11 under the header, then a row number no Excel sheet has: the reader fails. */
  private Path xlsxFailingAfterRow11() throws IOException {
    StringBuilder rows = new StringBuilder(textRow(1, HostileFilesTest.HEADER));
    for (int r = 2; r <= 11; r++) {
      rows.append(HostileFilesTest.good(r, id(r)));
    }
    rows.append(HostileFilesTest.good(1_048_577, "beyond"));
    return RawXlsx.workbook().sheet("Sheet1", rows.toString()).write(dir.resolve("beyond.xlsx"));
  }

  /**
   * Fewer rows than a batch: none has crossed when the reader fails, so the row's failure is found
   * only after the reader's; it came first, and it is what one thread threw.
   */
  @Test
  void aRowsFailureWinsOverTheReadersFailureOnALaterRow() throws IOException {
    Path file = xlsxFailingAfterRow11();
    assertThatThrownBy(() -> ClaimsFiles.readAll(file, null))
        .isInstanceOf(ClaimsFileException.class)
        .hasMessageContaining("row number 1048577 is outside an Excel worksheet");
    Sink sink = failsOnTheSinkAt(file, 4);
    assertThat(sink.rows).hasSize(5);
    assertThat(sink.last.isAlive()).isFalse();
  }

  @Test
  void aCsvRowsFailureWinsOverUnbalancedQuotesOnALaterLine() throws IOException {
    String text = csv(rows(header(ZH_HEADERS), goodRow("A"), goodRow("B"), goodRow("C")), ',');
    Path file =
        csvFile(dir, "申报.csv", text + "\"D,never closed\r\n", StandardCharsets.UTF_8, false);
    assertThatThrownBy(() -> ClaimsFiles.readAll(file, null))
        .isInstanceOf(ClaimsFileException.class)
        .hasMessageContaining("malformed CSV");
    Sink sink = failsOnTheSinkAt(file, 1);
    assertThat(sink.ids()).containsExactly("A", "B");
  }

  /**
   * What the format reader makes of a row's failure is unchanged too: the .xlsx reader takes a
   * LinkageError for a zip part's missing decoder, however it came, and says so.
   */
  @Test
  void aRowsErrorMeetsTheFormatReadersCatchClausesAsBefore() throws IOException {
    Path file = xlsxFailingAfterRow11();
    Sink sink = new Sink();
    sink.failAt = 2;
    sink.error = new NoClassDefFoundError("com/github/luben/zstd/ZstdInputStream");
    assertThatThrownBy(() -> ClaimsFiles.read(file, null, sink))
        .isInstanceOf(ClaimsFileException.class)
        .hasCause(sink.error)
        .hasMessageContaining("compression method Excel never writes");
    sink.error = new AssertionError("a test's check");
    sink.rows.clear();
    assertThatThrownBy(() -> ClaimsFiles.read(file, null, sink)).isSameAs(sink.error);
  }

  /**
   * XML Excel never writes, but well-formed: a row inside a row, with a cell after the inner row's
   * end. The inner row is read as it was when it was read, the outer one (ending last, with the
   * inner row's number) with the cell too, as on one thread.
   */
  @Test
  void aCellAfterARowWasHandedOverDoesNotChangeThatRow() throws IOException {
    String[] inner = HostileFilesTest.good7("A2");
    String xml =
        textRow(1, HostileFilesTest.HEADER)
            + "<row r=\"2\">"
            + textRow(3, inner)
            + RawXlsx.text("C3", "后来的名称")
            + "</row>";
    Path file = RawXlsx.workbook().sheet("Sheet1", xml).write(dir.resolve("nested.xlsx"));
    List<ClaimRow> rows = ClaimsFiles.readAll(file, null);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).location().row()).isEqualTo(3);
    assertThat(rows.get(0).claim().claimant().entityName()).isEqualTo(inner[2]);
    assertThat(rows.get(0).problems()).isEmpty();
    assertThat(rows.get(1).location().row()).isEqualTo(3);
    assertThat(rows.get(1).claim().claimant().entityName()).isEqualTo("后来的名称");
    assertThat(rows.get(1).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason().en()).contains("duplicate claim id"));
  }

  @Test
  void anInterruptedCallerGetsTheSameRowsAndKeepsItsInterruptStatus() throws IOException {
    Path file = file("xlsx");
    Thread.currentThread().interrupt();
    List<ClaimRow> rows;
    try {
      rows = ClaimsFiles.readAll(file, null);
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
    assertThat(rows).hasSize(CLAIMS);
    assertThat(rows.get(CLAIMS - 1).claim().claimId()).isEqualTo(id(CLAIMS));
  }
}
