package cn.ipsubsidy.claims;

import java.util.List;
import java.util.stream.Collectors;

/** A sheet of a workbook as listed in the workbook part: its name, whether hidden, its part id. */
record SheetInfo(String name, boolean hidden, String partId) {

  /** The sheets to search: the one named by {@code --sheet}, or every visible sheet in order. */
  static List<SheetInfo> candidates(String file, List<SheetInfo> sheets, String wanted) {
    if (wanted == null) {
      return sheets.stream().filter(s -> !s.hidden()).toList();
    }
    return List.of(named(file, sheets, wanted));
  }

  /** The sheet called {@code wanted}: exactly, else ignoring surrounding space and case. */
  static SheetInfo named(String file, List<SheetInfo> sheets, String wanted) {
    for (SheetInfo s : sheets) {
      if (s.name().equals(wanted)) {
        return s;
      }
    }
    String w = Text.trim(wanted);
    for (SheetInfo s : sheets) {
      if (Text.trim(s.name()).equalsIgnoreCase(w)) {
        return s;
      }
    }
    String zh =
        sheets.stream()
            .map(s -> "“" + s.name() + "”" + (s.hidden() ? "（隐藏）" : ""))
            .collect(Collectors.joining("、"));
    String en =
        sheets.stream()
            .map(s -> "\"" + s.name() + "\"" + (s.hidden() ? " (hidden)" : ""))
            .collect(Collectors.joining(", "));
    throw ClaimsFileException.at(
        file,
        "没有名为“" + wanted + "”的工作表；现有工作表：" + (zh.isEmpty() ? "无" : zh),
        "no sheet named \""
            + wanted
            + "\"; the workbook has: "
            + (en.isEmpty() ? "no sheets" : en));
  }
}
