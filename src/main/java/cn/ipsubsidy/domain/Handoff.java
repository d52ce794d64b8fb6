package cn.ipsubsidy.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Items made on a thread of their own and handed, in the order made, in batches, to the thread that
 * takes them ({@link #forEach}, or {@link #iterator} for a taker that pulls). It splits one pass
 * over a large run between two cores:
 *
 * <ul>
 *   <li>posting makes, checks and chains a run's entries on one thread while the session's thread
 *       stores them (hashing in Java, inserting in the database's native code: about as long as
 *       each other);
 *   <li>computing reads the rows back from their spill on one thread, runs the engine on another
 *       and spills the lines on the caller's (app.SpilledRun).
 * </ul>
 *
 * <p>Neither side fails silently: what the maker throws is thrown again by {@link #forEach} once
 * the items made before it are taken, and {@link #close} stops the maker and waits for it when the
 * taking side gives up first. A few batches are in flight at most, so memory does not grow with the
 * run.
 */
public final class Handoff<T> implements AutoCloseable {
  /** What makes the items, handing each to {@code out} in order. */
  @FunctionalInterface
  public interface Maker<T> {
    void make(Consumer<T> out) throws Exception;
  }

  /** What takes each item on the calling thread. */
  @FunctionalInterface
  public interface Taker<T, E extends Exception> {
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
  public static <T> Handoff<T> start(String name, Maker<T> maker) {
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
  public <E extends Exception> void forEach(Taker<T, E> taker) throws E {
    for (List<T> items = take(); items != end; items = take()) {
      for (T item : items) {
        taker.take(item);
      }
    }
    finish();
  }

  /**
   * The items in order, for a taker that pulls them one at a time (the engine, from its own
   * thread); once the last is taken, {@code hasNext} throws what the maker threw, as {@link
   * #forEach} does. One taker only, and only one of {@code forEach} and this.
   */
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private List<T> items = List.of();
      private int next;
      private boolean ended;

      @Override
      public boolean hasNext() {
        while (!ended && next == items.size()) {
          items = take();
          next = 0;
          if (items == end) {
            ended = true;
            finish();
          }
        }
        return !ended;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.get(next++);
      }
    };
  }

  /** After the end: waits for the maker and throws what it threw. */
  private void finish() {
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
      throw new IllegalStateException("interrupted while taking items from " + thread.getName(), e);
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
