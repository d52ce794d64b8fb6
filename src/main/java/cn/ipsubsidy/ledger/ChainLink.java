package cn.ipsubsidy.ledger;

/**
 * A row's place in the hash chain, the same for run headers ({@link RunRecord}) and entries ({@link
 * LedgerEntry}): one sequence over both.
 *
 * @param seq the row's position in the chain, from 1; 0 while the row is not yet appended
 * @param prevHash the hash of the previous row of the chain ({@link Canonical#GENESIS} for the
 *     first); null while not yet appended
 * @param hash SHA-256 of prevHash and the row's canonical text ({@link Canonical}); null while not
 *     yet made
 */
public record ChainLink(long seq, String prevHash, String hash) {
  /** A row not yet appended: {@link Chain} gives it its place. */
  static final ChainLink UNCHAINED = new ChainLink(0, null, null);

  /** The same place with its hash made. */
  ChainLink withHash(String newHash) {
    return new ChainLink(seq, prevHash, newHash);
  }
}
