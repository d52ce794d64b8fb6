package cn.ipsubsidy.domain;

/**
 * An error the clerk can act on: bad input, a refused run, a file in the way, a ledger that cannot
 * be used. The terminal shows {@link #bilingual()} in one language, on one line, and the exit code
 * follows {@link #concern()}; anything else that goes wrong is a defect (exit 70), its stack trace
 * in the log.
 */
public interface ClerkFacing {
  /** What is wrong and what to do, in Chinese and English. */
  Bilingual bilingual();

  /** What the error concerns, which decides the exit code. */
  default Concern concern() {
    return Concern.INPUT;
  }

  /** The two kinds of error the exit codes tell apart. */
  enum Concern {
    /** The command line, the claims, a policy or rules file, an output file: exit 2. */
    INPUT,
    /** The ledger: locked, unreadable, its chain broken, or the run already posted: exit 4. */
    LEDGER
  }
}
