package cn.ipsubsidy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Utf8Writer} writes the bytes {@link OutputStreamWriter} writes in UTF-8, however the text
 * is cut into writes and flushes: the audit log must not change by a byte.
 */
class Utf8WriterPropertiesTest {
  @Property(tries = 2000)
  void theBytesOfOutputStreamWriter(
      @ForAll("pieces") List<String> pieces, @ForAll("flushes") List<Boolean> flushes)
      throws IOException {
    for (boolean close : new boolean[] {false, true}) {
      ByteArrayOutputStream jdk = new ByteArrayOutputStream();
      ByteArrayOutputStream ours = new ByteArrayOutputStream();
      write(new OutputStreamWriter(jdk, StandardCharsets.UTF_8), pieces, flushes, close);
      write(new Utf8Writer(ours), pieces, flushes, close);
      assertThat(ours.toByteArray())
          .as("%s, closed %s", pieces, close)
          .isEqualTo(jdk.toByteArray());
    }
  }

  @Property(tries = 20)
  void largeTextsAcrossTheBuffer(@ForAll("pieces") List<String> pieces) throws IOException {
    String big = String.join("", pieces).repeat(2_000) + "核发\uD83D\uDE00".repeat(30_000);
    ByteArrayOutputStream jdk = new ByteArrayOutputStream();
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    write(new OutputStreamWriter(jdk, StandardCharsets.UTF_8), List.of(big), List.of(), true);
    write(new Utf8Writer(ours), List.of(big), List.of(), true);
    assertThat(ours.toByteArray()).isEqualTo(jdk.toByteArray());
  }

  @Provide
  Arbitrary<List<String>> pieces() {
    // ASCII, two- and three-byte characters, pairs, lone and split surrogates
    return Arbitraries.strings()
        .withChars("a,\"\r\n\u00e9\u00a0审计\uFFFF\uFFFE\uD83D\uDE00\uD800\uDC00")
        .ofMaxLength(12)
        .list()
        .ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<Boolean>> flushes() {
    return Arbitraries.of(true, false).list().ofMaxSize(12);
  }

  /** Each piece by another of Writer's methods in turn, a flush after it where {@code flushes}. */
  private static void write(Writer w, List<String> pieces, List<Boolean> flushes, boolean close)
      throws IOException {
    for (int i = 0; i < pieces.size(); i++) {
      String p = pieces.get(i);
      switch (i % 3) {
        case 0 -> w.write(p);
        case 1 -> w.write(p.toCharArray(), 0, p.length());
        default -> p.chars().forEach(c -> write(w, c));
      }
      if (i < flushes.size() && flushes.get(i)) {
        w.flush();
      }
    }
    if (close) {
      w.close();
    } else {
      w.flush();
    }
  }

  private static void write(Writer w, int c) {
    try {
      w.write(c);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
