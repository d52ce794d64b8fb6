package cn.ipsubsidy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what the clerk would see. */
record Cli(int exit, String out, String err) {
  static Cli run(String... args) {
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
