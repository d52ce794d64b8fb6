package cn.ipsubsidy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/**
 * Runs the command line in-process and captures what the clerk would see: in Chinese, the office's
 * language ({@code --lang zh} goes first), unless the arguments name a language; {@link #en} runs
 * it in English.
 */
record Cli(int exit, String out, String err) {
  static Cli run(String... args) {
    return Arrays.asList(args).contains("--lang") ? as(args) : as(withLang("zh", args));
  }

  /** The same in English. */
  static Cli en(String... args) {
    return as(withLang("en", args));
  }

  private static String[] withLang(String lang, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--lang";
    all[1] = lang;
    System.arraycopy(args, 0, all, 2, args.length);
    return all;
  }

  /** Exactly {@code args}: the language is the default one. */
  static Cli as(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = IpSubsidy.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Cli(code, out.toString(), err.toString());
  }

  /** Runs a command on its own SQLite ledger in {@code dir}, so tests never share one. */
  static Cli inDir(java.nio.file.Path dir, String... args) {
    String[] withLedger = java.util.Arrays.copyOf(args, args.length + 2);
    withLedger[args.length] = "--ledger";
    withLedger[args.length + 1] = "jdbc:sqlite:" + dir.resolve("ledger.db");
    return run(withLedger);
  }

  String all() {
    return out + err;
  }
}
