package cn.ipsubsidy.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads .csv with Commons CSV, record by record. Encoding: a byte order mark if there is one
 * (UTF-8, UTF-16LE/BE), else UTF-8 if the whole file decodes strictly as UTF-8, else GB18030 (a
 * superset of GBK, as Chinese Excel writes "CSV (逗号分隔)"). Delimiter: comma, or semicolon or tab
 * when the header line reads as a header only with that. Row numbers are record numbers counting
 * the header and empty lines, as Excel numbers the rows when it opens the file.
 */
final class CsvReader {
  static final Charset GB18030 = Charset.forName("GB18030");
  private static final char[] DELIMITERS = {',', '\t', ';'};

  private CsvReader() {}

  record Encoding(Charset charset, int bomLength, String label) {}

  static ReadResult read(Path path, String sheetOrNull, TableScanner scanner) {
    String file = scanner.file();
    String sheet = scanner.fileName();
    if (sheetOrNull != null && !matchesFileName(sheet, sheetOrNull)) {
      SheetInfo.named(file, List.of(new SheetInfo(sheet, false, "0")), sheetOrNull);
    }
    try {
      Encoding enc = detectEncoding(path, file);
      char delimiter = detectDelimiter(path, enc);
      CSVFormat format =
          CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
      scanner.startSheet(sheet);
      try (Reader reader = open(path, enc);
          CSVParser parser = format.parse(reader)) {
        scanner.rows(() -> records(parser, scanner));
      } catch (UncheckedIOException | IllegalStateException e) {
        throw malformed(file, e);
      }
      return scanner.result("csv " + enc.label());
    } catch (IOException e) {
      throw ClaimsFileException.at(
          file, "无法读取文件：" + e.getMessage(), "cannot read the file: " + e.getMessage(), e);
    }
  }

  /** Each record as a row, until the scanner needs no more. */
  private static void records(CSVParser parser, TableScanner scanner) {
    for (CSVRecord rec : parser) {
      Map<Integer, RawCell> cells = new HashMap<>();
      for (int i = 0; i < rec.size(); i++) {
        String v = rec.get(i);
        if (!v.isEmpty()) {
          cells.put(i, RawCell.text(unwrapExcelText(v)));
        }
      }
      if (!scanner.row((int) rec.getRecordNumber(), cells)) {
        break;
      }
    }
  }

  private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
  private static final Pattern AT_LINE = Pattern.compile("at line: (\\d+)");

  /**
   * Commons CSV stops at a quote that is never closed, or at text after a closing quote; both mean
   * unbalanced quotes, and the rest of the file cannot be split into fields reliably.
   */
  static ClaimsFileException malformed(String file, RuntimeException e) {
    String msg = "";
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c.getMessage() != null) {
        msg = msg + " " + c.getMessage();
      }
      if (c.getCause() == c) {
        break;
      }
    }
    Matcher start = START_LINE.matcher(msg);
    if (start.find()) {
      String line = start.group(1);
      return ClaimsFileException.at(
          file,
          "CSV 引号不配对：第 " + line + " 行开始的带引号字段直到文件末尾都没有结束引号；请检查该行的英文双引号",
          "malformed CSV: the quoted field that starts on line "
              + line
              + " is never closed (unbalanced quotes); check the double quotes on that line",
          e);
    }
    Matcher at = AT_LINE.matcher(msg);
    if (at.find()) {
      String line = at.group(1);
      return ClaimsFileException.at(
          file,
          "CSV 引号不配对：第 " + line + " 行的结束引号后紧跟其他字符；字段内的双引号须写成两个（\"\"）",
          "malformed CSV: on line "
              + line
              + " a closing quote is followed by other characters (unbalanced quotes); a quote"
              + " inside a quoted field is written twice (\"\")",
          e);
    }
    return ClaimsFileException.at(
        file, "CSV 格式错误（引号不配对？详情见日志）", "malformed CSV (unbalanced quotes? details in the log)", e);
  }

  private static boolean matchesFileName(String fileName, String wanted) {
    String w = Text.trim(wanted);
    int dot = fileName.lastIndexOf('.');
    String base = dot > 0 ? fileName.substring(0, dot) : fileName;
    return fileName.equalsIgnoreCase(w) || base.equalsIgnoreCase(w);
  }

  /**
   * ="0123" is how Excel users (and some exporting systems) keep digits as text; Excel shows 0123.
   */
  static String unwrapExcelText(String v) {
    if (v.length() >= 3 && v.startsWith("=\"") && v.endsWith("\"")) {
      String inner = v.substring(2, v.length() - 1);
      if (!inner.replace("\"\"", "").contains("\"")) {
        return inner.replace("\"\"", "\"");
      }
    }
    return v;
  }

  static Encoding detectEncoding(Path path, String file) throws IOException {
    ByteOrderMark bom;
    try (BOMInputStream in =
        BOMInputStream.builder()
            .setPath(path)
            .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
            .setInclude(false)
            .get()) {
      bom = in.getBOM();
    }
    if (bom != null) {
      Charset cs = Charset.forName(bom.getCharsetName());
      if (!decodes(path, bom.length(), cs)) {
        throw ClaimsFileException.at(
            file,
            "文件以 " + cs.name() + " 标记开头，但内容不是有效的 " + cs.name(),
            "the file starts with a "
                + cs.name()
                + " byte order mark but is not valid "
                + cs.name());
      }
      return new Encoding(cs, bom.length(), cs.name() + " BOM");
    }
    long utf8Error = firstError(path, 0, StandardCharsets.UTF_8);
    if (utf8Error < 0) {
      return new Encoding(StandardCharsets.UTF_8, 0, "UTF-8");
    }
    long gbError = firstError(path, 0, GB18030);
    if (gbError < 0) {
      return new Encoding(GB18030, 0, "GB18030");
    }
    // Neither fits the whole file: name the place where the better fit breaks down, which is
    // where a character of another encoding was pasted in.
    boolean mostlyGb = gbError > utf8Error;
    long at = mostlyGb ? gbError : utf8Error;
    String name = mostlyGb ? "GB18030/GBK" : "UTF-8";
    int line = lineOf(path, at);
    String bytes = bytesAt(path, at);
    throw ClaimsFileException.at(
        file,
        "无法识别文件编码：第 "
            + line
            + " 行有无法解读的字节（"
            + bytes
            + "）；文件大部分是 "
            + name
            + " 编码，但混入了其他编码的字符。请在 Excel 中另存为“CSV UTF-8”后再试",
        "unknown text encoding: line "
            + line
            + " holds bytes that are not text ("
            + bytes
            + "); the file is mostly "
            + name
            + " with characters of another encoding mixed in. Save it as \"CSV UTF-8\" in Excel"
            + " and retry");
  }

  /** Whether the whole file after {@code skip} bytes decodes as {@code cs} without any error. */
  static boolean decodes(Path path, int skip, Charset cs) throws IOException {
    return firstError(path, skip, cs) < 0;
  }

  /**
   * The file offset of the first byte that does not decode as {@code cs} after {@code skip} bytes,
   * or -1 when the whole file decodes.
   */
  static long firstError(Path path, int skip, Charset cs) throws IOException {
    CharsetDecoder dec = strict(cs);
    ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    CharBuffer out = CharBuffer.allocate(64 * 1024);
    long consumed = skip;
    try (InputStream is = Files.newInputStream(path)) {
      is.skipNBytes(skip);
      boolean eof = false;
      while (!eof) {
        int n = is.read(in.array(), in.position(), in.remaining());
        if (n < 0) {
          eof = true;
        } else {
          in.position(in.position() + n);
        }
        in.flip();
        CoderResult r = dec.decode(in, out, eof);
        while (r.isOverflow()) {
          out.clear();
          r = dec.decode(in, out, eof);
        }
        if (r.isError()) {
          return consumed + in.position();
        }
        out.clear();
        consumed += in.position();
        in.compact();
      }
      in.flip();
      CoderResult r = dec.flush(out);
      if (r.isError() || in.hasRemaining()) {
        return consumed;
      }
      return -1;
    }
  }

  /** The 1-based line (counting line feeds) that holds byte {@code offset}. */
  private static int lineOf(Path path, long offset) throws IOException {
    int line = 1;
    try (InputStream is = new java.io.BufferedInputStream(Files.newInputStream(path))) {
      for (long i = 0; i < offset; i++) {
        int b = is.read();
        if (b < 0) {
          break;
        }
        if (b == '\n') {
          line++;
        }
      }
    }
    return line;
  }

  /** Up to 4 bytes from {@code offset}, in hex: "E2 80 94". */
  private static String bytesAt(Path path, long offset) throws IOException {
    try (InputStream is = Files.newInputStream(path)) {
      is.skipNBytes(offset);
      byte[] b = is.readNBytes(4);
      StringBuilder s = new StringBuilder();
      for (byte x : b) {
        if (s.length() > 0) {
          s.append(' ');
        }
        s.append(String.format("%02X", x & 0xFF));
      }
      return s.toString();
    }
  }

  private static CharsetDecoder strict(Charset cs) {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  static Reader open(Path path, Encoding enc) throws IOException {
    InputStream in = Files.newInputStream(path);
    try {
      in.skipNBytes(enc.bomLength());
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new BufferedReader(new InputStreamReader(in, strict(enc.charset())));
  }

  /**
   * Comma, unless a line among the first 20 reads as a header only when split on tab or semicolon.
   */
  static char detectDelimiter(Path path, Encoding enc) throws IOException {
    try (BufferedReader r = new BufferedReader(open(path, enc))) {
      for (int i = 0; i < TableScanner.HEADER_SEARCH_ROWS; i++) {
        String line;
        try {
          line = r.readLine();
        } catch (CharacterCodingException e) {
          return ',';
        }
        if (line == null) {
          break;
        }
        for (char d : DELIMITERS) {
          if (line.indexOf(d) >= 0 && knownHeaders(line, d) >= TableScanner.MIN_KNOWN_HEADERS) {
            return d;
          }
        }
      }
    }
    return ',';
  }

  private static int knownHeaders(String line, char delimiter) {
    int known = 0;
    for (String part : line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)) {
      String p = Text.trim(part);
      if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
        p = p.substring(1, p.length() - 1);
      }
      if (HeaderNames.match(p).isPresent()) {
        known++;
      }
    }
    return known;
  }
}
