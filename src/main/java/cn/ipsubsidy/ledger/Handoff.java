package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Items made on a thread of their own and handed, in the order made, in batches, to the thread that
 * takes them ({@link #forEach}). Posting makes, checks and chains a run's entries on one thread
 * while the session's thread stores them: on two cores the two halves of posting (hashing in Java,
 * inserting in the database's native code) take about as long as each other, and the posting was
 * the last part of a large run to finish.
 *
 * <p>Neither side fails silently: what the maker throws is thrown again by {@link #forEach} once
 * the items made before it are taken, and {@link #close} stops the maker and waits for it when the
 * taking side gives up first. A few batches are in flight at most, so memory does not grow with the
 * run.
 */
final class Handoff<T> implements AutoCloseable {
  /** What makes the items, handing each to {@code out} in order. */
  @FunctionalInterface
  interface Maker<T> {
    void make(Consumer<T> out) throws Exception;
  }

  /** What takes each item on the calling thread. */
  @FunctionalInterface
  interface Taker<T, E extends Exception> {
    void take(T item) throws E;
  }

  private static final int BATCH = 512;
  private static final int IN_FLIGHT = 4;

  private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(IN_FLIGHT);
  private final List<T> end = new ArrayList<>(0);
  private final Thread thread;
  private volatile Throwable failure;
  private volatile boolean stopped;

  private Handoff(String name, Maker<T> maker) {
    thread = new Thread(() -> run(maker), name);
    thread.setDaemon(true);
  }

  /** Starts {@code maker} on a new thread called {@code name}. */
  static <T> Handoff<T> start(String name, Maker<T> maker) {
    Handoff<T> h = new Handoff<>(name, maker);
    h.thread.start();
    return h;
  }

  private void run(Maker<T> maker) {
    List<T>[] batch = new List[] {new ArrayList<T>(BATCH)};
    try {
      maker.make(
          item -> {
            batch[0].add(item);
            if (batch[0].size() == BATCH) {
              put(batch[0]);
              batch[0] = new ArrayList<>(BATCH);
            }
          });
    } catch (Stopped s) {
      return; // the taking side gave up: nobody waits for the rest
    } catch (Throwable t) {
      failure = t; // thrown again there after the items made before it
    }
    try {
      put(batch[0]);
      put(end);
    } catch (Stopped s) {
      // the taking side gave up meanwhile
    }
  }

  private void put(List<T> items) {
    try {
      while (!queue.offer(items, 50, TimeUnit.MILLISECONDS)) {
        if (stopped) {
          throw new Stopped();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    }
  }

  /**
   * Hands every item to {@code taker}, in order, until the maker is done; then throws what the
   * maker threw, if it failed (a checked exception wrapped in an {@link IllegalStateException}).
   */
  <E extends Exception> void forEach(Taker<T, E> taker) throws E {
    for (List<T> items = take(); items != end; items = take()) {
      for (T item : items) {
        taker.take(item);
      }
    }
    Threads.joinUninterruptibly(thread);
    Throwable t = failure;
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  private List<T> take() {
    try {
      List<T> items;
      while ((items = queue.poll(50, TimeUnit.MILLISECONDS)) == null) {
        if (!thread.isAlive()) { // ended without a word: whatever it left, then the end
          items = queue.poll();
          return items == null ? end : items;
        }
      }
      return items;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while posting", e);
    }
  }

  /**
   * Stops the maker if it is still making (the taking side failed) and waits for it. Not by
   * interrupting it: an interrupt closes a file channel the maker reads, which the run's other
   * readers share.
   */
  @Override
  public void close() {
    stopped = true;
    queue.clear();
    Threads.joinUninterruptibly(thread);
  }

  /** The maker's own signal that the taking side interrupted it. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }
}
