package cn.ipsubsidy.ledger;

/**
 * A duplicate-check key an entry holds: the clause's reference group and the key the engine builds
 * ({@link cn.ipsubsidy.engine.CapKeys#reference}, or "entity:ID" when the reference is empty).
 */
public record ReferenceKey(String group, String key) {}
