package cn.ipsubsidy.app;

import cn.ipsubsidy.engine.LineTotals;
import cn.ipsubsidy.engine.PayoutLine;
import cn.ipsubsidy.engine.StoredLines;
import java.util.AbstractList;
import java.util.Iterator;

/** Stored lines whose iterators tell {@link Progress} how many lines they have read. */
final class CountedLines extends AbstractList<PayoutLine> implements StoredLines {
  private final StoredLines lines;
  private final Progress progress;
  private long done;

  CountedLines(StoredLines lines, Progress progress) {
    this.lines = lines;
    this.progress = progress;
  }

  @Override
  public LineTotals totals() {
    return lines.totals();
  }

  @Override
  public PayoutLine get(int index) {
    return lines.get(index);
  }

  @Override
  public int size() {
    return lines.size();
  }

  @Override
  public Iterator<PayoutLine> iterator() {
    Iterator<PayoutLine> it = lines.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public PayoutLine next() {
        PayoutLine line = it.next();
        progress.advance(++done);
        return line;
      }
    };
  }
}
