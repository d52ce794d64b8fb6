package cn.ipsubsidy.engine;

/** A reference key within its clause's reference group: what is paid once. */
record GroupedReference(String group, ReferenceCheckKey key) {}
