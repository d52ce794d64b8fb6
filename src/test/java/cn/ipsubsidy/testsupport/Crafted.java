package cn.ipsubsidy.testsupport;

import static cn.ipsubsidy.testsupport.RawXlsx.rawText;
import static cn.ipsubsidy.testsupport.RawXlsx.row;
import static cn.ipsubsidy.testsupport.RawXlsx.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Files made the way an attacker, an old program or a broken download would make them. */
public final class Crafted {
  private Crafted() {}

  /** The parts of an xlsx the reader parses, each of which may carry a DOCTYPE. */
  public static final List<String> XML_PARTS =
      List.of("sheet", "sharedStrings", "workbook", "contentTypes");

  /**
   * A workbook whose {@code part} declares an external entity for {@code secret} (a file:// URI)
   * and uses it where the reader would show it: the claim id under the header.
   *
   * @param headerRowXml row 1
   * @param goodRowXml row 2, for the parts that do not use the entity in a cell
   */
  public static Path doctypeWorkbook(
      Path file, String part, Path secret, String headerRowXml, String goodRowXml)
      throws IOException {
    String doctype = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n";
    RawXlsx x = RawXlsx.workbook();
    switch (part) {
      case "sheet" ->
          x.sheetWithProlog("Sheet1", doctype, headerRowXml + row(2, rawText("A2", "&xxe;")));
      case "sharedStrings" ->
          x.sheet("Sheet1", headerRowXml + row(2, shared("A2", 0)))
              .sharedStrings(doctype, List.of("&xxe;"));
      case "workbook" -> x.sheet("Sheet1", headerRowXml + goodRowXml).workbookProlog(doctype);
      case "contentTypes" -> {
        x.sheet("Sheet1", headerRowXml + goodRowXml);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        RawXlsx.workbook().sheet("Sheet1", "").write(plain);
        String types = partOf(plain.toByteArray(), "[Content_Types].xml");
        x.replacePart("[Content_Types].xml", types.replace("?>\n", "?>\n" + doctype));
      }
      default -> throw new IllegalArgumentException(part);
    }
    return x.write(file);
  }

  private static String partOf(byte[] zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new IllegalStateException("no part " + name);
  }

  /**
   * A claims sheet whose header spans two rows: 申报编号, 所属地区, 条款 and 事项日期 merged over rows 1 and 2,
   * and a group label 主体 merged over B1:D1 above 主体代码, 主体名称, 主体类型 in row 2.
   */
  public static Path twoRowHeader(Path file, String rowsFrom3Xml) throws IOException {
    String top = RawXlsx.textRow(1, "申报编号", "主体", null, null, "所属地区", "条款", "事项日期");
    String names = RawXlsx.textRow(2, null, "主体代码", "主体名称", "主体类型");
    return RawXlsx.workbook()
        .sheetWithTail(
            "申报",
            top + names + rowsFrom3Xml,
            "<mergeCells count=\"5\"><mergeCell ref=\"A1:A2\"/><mergeCell ref=\"B1:D1\"/>"
                + "<mergeCell ref=\"E1:E2\"/><mergeCell ref=\"F1:F2\"/>"
                + "<mergeCell ref=\"G1:G2\"/></mergeCells>")
        .write(file);
  }

  /** {@code xlsx} encrypted with a password, as Excel's "Encrypt with password" saves it. */
  public static Path passwordProtected(RawXlsx xlsx, Path file) throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    xlsx.write(plain);
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword("secret");
      try (OutputStream os = enc.getDataStream(fs)) {
        os.write(plain.toByteArray());
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        fs.writeFilesystem(out);
      }
    }
    return file;
  }

  /**
   * An Excel 5.0/95 workbook: an OLE2 file whose "Book" stream holds BIFF5 records (a workbook BOF,
   * a sheet BOF with a LABEL cell, EOFs), as Excel 95, or "Save as Excel 5.0/95", writes it.
   */
  public static Path excel95(Path file) throws IOException {
    ByteArrayOutputStream biff = new ByteArrayOutputStream();
    biff.write(record(0x0809, bof(0x0005))); // BOF, workbook globals
    biff.write(record(0x000A, new byte[0])); // EOF
    biff.write(record(0x0809, bof(0x0010))); // BOF, worksheet
    byte[] text = "申报编号".getBytes(java.nio.charset.Charset.forName("GBK"));
    ByteBuffer label = le(8 + text.length);
    label.putShort((short) 0).putShort((short) 0).putShort((short) 0x0F);
    label.putShort((short) text.length).put(text);
    biff.write(record(0x0204, label.array())); // LABEL A1
    biff.write(record(0x000A, new byte[0]));
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      fs.createDocument(new ByteArrayInputStream(biff.toByteArray()), "Book");
      try (OutputStream out = Files.newOutputStream(file)) {
        fs.writeFilesystem(out);
      }
    }
    return file;
  }

  /** A Word 97-2003 document (an OLE2 file with a WordDocument stream) named as a workbook. */
  public static Path wordDocument(Path file) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      fs.createDocument(new ByteArrayInputStream(new byte[512]), "WordDocument");
      try (OutputStream out = Files.newOutputStream(file)) {
        fs.writeFilesystem(out);
      }
    }
    return file;
  }

  private static byte[] bof(int type) {
    return le(8)
        .putShort((short) 0x0500)
        .putShort((short) type)
        .putShort((short) 0x0DBB)
        .putShort((short) 0x07CC)
        .array();
  }

  private static byte[] record(int sid, byte[] data) {
    return le(4 + data.length)
        .putShort((short) sid)
        .putShort((short) data.length)
        .put(data)
        .array();
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
