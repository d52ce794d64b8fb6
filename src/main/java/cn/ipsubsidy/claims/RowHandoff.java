package cn.ipsubsidy.claims;

import java.util.ArrayDeque;

/**
 * The bounded hand-over of batches from the thread that reads the file to the thread that parses
 * its rows ({@link ParsingStage}). At most {@code capacity} batches wait: a reader faster than the
 * parsing blocks instead of filling memory, so a million-row file still reads in a small heap.
 * Either side can stop the other: the reader says there is no more ({@link #end}), the parse thread
 * says it takes no more ({@link #stopTaking}, when it failed), which wakes a reader waiting on a
 * full hand-over.
 *
 * <p>The waits ignore interrupts and keep the thread's interrupt status: each lasts only until the
 * other side has parsed a batch or stopped, and reading the file on one thread could not be
 * interrupted either, so a caller interrupted while reading gets the same rows as before and its
 * interrupt status to act on afterwards.
 */
final class RowHandoff<T> {
  private final int capacity;
  private final ArrayDeque<T> waiting;
  private boolean ended;
  private boolean stopped;

  RowHandoff(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity);
    }
    this.capacity = capacity;
    this.waiting = new ArrayDeque<>(capacity);
  }

  /**
   * The reader: hands {@code batch} over, waiting while {@code capacity} batches wait already.
   *
   * @return false when the parse thread has stopped taking (the batch is dropped)
   */
  synchronized boolean put(T batch) {
    if (ended) {
      throw new IllegalStateException("put after end");
    }
    boolean interrupted = false;
    while (waiting.size() >= capacity && !stopped) {
      interrupted |= await();
    }
    keepInterrupt(interrupted);
    if (stopped) {
      return false;
    }
    waiting.add(batch);
    notifyAll();
    return true;
  }

  /** The reader: there are no more batches. */
  synchronized void end() {
    ended = true;
    notifyAll();
  }

  /** The parse thread: the next batch, waiting for one; null when the reader has ended. */
  synchronized T take() {
    boolean interrupted = false;
    while (waiting.isEmpty() && !ended && !stopped) {
      interrupted |= await();
    }
    keepInterrupt(interrupted);
    if (stopped) {
      return null;
    }
    T batch = waiting.poll();
    notifyAll();
    return batch;
  }

  /** The parse thread: it takes no more; the batches waiting are dropped and the reader woken. */
  synchronized void stopTaking() {
    stopped = true;
    waiting.clear();
    notifyAll();
  }

  /** Waits on this monitor; true when the wait was interrupted. */
  private boolean await() {
    try {
      wait();
      return false;
    } catch (InterruptedException e) {
      return true;
    }
  }

  private static void keepInterrupt(boolean interrupted) {
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
