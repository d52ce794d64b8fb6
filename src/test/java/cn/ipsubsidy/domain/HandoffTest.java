package cn.ipsubsidy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The handing over of items from the thread that makes them to the one taking them: posting's
 * entries (taken with forEach), computing's rows and lines (pulled with the iterator).
 */
class HandoffTest {

  @Test
  void everyItemArrivesInTheOrderMadeAcrossManyBatches() throws Exception {
    List<Integer> taken = new ArrayList<>();
    try (Handoff<Integer> h = Handoff.start("test-maker", out -> count(out, 5_000))) {
      h.forEach(taken::add);
    }
    assertCountedTo(taken, 5_000);
  }

  @Test
  void whatTheMakerThrowsComesAfterEveryItemMadeBeforeIt() {
    List<Integer> taken = new ArrayList<>();
    IllegalStateException boom = new IllegalStateException("line 1234 cannot be read");
    Handoff<Integer> h =
        Handoff.start(
            "test-maker",
            out -> {
              count(out, 1_234);
              throw boom;
            });
    try (h) {
      assertThatThrownBy(() -> h.forEach(taken::add)).isSameAs(boom);
    }
    assertThat(taken).hasSize(1_234).endsWith(1_233);
  }

  @Test
  void aCheckedExceptionOfTheMakerIsWrappedNotLost() {
    IOException cause = new IOException("disk gone");
    try (Handoff<Integer> h =
        Handoff.start(
            "test-maker",
            out -> {
              throw cause;
            })) {
      assertThatThrownBy(() -> h.forEach(x -> {}))
          .isInstanceOf(IllegalStateException.class)
          .hasCause(cause);
    }
  }

  @Test
  void whenTheTakerFailsTheMakerIsStoppedAndEndsBeforeCloseReturns() {
    AtomicReference<Thread> maker = new AtomicReference<>();
    int[] made = {0};
    Handoff<Integer> h =
        Handoff.start(
            "test-maker",
            out -> {
              maker.set(Thread.currentThread());
              for (int i = 0; i < 100_000_000; i++) {
                out.accept(i);
                made[0]++;
              }
            });
    SQLException full = new SQLException("database or disk is full");
    assertThatThrownBy(
            () -> {
              try (h) {
                h.forEach(
                    x -> {
                      if (x == 2_000) {
                        throw full;
                      }
                    });
              }
            })
        .isSameAs(full);
    assertThat(maker.get().isAlive()).isFalse();
    assertThat(made[0]).isLessThan(100_000_000);
  }

  @Test
  void theIteratorPullsEveryItemInOrderFromAnotherThreadThanTheOneThatStartedIt() throws Exception {
    List<Integer> taken = new ArrayList<>();
    try (Handoff<Integer> h = Handoff.start("test-maker", out -> count(out, 5_000))) {
      Thread puller =
          new Thread(
              () -> {
                for (java.util.Iterator<Integer> it = h.iterator(); it.hasNext(); ) {
                  taken.add(it.next());
                }
              });
      puller.start();
      puller.join();
      assertThat(h.iterator().hasNext()).isFalse();
    }
    assertCountedTo(taken, 5_000);
  }

  @Test
  void theIteratorThrowsWhatTheMakerThrewOnceTheItemsBeforeItAreTaken() {
    List<Integer> taken = new ArrayList<>();
    IllegalStateException boom = new IllegalStateException("row 700 cannot be decoded");
    Handoff<Integer> h =
        Handoff.start(
            "test-maker",
            out -> {
              count(out, 700);
              throw boom;
            });
    try (h) {
      java.util.Iterator<Integer> it = h.iterator();
      assertThatThrownBy(
              () -> {
                while (it.hasNext()) {
                  taken.add(it.next());
                }
              })
          .isSameAs(boom);
    }
    assertThat(taken).hasSize(700).endsWith(699);
  }

  /** {@code taken} is 0, 1, …, n - 1: every item, in the order made. */
  private static void assertCountedTo(List<Integer> taken, int n) {
    assertThat(taken).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(taken.get(i)).isEqualTo(i);
    }
  }

  private static void count(java.util.function.Consumer<Integer> out, int n) {
    for (int i = 0; i < n; i++) {
      out.accept(i);
    }
  }
}
