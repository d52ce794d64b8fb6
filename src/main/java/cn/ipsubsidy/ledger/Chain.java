package cn.ipsubsidy.ledger;

import cn.ipsubsidy.engine.CapUsage;
import java.util.List;

/**
 * The hash chain as rows are appended to it: one sequence over run headers and entries, each row's
 * {@code hash = SHA-256(prev_hash + "\n" + canonical text)} ({@link Canonical}), chained to the row
 * before it. Entries are hashed by a reused {@link ChainHasher}: one chain, on one thread.
 */
final class Chain {
  private final ChainHasher hasher = new ChainHasher();
  private long seq;
  private String hash;

  /** Appending after {@code head}. */
  Chain(Store.Head head) {
    this.seq = head.seq();
    this.hash = head.hash();
  }

  /** The last row appended (at first, the head it started from). */
  Store.Head head() {
    return new Store.Head(seq, hash);
  }

  /** The seq the next row takes. */
  long nextSeq() {
    return seq + 1;
  }

  /**
   * {@code header} (made at {@link #nextSeq()}, chained to the head) with its hash, which covers
   * its documents and cap usages too; it is the new head.
   */
  RunRecord append(RunRecord header, List<StoredDocument> documents, List<CapUsage> usages) {
    RunRecord hashed =
        header.withHash(Canonical.hash(hash, Canonical.run(header, documents, usages)));
    seq = hashed.seq();
    hash = hashed.hash();
    return hashed;
  }

  /** {@code entry} at the next seq, chained to the head, with its hash; it is the new head. */
  LedgerEntry append(LedgerEntry entry) {
    LedgerEntry e = entry.withChain(new ChainLink(seq + 1, hash, null));
    String h = hasher.entry(hash, e);
    seq = e.seq();
    hash = h;
    return e.withChain(e.link().withHash(h));
  }
}
