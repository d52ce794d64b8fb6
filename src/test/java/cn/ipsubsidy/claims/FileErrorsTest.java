package cn.ipsubsidy.claims;

import static cn.ipsubsidy.claims.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.ClaimRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileErrorsTest {
  @TempDir Path dir;

  private static ClaimsFileException fails(Path file) {
    try {
      ClaimsFiles.readAll(file, null);
    } catch (ClaimsFileException e) {
      assertThat(e.message().zh()).contains(file.toString());
      assertThat(e.message().en()).contains(file.toString());
      return e;
    }
    throw new AssertionError("no ClaimsFileException for " + file);
  }

  private List<List<Object>> sample() {
    return rows(header(ZH_HEADERS), goodRow("A-1"));
  }

  @Test
  void missingFile() {
    ClaimsFileException e = fails(dir.resolve("nope.xlsx"));
    assertThat(e.message().toString())
        .endsWith("：文件不存在 / claims file " + dir.resolve("nope.xlsx") + ": file not found");
  }

  @Test
  void folderEmptyFileAndUnsupportedExtension() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("d.xlsx"));
    assertThat(fails(folder).message().en()).contains("a folder");
    Path empty = Files.createFile(dir.resolve("e.csv"));
    assertThat(fails(empty).message().en()).contains("the file is empty");
    Path txt = Files.writeString(dir.resolve("a.txt"), "x");
    assertThat(fails(txt).message().en()).contains("unsupported file type \".txt\"");
  }

  @Test
  void textRenamedXlsx() throws IOException {
    Path f = Files.writeString(dir.resolve("renamed.xlsx"), csv(sample(), ','));
    ClaimsFileException e = fails(f);
    assertThat(e.message().en())
        .contains(
            "not an Excel workbook (.xlsx): the content is a text file (a CSV renamed .xlsx?)");
    assertThat(e.message().zh()).contains("不是 Excel 工作簿");
  }

  @Test
  void pdfAndHtmlRenamed() throws IOException {
    Path pdf = Files.writeString(dir.resolve("scan.xlsx"), "%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
    assertThat(fails(pdf).message().en()).contains("the content is a PDF document");
    Path html =
        Files.writeString(
            dir.resolve("export.xls"), "<html><body><table><tr><td>申报编号</td></tr></table>");
    assertThat(fails(html).message().en()).contains("a web page (HTML)");
    Path pdfCsv = Files.writeString(dir.resolve("scan.csv"), "%PDF-1.7\n");
    assertThat(fails(pdfCsv).message().en()).contains("PDF");
  }

  @Test
  void zipThatIsNotAWorkbook() throws IOException {
    Path f = dir.resolve("other.xlsx");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      z.putNextEntry(new ZipEntry("hello.txt"));
      z.write("hi".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    assertThat(fails(f).message().en()).contains("not a valid .xlsx workbook");
  }

  @Test
  void encryptedXlsx() throws Exception {
    Path f = dir.resolve("locked.xlsx");
    try (POIFSFileSystem fs = new POIFSFileSystem();
        XSSFWorkbook wb = new XSSFWorkbook()) {
      fill(wb, Map.of("Sheet1", sample()), Set.of(), true);
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword("secret");
      try (OutputStream os = enc.getDataStream(fs)) {
        wb.write(os);
      }
      try (OutputStream out = Files.newOutputStream(f)) {
        fs.writeFilesystem(out);
      }
    }
    ClaimsFileException e = fails(f);
    assertThat(e.message().en()).contains("file is password-protected");
    assertThat(e.message().zh()).contains("文件有密码保护");
  }

  @Test
  void encryptedXls() throws Exception {
    Path f = dir.resolve("locked.xls");
    Biff8EncryptionKey.setCurrentUserPassword("secret");
    try {
      Fixtures.write(new HSSFWorkbook(), f, Map.of("Sheet1", sample()), Set.of(), true);
    } finally {
      Biff8EncryptionKey.setCurrentUserPassword(null);
    }
    assertThat(fails(f).message().en()).contains("file is password-protected");
  }

  @Test
  void excel95() throws IOException {
    Path f = dir.resolve("old.xls");
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      fs.createDocument(new ByteArrayInputStream(new byte[64]), "Book");
      try (OutputStream out = Files.newOutputStream(f)) {
        fs.writeFilesystem(out);
      }
    }
    assertThat(fails(f).message().en()).contains("Excel 5.0/95");
  }

  @Test
  void spreadsheetContentWinsOverExtension() throws IOException {
    Path xlsNamedXlsx =
        Fixtures.write(
            new HSSFWorkbook(),
            dir.resolve("really-xls.xlsx"),
            Map.of("Sheet1", sample()),
            Set.of(),
            true);
    assertThat(ClaimsFiles.read(xlsNamedXlsx, null, r -> {}).format()).isEqualTo("xls");
    Path xlsxNamedCsv =
        Fixtures.write(
            new XSSFWorkbook(),
            dir.resolve("really-xlsx.csv"),
            Map.of("Sheet1", sample()),
            Set.of(),
            true);
    List<ClaimRow> rows = ClaimsFiles.readAll(xlsxNamedCsv, null);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).problems()).isEmpty();
  }

  @Test
  void formulaWithoutCachedResultIsACellProblem() throws IOException {
    List<Object> r = goodRow("F-1");
    r.set(9, new Formula("1000*3"));
    Path f =
        Fixtures.write(
            new XSSFWorkbook(),
            dir.resolve("nocache.xlsx"),
            Map.of("Sheet1", rows(header(ZH_HEADERS), r)),
            Set.of(),
            false);
    ClaimRow row = ClaimsFiles.readAll(f, null).get(0);
    assertThat(row.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.column()).isEqualTo("计算基数 (J)");
              assertThat(p.cellText()).isEqualTo("=1000*3");
              assertThat(p.reason().en()).contains("no saved result");
            });
  }

  @Test
  void closingRowForms() {
    assertThat(TableScanner.isClosingRow("合计")).isTrue();
    assertThat(TableScanner.isClosingRow(" 合 计 ")).isTrue();
    assertThat(TableScanner.isClosingRow("总计：")).isTrue();
    assertThat(TableScanner.isClosingRow("小计")).isTrue();
    assertThat(TableScanner.isClosingRow("合计金额")).isFalse();
  }
}
