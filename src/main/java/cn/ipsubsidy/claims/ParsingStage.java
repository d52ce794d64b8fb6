package cn.ipsubsidy.claims;

import cn.ipsubsidy.domain.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses the data rows on a second thread, {@value #THREAD}, while the format reader reads on in
 * the caller's: reading a large file is about half XML (or record) parsing and half turning cells
 * into claims, and a two-core machine's second core was idle. The reader {@link #add}s the rows;
 * they cross in batches of {@value #BATCH_ROWS} (one hand-over a batch, not a row) through a {@link
 * RowHandoff} of {@value #BATCHES}, so a few thousand rows at most are held whatever the file's
 * size.
 *
 * <p>It computes and fails as one thread did. The rows reach {@link DataRows} one at a time in
 * input order. The first failure on the parse thread (any {@link Throwable}: a sink's exception, an
 * error) stops it, so no later row reaches the sink, and is thrown on the reader's thread as the
 * same object, by {@link #add} or {@link #finish}: the format reader meets it where it met it when
 * parsing ran inside its own call, and translates it as it did. {@link #finish} waits until every
 * row handed over is parsed, so that when the reader fails (it read on ahead) a row before that
 * point that failed still wins, as it did on one thread.
 */
final class ParsingStage {
  static final String THREAD = "ipsubsidy-parse";

  /** Rows a hand-over carries: the hand-over's cost is paid once for many rows. */
  static final int BATCH_ROWS = 256;

  /** Batches that may wait: enough to smooth out slow rows, few enough to keep memory small. */
  static final int BATCHES = 4;

  /** What the parse thread does with each row, in order: {@link DataRows#row}. */
  interface Rows {
    void row(int rowNumber, Map<Integer, RawCell> cells);
  }

  private record Row(int number, Map<Integer, RawCell> cells) {}

  private final Rows rows;
  private final RowHandoff<List<Row>> handoff = new RowHandoff<>(BATCHES);
  private final Thread thread;
  private List<Row> batch = new ArrayList<>(BATCH_ROWS);
  private boolean ended;

  /** Set by the parse thread before it stops taking; read by the reader after the hand-over. */
  private volatile Throwable failure;

  private ParsingStage(Rows rows) {
    this.rows = rows;
    this.thread = new Thread(this::parse, THREAD);
    // never holds up the JVM's exit; finish and close wait for it anyway
    thread.setDaemon(true);
  }

  /** Starts the parse thread, which waits for the first batch. */
  static ParsingStage start(Rows rows) {
    ParsingStage stage = new ParsingStage(rows);
    stage.thread.start();
    return stage;
  }

  /**
   * The reader: the next data row. The map and its cells belong to the parse thread from now on:
   * the reader must not change them.
   */
  void add(int rowNumber, Map<Integer, RawCell> cells) {
    if (ended) {
      throw new IllegalStateException("row " + rowNumber + " after the last");
    }
    batch.add(new Row(rowNumber, cells));
    if (batch.size() == BATCH_ROWS) {
      List<Row> full = batch;
      batch = new ArrayList<>(BATCH_ROWS);
      if (!handoff.put(full)) {
        throwFailure();
      }
    }
  }

  /**
   * The reader, after its last row or when it fails: hands over the rows not yet handed, waits
   * until the parse thread has parsed them all (or failed), and throws its failure if it failed.
   * Again after the first call, it only throws that failure again.
   */
  void finish() {
    if (!ended) {
      ended = true;
      if (!batch.isEmpty()) {
        handoff.put(batch);
        batch = List.of();
      }
      handoff.end();
      awaitThread();
    }
    if (failure != null) {
      throwFailure();
    }
  }

  /**
   * When reading ends without {@link #finish} (a format reader's defect): the rows not yet parsed
   * are dropped and the parse thread is waited for, so that it never outlives the read.
   */
  void close() {
    if (!ended) {
      ended = true;
      handoff.stopTaking();
      awaitThread();
    }
  }

  /** The parse thread's loop: batch after batch until the reader ends or a row fails. */
  private void parse() {
    try {
      for (List<Row> b = handoff.take(); b != null; b = handoff.take()) {
        for (Row r : b) {
          rows.row(r.number(), r.cells());
        }
      }
    } catch (Throwable t) {
      failure = t;
      handoff.stopTaking();
    }
  }

  /** The parse thread ends on its own, a batch or so after it is stopped: see RowHandoff. */
  private void awaitThread() {
    Threads.joinUninterruptibly(thread);
  }

  /** Throws the parse thread's failure as it is, checked or not, as one thread would have. */
  private void throwFailure() {
    ParsingStage.<RuntimeException>sneaky(failure);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
