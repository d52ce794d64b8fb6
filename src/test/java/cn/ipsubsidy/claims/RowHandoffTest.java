package cn.ipsubsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bounded hand-over between the reader's thread and the parse thread. */
class RowHandoffTest {
  @Test
  void batchesComeOutInTheOrderTheyWentInThoughTheReaderWaitsForRoom() throws Exception {
    RowHandoff<Integer> handoff = new RowHandoff<>(2);
    Thread reader =
        new Thread(
            () -> {
              for (int i = 0; i < 100; i++) {
                assertThat(handoff.put(i)).isTrue();
              }
              handoff.end();
            });
    reader.start();
    List<Integer> taken = new ArrayList<>();
    for (Integer b = handoff.take(); b != null; b = handoff.take()) {
      taken.add(b);
    }
    reader.join();
    assertThat(taken).isEqualTo(IntStream.range(0, 100).boxed().toList());
  }

  @Test
  void whatWaitsIsTakenAfterTheEndThenNothing() {
    RowHandoff<String> handoff = new RowHandoff<>(3);
    handoff.put("a");
    handoff.put("b");
    handoff.end();
    assertThat(handoff.take()).isEqualTo("a");
    assertThat(handoff.take()).isEqualTo("b");
    assertThat(handoff.take()).isNull();
    assertThatThrownBy(() -> handoff.put("c")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aParseThreadThatStopsWakesTheReaderWaitingForRoomAndDropsWhatWaits() throws Exception {
    RowHandoff<String> handoff = new RowHandoff<>(1);
    assertThat(handoff.put("a")).isTrue();
    AtomicBoolean handedOver = new AtomicBoolean(true);
    Thread reader = new Thread(() -> handedOver.set(handoff.put("b")));
    reader.start();
    handoff.stopTaking(); // before or after the reader waits: either way it is told
    reader.join();
    assertThat(handedOver).isFalse();
    assertThat(handoff.take()).isNull();
    assertThat(handoff.put("c")).isFalse();
  }

  @Test
  void anInterruptedReaderStillHandsOverAndKeepsItsInterruptStatus() throws Exception {
    RowHandoff<String> handoff = new RowHandoff<>(1);
    handoff.put("a");
    List<String> taken = new ArrayList<>();
    Thread parser =
        new Thread(
            () -> {
              for (String b = handoff.take(); b != null; b = handoff.take()) {
                taken.add(b);
              }
            });
    parser.start();
    Thread.currentThread().interrupt();
    boolean handedOver = handoff.put("b"); // waits for room though interrupted
    handoff.end();
    assertThat(Thread.interrupted()).isTrue();
    parser.join();
    assertThat(handedOver).isTrue();
    assertThat(taken).containsExactly("a", "b");
  }
}
