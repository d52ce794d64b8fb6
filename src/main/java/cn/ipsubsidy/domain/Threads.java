package cn.ipsubsidy.domain;

/**
 * Waiting for the threads the tool starts to hand work between two cores (claims' parse thread,
 * posting's chain thread): not a value of the domain, but the one wait both packages need.
 */
public final class Threads {
  private Threads() {}

  /**
   * Waits until {@code thread} has ended, through interrupts, and keeps the caller's interrupt
   * status for it to act on after: the thread waited for ends on its own, a batch or so later, and
   * leaving it running would leave the run's files in its hands.
   */
  public static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
