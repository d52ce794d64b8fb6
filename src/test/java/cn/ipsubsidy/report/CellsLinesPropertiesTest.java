package cn.ipsubsidy.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Cells#lines} counts what the first version counted (kept here, below), for any text: the
 * row heights of every wrapped cell in the payout workbook depend on it.
 */
class CellsLinesPropertiesTest {
  @Property(tries = 3000)
  void linesAreThoseOfTheFirstVersion(
      @ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 40) int width) {
    assertThat(Cells.lines(text, width)).as("%s in %d", text, width).isEqualTo(first(text, width));
  }

  @Provide
  Arbitrary<String> texts() {
    // words, spaces, line breaks, wide and narrow characters, pairs and lone surrogates
    return Arbitraries.strings()
        .withChars("aBm1 .,\n汉核，\u3000\uD83D\uDE00\uD840\uDC00-x")
        .ofMinLength(0)
        .ofMaxLength(300);
  }

  /** Cells.lines as it was written first (split into paragraphs, every unit measured). */
  private static int first(String text, int width) {
    int room = width * 10;
    int lines = 0;
    for (String paragraph : text.split("\n", -1)) {
      lines++;
      int used = 0;
      int i = 0;
      while (i < paragraph.length()) {
        int end = i;
        int w = 0;
        int first = paragraph.codePointAt(i);
        do {
          int cp = paragraph.codePointAt(end);
          if (end > i && (wide(cp) || wide(first) || (cp == ' ') != (first == ' '))) {
            break;
          }
          w += Cells.tenths(cp);
          end += Character.charCount(cp);
        } while (end < paragraph.length());
        if (first == ' ') {
          used = Math.min(used + w, room);
        } else {
          if (used > 0 && used + w > room) {
            lines++;
            used = 0;
          }
          used += w;
          while (used > room) {
            lines++;
            used -= room;
          }
        }
        i = end;
      }
    }
    return lines;
  }

  private static boolean wide(int cp) {
    return Cells.tenths(cp) == 20;
  }
}
