package cn.ipsubsidy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The handing over of posting's entries from the thread that makes them to the one storing them.
 */
class HandoffTest {

  @Test
  void everyItemArrivesInTheOrderMadeAcrossManyBatches() throws Exception {
    List<Integer> taken = new ArrayList<>();
    try (Handoff<Integer> h = Handoff.start("test-maker", out -> count(out, 5_000))) {
      h.forEach(taken::add);
    }
    assertThat(taken).hasSize(5_000);
    for (int i = 0; i < taken.size(); i++) {
      assertThat(taken.get(i)).isEqualTo(i);
    }
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

  private static void count(java.util.function.Consumer<Integer> out, int n) {
    for (int i = 0; i < n; i++) {
      out.accept(i);
    }
  }
}
