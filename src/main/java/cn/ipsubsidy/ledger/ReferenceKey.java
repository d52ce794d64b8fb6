package cn.ipsubsidy.ledger;

import cn.ipsubsidy.engine.ReferenceCheckKey;

/**
 * A duplicate-check key an entry holds: the clause's reference group and the key the engine builds
 * ({@link cn.ipsubsidy.engine.CapKeys#referenceKeys}), stored in {@code ledger_entry_refs} as
 * {@code ref_group} and {@link ReferenceCheckKey#stored() ref_key}.
 */
public record ReferenceKey(String group, ReferenceCheckKey key) {}
