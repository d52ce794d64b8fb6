package cn.ipsubsidy.cli;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Colour and weight for the summary lines, on a terminal only: picocli's {@link Ansi#AUTO} leaves
 * them out when the output is a file or a pipe (cron, tests), when {@code NO_COLOR} is set or
 * {@code TERM=dumb}-like hints say so, and the usage help follows the same choice. Only numbers and
 * labels are styled, never text from a file, so an escape sequence never splits what {@link
 * MaskingWriter} masks.
 */
final class Styles {
  private final Ansi ansi;

  Styles(Ansi ansi) {
    this.ansi = ansi;
  }

  /** The styles of the command line {@code spec} belongs to. */
  static Styles of(CommandSpec spec) {
    return ((IpSubsidy) spec.root().userObject()).styles();
  }

  Ansi ansi() {
    return ansi;
  }

  String bold(Object text) {
    return style(text, Ansi.Style.bold);
  }

  /** A count of claims: in {@code colour} when there are any, plain when none. */
  String count(long n, Ansi.Style colour) {
    return n == 0 ? String.valueOf(n) : style(n, colour, Ansi.Style.bold);
  }

  String red(Object text) {
    return style(text, Ansi.Style.fg_red, Ansi.Style.bold);
  }

  private String style(Object text, Ansi.Style... styles) {
    String s = String.valueOf(text);
    // a reset rather than each style's own "off": bold's (21) is a double underline on some
    // terminals
    return ansi.enabled() ? Ansi.Style.on(styles) + s + Ansi.Style.on(Ansi.Style.reset) : s;
  }
}
