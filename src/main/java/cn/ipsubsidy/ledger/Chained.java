package cn.ipsubsidy.ledger;

/** A row of the hash chain, a run header or an entry, read by its place ({@link ChainLink}). */
public interface Chained {
  ChainLink link();

  /** Its position in the hash chain (shared by run headers and entries). */
  default long seq() {
    return link().seq();
  }

  /** The hash of the previous row of the chain. */
  default String prevHash() {
    return link().prevHash();
  }

  /** SHA-256 of prevHash and this row's canonical text. */
  default String hash() {
    return link().hash();
  }
}
