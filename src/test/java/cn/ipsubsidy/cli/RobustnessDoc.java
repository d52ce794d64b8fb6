package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code docs/robustness.md}, made of parts that tests generate, each between {@code <!-- begin
 * NAME -->} and {@code <!-- end NAME -->}: {@code bad-inputs} by {@link BadInputsTest}, {@code
 * faults} by {@link FaultsTable}. A test checks its own part only; the text around the parts is
 * written by hand. With {@code -Drobustness.update=true} a part is written instead of checked.
 */
final class RobustnessDoc {
  static final Path DOC = Path.of("docs/robustness.md");

  /** Regenerates every part: the bad inputs and the faults (all tests tagged robustness). */
  static final String REGENERATE =
      "./mvnw -B -q test -Dgroups=robustness -Dfuzz.skip -Drobustness.update=true";

  private RobustnessDoc() {}

  static boolean updating() {
    return Boolean.getBoolean("robustness.update");
  }

  /** The text of part {@code name} as the document has it. */
  static String part(String name) throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(begin(name));
    int end = doc.indexOf(end(name));
    assertThat(begin)
        .as(DOC + " has the markers " + begin(name) + " and " + end(name))
        .isNotNegative();
    assertThat(end).as(DOC + " has " + end(name)).isGreaterThan(begin);
    return doc.substring(begin + begin(name).length() + 1, end);
  }

  /** Writes {@code generated} to {@code target/robustness-NAME.md}, for a look or a diff. */
  static Path write(String name, String generated) throws IOException {
    Path target = Path.of("target", "robustness-" + name + ".md");
    Files.createDirectories(target.getParent());
    Files.writeString(target, generated, StandardCharsets.UTF_8);
    return target;
  }

  /**
   * Writes {@code generated} to {@code target/robustness-NAME.md}; then, updating, puts it in the
   * document as part {@code name}, else checks that the document's part is the same.
   */
  static void check(String name, String generated) throws IOException {
    Path target = write(name, generated);
    if (updating()) {
      String doc = Files.readString(DOC, StandardCharsets.UTF_8);
      String old = part(name);
      int at = doc.indexOf(begin(name)) + begin(name).length() + 1;
      Files.writeString(
          DOC,
          doc.substring(0, at) + generated + doc.substring(at + old.length()),
          StandardCharsets.UTF_8);
    }
    assertThat(part(name))
        .as(
            "the part "
                + name
                + " of docs/robustness.md is out of date: compare with "
                + target
                + ", then run "
                + REGENERATE)
        .isEqualTo(generated);
  }

  private static String begin(String name) {
    return "<!-- begin " + name + " -->";
  }

  private static String end(String name) {
    return "<!-- end " + name + " -->";
  }
}
