package cn.ipsubsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The parse thread: rows reach it in order across batches, its first failure is thrown on the
 * reader's thread as the same object and no row after it is parsed, and it never outlives the read.
 */
class ParsingStageTest {
  /** More rows than the batches that may wait hold, so the reader waits for room too. */
  private static final int ROWS = ParsingStage.BATCH_ROWS * (ParsingStage.BATCHES + 3) + 17;

  /** What the parse thread was given: row numbers, the cell each carried, the thread. */
  private static final class Seen implements ParsingStage.Rows {
    final List<Integer> rows = new ArrayList<>();
    final List<String> cells = new ArrayList<>();
    volatile Thread thread;
    int failAt = -1;
    Throwable failure;

    @Override
    public void row(int rowNumber, Map<Integer, RawCell> cells) {
      thread = Thread.currentThread();
      rows.add(rowNumber);
      this.cells.add(cells.get(0).text());
      if (rowNumber == failAt) {
        sneaky(failure);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneaky(Throwable t) throws T {
    throw (T) t;
  }

  private static Map<Integer, RawCell> cells(int row) {
    return Map.of(0, RawCell.text("C" + row));
  }

  private static List<Integer> oneTo(int last) {
    return IntStream.rangeClosed(1, last).boxed().toList();
  }

  /** A stage given rows 1 to {@link #ROWS}, not yet finished. */
  private static ParsingStage startedWithAllRows(Seen seen) {
    ParsingStage stage = ParsingStage.start(seen);
    for (int r = 1; r <= ROWS; r++) {
      stage.add(r, cells(r));
    }
    return stage;
  }

  @Test
  void everyRowIsParsedInOrderOnTheParseThreadWhichHasEndedAfterFinish() {
    Seen seen = new Seen();
    ParsingStage stage = startedWithAllRows(seen);
    stage.finish();
    assertThat(seen.rows).isEqualTo(oneTo(ROWS));
    assertThat(seen.cells.get(ROWS - 1)).isEqualTo("C" + ROWS);
    assertThat(seen.thread.getName()).isEqualTo(ParsingStage.THREAD);
    assertThat(seen.thread.isDaemon()).isTrue();
    assertThat(seen.thread.isAlive()).isFalse();
    assertThatThrownBy(() -> stage.add(ROWS + 1, cells(ROWS + 1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRowsFailureStopsTheReaderWithTheSameObjectAndNoLaterRowIsParsed() {
    Seen seen = new Seen();
    seen.failAt = ParsingStage.BATCH_ROWS * 2 + 188;
    seen.failure = new IllegalArgumentException("row " + seen.failAt);
    ParsingStage stage = ParsingStage.start(seen);
    int added = 0;
    Throwable thrown = null;
    // more rows than the hand-over holds after the failing batch (BATCHES waiting, one being
    // filled): the reader must meet the failure however late the parse thread runs
    int offered = ParsingStage.BATCH_ROWS * (ParsingStage.BATCHES + 8);
    try {
      for (int r = 1; r <= offered; r++) {
        stage.add(r, cells(r));
        added = r;
      }
    } catch (IllegalArgumentException e) {
      thrown = e;
    }
    // the reader is stopped, at the latest when the batches that may wait are full
    assertThat(thrown).isSameAs(seen.failure);
    assertThat(added).isLessThan(ParsingStage.BATCH_ROWS * (ParsingStage.BATCHES + 4));
    assertThat(seen.rows).isEqualTo(oneTo(seen.failAt));
    assertThatThrownBy(stage::finish).isSameAs(seen.failure);
    assertThat(seen.thread.isAlive()).isFalse();
  }

  @Test
  void finishParsesTheRowsNotYetHandedOverAndThrowsTheirFailure() {
    Seen seen = new Seen();
    seen.failAt = 7;
    seen.failure = new StackOverflowError("row 7");
    ParsingStage stage = ParsingStage.start(seen);
    for (int r = 1; r <= 10; r++) {
      stage.add(r, cells(r)); // fewer than a batch: nothing is handed over yet
    }
    assertThat(seen.rows).isEmpty();
    assertThatThrownBy(stage::finish).isSameAs(seen.failure);
    assertThat(seen.rows).isEqualTo(oneTo(7));
    assertThat(seen.thread.isAlive()).isFalse();
  }

  @Test
  void aCheckedExceptionOfARowIsThrownAsItIs() {
    Seen seen = new Seen();
    seen.failAt = 1;
    seen.failure = new java.io.IOException("disk full");
    ParsingStage stage = ParsingStage.start(seen);
    stage.add(1, cells(1));
    assertThatThrownBy(stage::finish).isSameAs(seen.failure);
  }

  @Test
  void closeDropsTheRowsNotYetParsedAndWaitsForTheThread() {
    Seen seen = new Seen();
    ParsingStage stage = startedWithAllRows(seen);
    stage.close();
    assertThat(seen.thread)
        .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t.isAlive()).isFalse());
    assertThat(seen.rows).isEqualTo(oneTo(seen.rows.size()));
    assertThat(seen.rows.size()).isLessThan(ROWS);
  }
}
