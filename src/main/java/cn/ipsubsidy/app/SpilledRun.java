package cn.ipsubsidy.app;

import cn.ipsubsidy.app.spill.LineSpill;
import cn.ipsubsidy.app.spill.RowSpill;
import cn.ipsubsidy.claims.ClaimsFiles;
import cn.ipsubsidy.claims.ReadResult;
import cn.ipsubsidy.domain.ClaimRow;
import cn.ipsubsidy.domain.Handoff;
import cn.ipsubsidy.engine.CapUsage;
import cn.ipsubsidy.engine.LineSink;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.PriorPayouts;
import cn.ipsubsidy.engine.RowSource;
import cn.ipsubsidy.engine.RunResult;
import cn.ipsubsidy.engine.SubsidyEngine;
import cn.ipsubsidy.policy.PolicyRegistry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run of any size, read and computed through temporary files: {@link #read} appends each row of
 * the claims file to a row spill as it is read, {@link #compute} feeds the engine in processing
 * order and appends each line to a line spill, whose lines {@link RunResult#lines()} then reads
 * back in input order (for the writers, and for posting to the ledger in batches). Memory holds a
 * few longs a row, the caps' running totals and the exactly-once keys. {@link #close()} deletes the
 * files; after it the result's lines cannot be read.
 */
public final class SpilledRun implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SpilledRun.class);

  private final RowSpill rows = new RowSpill();
  private final PolicyRegistry registry;
  private final Progress progress;
  private ReadResult read;
  private LineSpill lines;

  private SpilledRun(PolicyRegistry registry, Progress progress) {
    this.registry = registry;
    this.progress = progress;
  }

  /** Reads the claims file into a row spill (see {@link ClaimsFiles#read}). */
  public static SpilledRun read(
      Path claims, String sheet, PolicyRegistry registry, Progress progress) {
    SpilledRun run = new SpilledRun(registry, progress);
    boolean ok = false;
    try {
      long started = System.nanoTime();
      progress.phase("读取 reading", -1);
      long[] n = {0};
      // The sink runs on ClaimsFiles' parse thread, one row at a time, and its last call happens
      // before read returns: the spill, the count and the progress line (whose phase was set
      // above, before that thread started) are used by one thread at a time, so neither needs
      // to be thread-safe.
      run.read =
          ClaimsFiles.read(
              claims,
              sheet,
              row -> {
                run.rows.append(row);
                progress.advance(++n[0]);
              });
      log.info(
          "{} rows read in {} ms ({} MB spilled)",
          run.rows.size(),
          (System.nanoTime() - started) / 1_000_000,
          run.rows.bytes() >> 20);
      ok = true;
      return run;
    } finally {
      if (!ok) {
        run.close();
      }
    }
  }

  /** What the reader found besides the rows. */
  public ReadResult readResult() {
    return read;
  }

  /** The latest event date read, or null when no row had one. */
  public LocalDate latestEventDate() {
    return rows.latestEventDate();
  }

  /**
   * Computes the rows read, once; the result's lines stay on disk until {@link #close()}.
   *
   * @param prior what earlier runs paid (the ledger), or {@link PriorPayouts#NONE}
   */
  public RunResult compute(SubsidyEngine.Options options, PriorPayouts prior) {
    return compute(options, prior, line -> {});
  }

  /**
   * As {@link #compute(SubsidyEngine.Options, PriorPayouts)}, also handing each line to {@code
   * alsoTo} as it is computed (in processing order), e.g. to sum totals without reading the lines
   * again.
   */
  public RunResult compute(SubsidyEngine.Options options, PriorPayouts prior, LineSink alsoTo) {
    if (lines != null) {
      throw new IllegalStateException("already computed");
    }
    long started = System.nanoTime();
    lines = new LineSpill(registry, rows.size());
    progress.phase("计算 computing", rows.size());
    long[] n = {0};
    RowSource spilled = rows.inProcessingOrder();
    SubsidyEngine engine = new SubsidyEngine(registry);
    AtomicReference<List<CapUsage>> caps = new AtomicReference<>();
    // Three threads, one pass: the rows are read back from their spill and decoded on one, the
    // engine computes on another, and this one encodes and spills the lines (and keeps the
    // totals and the progress line). On one thread this was the only long stretch of a large run
    // with a core idle. The engine still sees the rows in processing order and hands its lines
    // out in that order; its row lookups (to name an earlier duplicate) stay on its thread.
    try (Handoff<ClaimRow> decoded = Handoff.start("ipsubsidy-rows", out -> spilled.forEach(out));
        Handoff<PayoutLine> computed =
            Handoff.start(
                "ipsubsidy-engine",
                out ->
                    caps.set(
                        engine.calculate(
                            rowsFrom(spilled, decoded), options, prior, out::accept)))) {
      computed.forEach(
          line -> {
            lines.accept(line);
            alsoTo.accept(line);
            progress.advance(++n[0]);
          });
    }
    rows.close();
    log.info(
        "{} rows computed in {} ms ({} MB of lines spilled)",
        rows.size(),
        (System.nanoTime() - started) / 1_000_000,
        lines.bytes() >> 20);
    return new RunResult(options.period(), lines.lines(), caps.get());
  }

  /** The spilled rows, their lookups read there, their pass taken from the decoding thread. */
  private static RowSource rowsFrom(RowSource spilled, Handoff<ClaimRow> decoded) {
    return new RowSource() {
      @Override
      public int size() {
        return spilled.size();
      }

      @Override
      public ClaimRow row(int inputIndex) {
        return spilled.row(inputIndex);
      }

      @Override
      public Iterator<ClaimRow> iterator() {
        return decoded.iterator();
      }
    };
  }

  /** Deletes the temporary files. */
  @Override
  public void close() {
    rows.close();
    if (lines != null) {
      lines.close();
    }
  }
}
