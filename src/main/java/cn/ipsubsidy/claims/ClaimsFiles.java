package cn.ipsubsidy.claims;

import cn.ipsubsidy.domain.ClaimRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads the claims file (申报汇总表) of the io contract: .xlsx, .xls or .csv. Finds the header row,
 * streams the data rows to a sink in input order as {@link ClaimRow}s with every bad cell reported,
 * and fails with a {@link ClaimsFileException} when the file as a whole cannot be read.
 */
public final class ClaimsFiles {
  private ClaimsFiles() {}

  /**
   * Reads {@code file} and calls {@code sink} for each data row, in input order.
   *
   * <p>The rows below the header are parsed, and {@code sink} called, on a thread of its own while
   * this one reads the file on (see ParsingStage): one row at a time, never concurrently, and every
   * call happens before this method returns or throws. A sink that needs the caller's thread (a
   * thread-local, say) gets the parse thread.
   *
   * <p>The format is taken from the content (magic bytes), and the extension must be .xlsx, .xls or
   * .csv (any case). A spreadsheet whose content and extension disagree (an .xls saved with the
   * name .xlsx) is read by its content; a text, PDF or HTML file named .xlsx/.xls fails.
   *
   * @param sheetOrNull the sheet to read ({@code --sheet}); null to use the first visible sheet
   *     with a header row. For CSV it may only name the file.
   * @throws ClaimsFileException when the file cannot be read as a claims file; an exception thrown
   *     by {@code sink} propagates unchanged
   */
  public static ReadResult read(Path file, String sheetOrNull, Consumer<ClaimRow> sink)
      throws ClaimsFileException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sink, "sink");
    String shown = file.toString();
    String name = file.getFileName() == null ? shown : file.getFileName().toString();
    TableScanner scanner = new TableScanner(shown, name, sink);
    ReadResult read;
    try {
      read = dispatch(file, name, sheetOrNull, scanner);
    } catch (SinkFailure f) {
      throw f.getCause();
    } finally {
      scanner.close();
    }
    if (read.dataRows() == 0) {
      // A header and nothing under it is a file saved before the rows were pasted in, not a
      // quarter with no claims: posting it would add an empty run to the ledger (io contract: 2).
      throw ClaimsFileException.at(
          shown,
          read.format().startsWith("csv") ? null : read.sheet(),
          read.headerRow(),
          "表头下没有申报（没有数据行）；未计算、未过账、未写出任何文件",
          "no claims under the header (no data rows); nothing computed, posted or written",
          null);
    }
    return read;
  }

  /** Reads the whole file into a list; see {@link #read}. */
  public static List<ClaimRow> readAll(Path file, String sheetOrNull) throws ClaimsFileException {
    List<ClaimRow> rows = new ArrayList<>();
    read(file, sheetOrNull, rows::add);
    return rows;
  }

  private static ReadResult dispatch(Path file, String name, String sheetOrNull, TableScanner s) {
    String shown = s.file();
    if (!Files.exists(file)) {
      throw ClaimsFileException.at(shown, "文件不存在", "file not found");
    }
    if (Files.isDirectory(file)) {
      throw ClaimsFileException.at(shown, "这是文件夹，不是文件", "this is a folder, not a file");
    }
    if (!Files.isReadable(file)) {
      throw ClaimsFileException.at(
          shown, "无法读取文件（没有权限？）", "the file cannot be read (no permission?)");
    }
    String ext = extension(name);
    if (!ext.equals("xlsx") && !ext.equals("xls") && !ext.equals("csv")) {
      throw ClaimsFileException.at(
          shown,
          "不支持的文件类型“." + ext + "”；请用 .xlsx、.xls 或 .csv",
          "unsupported file type \"." + ext + "\"; use .xlsx, .xls or .csv");
    }
    FileMagic magic;
    try {
      if (Files.size(file) == 0) {
        throw ClaimsFileException.at(shown, "文件是空的", "the file is empty");
      }
      magic = FileMagic.valueOf(file.toFile());
    } catch (IOException e) {
      throw ClaimsFileException.at(
          shown, "无法读取文件：" + e.getMessage(), "cannot read the file: " + e.getMessage(), e);
    }
    switch (magic) {
      case OOXML:
        return XlsxReader.read(file, sheetOrNull, s);
      case OLE2:
        return readOle2(file, sheetOrNull, s);
      case BIFF2:
      case BIFF3:
      case BIFF4:
        throw XlsReader.oldFormat(shown, null);
      default:
        break;
    }
    String looksLike = describe(magic, file);
    if (ext.equals("csv") && looksLike == null) {
      return CsvReader.read(file, sheetOrNull, s);
    }
    if (looksLike == null) {
      looksLike = "文本文件（可能是改了扩展名的 CSV）|a text file (a CSV renamed ." + ext + "?)";
    }
    String[] zhEn = looksLike.split("\\|", 2);
    throw ClaimsFileException.at(
        shown,
        "不是 Excel 工作簿（." + ext + "），内容是" + zhEn[0] + "；请在 Excel 中另存为 .xlsx 或 .csv",
        "not an Excel workbook (."
            + ext
            + "): the content is "
            + zhEn[1]
            + "; save it as .xlsx or .csv in Excel");
  }

  /** What a non-spreadsheet file is, "中文|English", or null for text that may be CSV. */
  private static String describe(FileMagic magic, Path file) {
    switch (magic) {
      case PDF:
        return "PDF 文档|a PDF document";
      case HTML:
        return "网页 (HTML)，常见于网上系统导出的“xls”|a web page (HTML), as some systems export" + " \"xls\"";
      case XML:
        return "XML（可能是 Excel 2003 XML 表格）|XML (perhaps an Excel 2003 XML spreadsheet)";
      case RTF:
      case MSWRITE:
      case WORD2:
        return "Word 文档|a word-processor document";
      case JPEG:
      case GIF:
      case PNG:
      case TIFF:
      case BMP:
      case WMF:
      case EMF:
        return "图片|an image";
      default:
        return isText(file) ? null : "无法识别的二进制数据|unrecognised binary data";
    }
  }

  /** No NUL bytes in the first 4 KiB (UTF-16 files carry a BOM and are handled before this). */
  private static boolean isText(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4096);
      boolean bomUtf16 =
          head.length >= 2
              && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                  || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
      if (bomUtf16) {
        return true;
      }
      for (byte b : head) {
        if (b == 0) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return true; // reading it as CSV will report the error
    }
  }

  private static ReadResult readOle2(Path file, String sheetOrNull, TableScanner s) {
    String shown = s.file();
    POIFSFileSystem fs;
    try {
      fs = new POIFSFileSystem(file.toFile(), true);
    } catch (IOException | RuntimeException e) {
      throw ClaimsFileException.at(
          shown,
          "无法打开 Excel 97-2003 文件（文件可能不完整或已损坏；详情见日志）",
          "cannot open the Excel 97-2003 file (it may be incomplete or damaged; details in the"
              + " log)",
          e);
    }
    try {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntryCaseInsensitive("EncryptionInfo")
          || root.hasEntryCaseInsensitive("EncryptedPackage")) {
        throw ClaimsFileException.at(
            shown,
            "文件有密码保护，请去掉密码后再试",
            "file is password-protected; remove the password and try again");
      }
      if (root.hasEntryCaseInsensitive("Workbook")) {
        return XlsReader.read(fs, sheetOrNull, s);
      }
      if (root.hasEntryCaseInsensitive("Book")) {
        throw XlsReader.oldFormat(shown, null);
      }
      throw ClaimsFileException.at(
          shown,
          "不是 Excel 工作簿：这是其他 Office 97-2003 文档（如 Word .doc）",
          "not an Excel workbook: this is another Office 97-2003 document (e.g. Word .doc)");
    } finally {
      try {
        fs.close();
      } catch (IOException e) {
        // read-only; nothing to lose
      }
    }
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
