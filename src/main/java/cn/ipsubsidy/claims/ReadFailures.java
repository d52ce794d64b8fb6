package cn.ipsubsidy.claims;

import cn.ipsubsidy.domain.Bilingual;
import java.io.EOFException;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Turns what POI and the XML parser throw for a hostile or damaged workbook into one plain sentence
 * for the clerk. The library's own text (English, often several lines, sometimes advising to switch
 * a safety limit off) never reaches the terminal: it stays in the cause, which the log file records
 * with its stack trace.
 *
 * <p>POI's safety limits stay at their defaults: {@code ZipSecureFile}'s minimum inflate ratio and
 * maximum entry size (zip bombs) and {@code XMLHelper}'s hardened parsers (no DOCTYPE, no external
 * entities, entity expansion limits). This class only names their refusals.
 */
final class ReadFailures {
  private ReadFailures() {}

  static final Bilingual ZIP_BOMB =
      Bilingual.of(
          "文件解压后大小异常（压缩比超出安全限制，疑似“ZIP 炸弹”），为安全起见拒绝读取；如确为正常文件，请在 Excel 中打开并另存后再试",
          "the workbook would inflate to an abnormal size (its compression is beyond the safety"
              + " limit: a zip bomb?), so it is refused; if the file is genuine, open it in Excel,"
              + " save it again and retry");

  static final Bilingual XML_DOCTYPE =
      Bilingual.of(
          "工作簿的 XML 含有 DOCTYPE 或实体声明（Excel 从不写入，文件可能被恶意构造），为安全起见拒绝读取",
          "the workbook's XML carries a DOCTYPE or entity declaration, which Excel never writes"
              + " (the file may have been crafted), so it is refused");

  static final Bilingual TRUNCATED =
      Bilingual.of(
          "文件不完整或已损坏（ZIP 结构被截断，可能下载或邮件附件未收全）；请重新获取原文件",
          "the file is incomplete or damaged (its zip structure is cut short; was the download or"
              + " e-mail attachment interrupted?); get the original file again");

  /** The plain sentence for {@code t}, or null when it is none of the known refusals. */
  static Bilingual classify(Throwable t) {
    if (isZipBomb(t)) {
      return ZIP_BOMB;
    }
    if (isXmlDeclaration(t)) {
      return XML_DOCTYPE;
    }
    if (isTruncatedZip(t)) {
      return TRUNCATED;
    }
    return null;
  }

  /** ZipSecureFile's ratio or size limit refused an entry. */
  static boolean isZipBomb(Throwable t) {
    return anyMessage(
        t,
        "zip bomb detected",
        "the uncompressed data size is too large",
        "exceed the max. ratio",
        "exceeds the max entry size");
  }

  /** The hardened XML parser refused a DOCTYPE, an entity or too much entity expansion. */
  static boolean isXmlDeclaration(Throwable t) {
    return anyMessage(
        t,
        "doctype is disallowed",
        "jaxp0001",
        "entity expansion",
        "external entity",
        "entity \"",
        "accessexternaldtd");
  }

  /** The zip archive ends early or its structure is broken. */
  static boolean isTruncatedZip(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ZipException || c instanceof EOFException) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return anyMessage(
        t,
        "truncated zip",
        "unexpected end of zlib",
        "unexpected end of zip",
        "zip file is empty",
        "end of central directory");
  }

  private static boolean anyMessage(Throwable t, String... fragments) {
    int depth = 0;
    for (Throwable c = t; c != null && depth < 20; c = c.getCause(), depth++) {
      String m = c.getMessage();
      if (m == null) {
        continue;
      }
      String lower = m.toLowerCase(Locale.ROOT);
      for (String f : fragments) {
        if (lower.contains(f)) {
          return true;
        }
      }
    }
    return false;
  }
}
