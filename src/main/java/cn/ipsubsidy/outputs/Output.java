package cn.ipsubsidy.outputs;

import java.util.Locale;

/** The outputs of a run, as the journal and the clerk's messages name them. */
public enum Output {
  WORKBOOK,
  AUDIT;

  /** As the journal writes it. */
  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Output of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
