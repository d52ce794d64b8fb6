package cn.ipsubsidy.policy;

/**
 * An interpretation of ambiguous policy text, written beside the rule so a finance office can see
 * it and change it in its local rules. {@code source} is "policy" or the local rules file.
 */
public record Reading(String topic, String text, String source) {}
