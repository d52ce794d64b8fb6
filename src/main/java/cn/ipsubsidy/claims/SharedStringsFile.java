package cn.ipsubsidy.claims;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared strings of an .xlsx (sharedStrings.xml), read once with SAX like POI's {@code
 * ReadOnlySharedStringsTable} (the text of each {@code <si>}, its runs joined, phonetic runs left
 * out, {@code _xHHHH_} escapes decoded), but not all held in memory: Excel stores every distinct
 * cell text there, so a file of a million claims has millions of them (claim ids, references). The
 * first {@value #IN_MEMORY} stay in a list; the rest go to a temporary file, mapped for reading,
 * with one long (its offset) each in memory. {@link #close()} unmaps nothing (the JVM does on
 * collection) but the file is deleted as soon as it is mapped, where the platform allows.
 */
final class SharedStringsFile extends DefaultHandler implements Closeable {
  /** Strings kept in memory; a quarter's file has far fewer, a province-year's far more. */
  static final int IN_MEMORY = 100_000;

  private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final long SEGMENT = 1L << 30;
  private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

  private final List<String> inMemory = new ArrayList<>();
  private long[] offsets = new long[0];
  private int spilled;
  private Path file;
  private FileChannel channel;
  private ByteBuffer pending;
  private long written;
  private MappedByteBuffer[] segments = new MappedByteBuffer[0];

  private final StringBuilder text = new StringBuilder();
  private boolean inT;
  private boolean inPhonetic;

  private final int keepInMemory;

  private SharedStringsFile(int keepInMemory) {
    this.keepInMemory = keepInMemory;
  }

  /** Reads the part; {@code in} null means the workbook has no shared strings. */
  static SharedStringsFile read(InputStream in) throws Exception {
    return read(in, IN_MEMORY);
  }

  /** As {@link #read(InputStream)}, keeping the first {@code keepInMemory} strings in memory. */
  static SharedStringsFile read(InputStream in, int keepInMemory) throws Exception {
    SharedStringsFile s = new SharedStringsFile(keepInMemory);
    if (in == null) {
      return s;
    }
    boolean ok = false;
    try {
      XMLReader xml = XMLHelper.newXMLReader();
      xml.setContentHandler(s);
      xml.parse(new InputSource(in));
      s.finishWriting();
      ok = true;
      return s;
    } finally {
      if (!ok) {
        s.close();
      }
    }
  }

  int size() {
    return inMemory.size() + spilled;
  }

  /** The text of string {@code index}. */
  String text(int index) {
    if (index < inMemory.size()) {
      return inMemory.get(index);
    }
    int i = index - inMemory.size();
    if (i < 0 || i >= spilled) {
      throw new IndexOutOfBoundsException("shared string " + index + " of " + size());
    }
    long from = offsets[i];
    long to = i + 1 < spilled ? offsets[i + 1] : written;
    MappedByteBuffer segment = segments[(int) (from / SEGMENT)];
    byte[] bytes = new byte[(int) (to - from)];
    segment.get((int) (from % SEGMENT), bytes, 0, bytes.length);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) {
    if (uri != null && !uri.isEmpty() && !NS.equals(uri)) {
      return;
    }
    switch (localName) {
      case "si" -> text.setLength(0);
      case "t" -> inT = true;
      case "rPh" -> inPhonetic = true;
      default -> {}
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    if (uri != null && !uri.isEmpty() && !NS.equals(uri)) {
      return;
    }
    switch (localName) {
      case "si" -> add(decode(text.toString()));
      case "t" -> inT = false;
      case "rPh" -> inPhonetic = false;
      default -> {}
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (inT && !inPhonetic) {
      text.append(ch, start, length);
    }
  }

  /** Excel writes characters XML cannot hold as {@code _xHHHH_} (and a literal "_x" as _x005F_). */
  static String decode(String s) {
    if (s.indexOf("_x") < 0) {
      return s;
    }
    Matcher m = ESCAPE.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private void add(String s) {
    if (channel == null && inMemory.size() < keepInMemory) {
      inMemory.add(s);
      return;
    }
    try {
      if (channel == null) {
        file = Files.createTempFile("ipsubsidy-strings-", ".spill");
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        pending = ByteBuffer.allocate(1 << 16);
        offsets = new long[1 << 16];
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      // a string never spans two mapped segments: pad to the next one if it would
      if (written / SEGMENT != (written + b.length) / SEGMENT
          && (written + b.length) % SEGMENT != 0) {
        put(new byte[(int) (SEGMENT - written % SEGMENT)]);
      }
      if (spilled == offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[spilled++] = written;
      put(b);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot write the shared strings to a temporary file", e);
    }
  }

  private void put(byte[] b) throws IOException {
    int off = 0;
    while (off < b.length) {
      if (!pending.hasRemaining()) {
        drain();
      }
      int n = Math.min(b.length - off, pending.remaining());
      pending.put(b, off, n);
      off += n;
    }
    written += b.length;
  }

  private void drain() throws IOException {
    pending.flip();
    while (pending.hasRemaining()) {
      channel.write(pending);
    }
    pending.clear();
  }

  private void finishWriting() throws IOException {
    if (channel == null) {
      return;
    }
    drain();
    int n = (int) ((written + SEGMENT - 1) / SEGMENT);
    segments = new MappedByteBuffer[Math.max(1, n)];
    for (int i = 0; i < segments.length; i++) {
      long from = i * SEGMENT;
      segments[i] =
          channel.map(FileChannel.MapMode.READ_ONLY, from, Math.min(SEGMENT, written - from));
    }
    closeFile();
  }

  private void closeFile() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // read-only from here; nothing to lose
    }
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // Windows keeps a mapped file until the mapping is collected
      file.toFile().deleteOnExit();
    }
  }

  @Override
  public void close() {
    closeFile();
    segments = new MappedByteBuffer[0];
  }
}
