package cn.ipsubsidy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {
  @Test
  void passesOnEveryCharacterInOrder() throws Exception {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    StringBuilder expected = new StringBuilder();
    try (Utf8Writer w = new Utf8Writer(target)) {
      String big = "申报编号,".repeat(20_000);
      for (int i = 0; i < 3_000; i++) {
        String s = "row " + i + " 审计 \"quoted\"\r\n";
        w.append(s, 1, s.length());
        expected.append(s, 1, s.length());
        w.append(',');
        expected.append(',');
        w.write(s.toCharArray(), 2, 3);
        expected.append(s, 2, 5);
        w.append(new StringBuilder("sb" + i), 0, 2);
        expected.append("sb");
        w.append(null);
        expected.append("null");
        if (i % 1000 == 0) {
          w.write(big);
          expected.append(big);
        }
      }
    }
    assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
  }
}
