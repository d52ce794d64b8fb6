package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Sha256;
import java.util.Objects;

/**
 * A document recorded with a run so the run can be recomputed under the rules it was computed with:
 * a policy YAML or the office's local rules file. The text is stored once per SHA-256.
 *
 * @param kind "policy" or "rules" (free text; shown by {@code ledger show})
 * @param name the file name as given to the run, e.g. "policies/lyg-2021.yaml"
 * @param sha256 lower-case hex SHA-256 of the text's UTF-8 bytes; computed when null
 * @param text the whole text; null only where a listing loads a run's documents without texts
 */
public record StoredDocument(String kind, String name, String sha256, String text) {
  public StoredDocument {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (text == null) {
      Objects.requireNonNull(sha256, "sha256 of a document without text");
      sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
    } else {
      String actual = sha256(text);
      if (sha256 != null && !sha256.equalsIgnoreCase(actual)) {
        throw new IllegalArgumentException(
            "document "
                + name
                + ": SHA-256 "
                + sha256
                + " does not match its text ("
                + actual
                + ")");
      }
      sha256 = actual;
    }
  }

  public static StoredDocument of(String kind, String name, String text) {
    return new StoredDocument(kind, name, null, text);
  }

  /** A document named by its hash, without its text. */
  static StoredDocument reference(String kind, String name, String sha256) {
    return new StoredDocument(kind, name, sha256, null);
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256(String text) {
    return Sha256.of(text);
  }
}
