package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Sha256;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@link Canonical#hash} for the rows of one posting, made without a new text or byte array a row:
 * the canonical text is built into one reused {@link StringBuilder}, encoded into one reused buffer
 * and fed to one reused digest. At a million entries the texts, their concatenation with the
 * previous hash and their UTF-8 copies were most of posting's allocation.
 *
 * <p>The bytes hashed are exactly those of {@code (prevHash + "\n" + canonical).getBytes(UTF_8)}:
 * the encoder replaces a lone surrogate by '?' as {@link String#getBytes} does, and the whole text
 * is encoded at once, so no surrogate pair is split. {@link Verifier} still hashes by the plain
 * definition, so a difference would show as a broken chain in every test that posts and verifies.
 * One instance per thread.
 */
final class ChainHasher {
  private final StringBuilder text = new StringBuilder(4096);
  private final MessageDigest digest = Sha256.digest();
  private final CharsetEncoder utf8 =
      StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private char[] chars = new char[4096];
  private ByteBuffer bytes = ByteBuffer.allocate(4096 * 3 + 1);

  /** The entry's hash, chained to {@code prevHash}. */
  String entry(String prevHash, LedgerEntry e) {
    Canonical.entry(e, text);
    return hash(prevHash);
  }

  private String hash(String prevHash) {
    int n = text.length() + 1 + prevHash.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
      bytes = ByteBuffer.allocate(chars.length * 3 + 1);
    }
    prevHash.getChars(0, prevHash.length(), chars, 0);
    chars[prevHash.length()] = '\n';
    text.getChars(0, text.length(), chars, prevHash.length() + 1);
    bytes.clear();
    utf8.reset();
    // at most 3 bytes a UTF-16 unit: the buffer always has room, the result is always underflow
    utf8.encode(CharBuffer.wrap(chars, 0, n), bytes, true);
    utf8.flush(bytes);
    digest.update(bytes.array(), 0, bytes.position());
    return Sha256.hex(digest.digest());
  }
}
