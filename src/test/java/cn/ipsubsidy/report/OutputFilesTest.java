package cn.ipsubsidy.report;

import static cn.ipsubsidy.testsupport.OutputFolders.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipsubsidy.outputs.StagedOutputs;
import cn.ipsubsidy.testsupport.OutputFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
  @TempDir Path dir;

  private List<String> listing() throws IOException {
    return OutputFolders.listing(dir);
  }

  @Test
  void writesANewFile() throws IOException {
    Path target = dir.resolve("out.xlsx");
    OutputFiles.writeAtomically(target, false, text("new"));
    assertThat(target).hasContent("new");
    assertThat(listing()).containsExactly("out.xlsx");
  }

  @Test
  void refusesAnExistingFileWithoutForceAndLeavesItUntouched() throws IOException {
    Path target = dir.resolve("out.xlsx");
    Files.writeString(target, "old");
    boolean[] called = {false};
    assertThatThrownBy(
            () ->
                OutputFiles.writeAtomically(
                    target,
                    false,
                    f -> {
                      called[0] = true;
                      Files.writeString(f, "new");
                    }))
        .isInstanceOf(OutputExistsException.class)
        .hasMessageContaining(target.toString())
        .hasMessageContaining("--force")
        .hasMessageContaining("已存在")
        .hasMessageContaining("already exists");
    assertThat(called[0]).as("no work done for a refused file").isFalse();
    assertThat(target).hasContent("old");
    assertThat(listing()).containsExactly("out.xlsx");
  }

  @Test
  void replacesAnExistingFileWithForce() throws IOException {
    Path target = dir.resolve("out.xlsx");
    Files.writeString(target, "old");
    OutputFiles.writeAtomically(target, true, text("new"));
    assertThat(target).hasContent("new");
    assertThat(listing()).containsExactly("out.xlsx");
  }

  @Test
  void writesToAHiddenTempFileBesideTheTarget() throws IOException {
    Path target = dir.resolve("out.xlsx");
    Path[] seen = new Path[1];
    OutputFiles.writeAtomically(
        target,
        false,
        f -> {
          seen[0] = f;
          assertThat(target).doesNotExist();
          Files.writeString(f, "x");
        });
    assertThat(seen[0].getParent()).isEqualTo(target.toAbsolutePath().getParent());
    assertThat(seen[0].getFileName().toString()).matches("\\.out\\.xlsx\\.[0-9a-f]{16}\\.tmp");
    assertThat(seen[0]).doesNotExist();
  }

  @Test
  void aFailingWriterLeavesNoTempFileAndTheOldTargetIntact() throws IOException {
    Path target = dir.resolve("out.xlsx");
    Files.writeString(target, "old");
    assertThatThrownBy(
            () ->
                OutputFiles.writeAtomically(
                    target,
                    true,
                    f -> {
                      Files.writeString(f, "half");
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(OutputWriteException.class)
        .hasMessageContaining("写出 " + target + " 失败：disk full；未写出任何文件，原有文件未改动")
        .hasMessageContaining("nothing was written and existing files are unchanged")
        .hasRootCauseMessage("disk full");
    assertThat(target).hasContent("old");
    assertThat(listing()).containsExactly("out.xlsx");

    assertThatThrownBy(
            () ->
                OutputFiles.writeAtomically(
                    dir.resolve("other.csv"),
                    false,
                    f -> {
                      throw new UncheckedIOException(new IOException("boom"));
                    }))
        .isInstanceOf(OutputWriteException.class)
        .hasRootCauseMessage("boom");
    assertThat(listing()).containsExactly("out.xlsx");
  }

  @Test
  void aFullDiskIsNamedInWordsAClerkKnows() {
    assertThat(OutputWriteException.reason(new IOException("No space left on device")))
        .isEqualTo(cn.ipsubsidy.domain.Bilingual.of("磁盘空间已满", "the disk is full"));
    assertThat(OutputWriteException.reason(new IOException("File too large")).en())
        .isEqualTo("the file grew beyond the size allowed");
  }

  @Test
  void discardRemovesTheTempFileAndTouchesNothingElse() throws IOException {
    Path target = dir.resolve("out.xlsx");
    Files.writeString(target, "old");
    PreparedOutput p = OutputFiles.prepare(target, true, text("new"));
    p.discard();
    assertThat(p.temp()).doesNotExist();
    assertThat(target).hasContent("old");
    assertThatThrownBy(p::commit).isInstanceOf(IllegalStateException.class);
    assertThat(listing()).containsExactly("out.xlsx");
  }

  @Test
  void singleCommitRefusesATargetThatAppearedAndDeletesItsTemp() throws IOException {
    Path target = dir.resolve("out.xlsx");
    PreparedOutput p = OutputFiles.prepare(target, false, text("new"));
    Files.writeString(target, "raced");
    assertThatThrownBy(p::commit).isInstanceOf(OutputExistsException.class);
    assertThat(target).hasContent("raced");
    assertThat(listing()).containsExactly("out.xlsx");
  }

  @Test
  void aMissingDirectoryIsNamedInTheError() {
    Path missing = dir.resolve("no-such-dir");
    assertThatThrownBy(
            () -> OutputFiles.writeAtomically(missing.resolve("out.xlsx"), false, text("x")))
        .isInstanceOf(OutputDirectoryException.class)
        .hasMessageContaining(missing.toString())
        .satisfies(e -> assertThat(((OutputDirectoryException) e).directory()).isEqualTo(missing));
  }

  @Test
  void aDirectoryThatIsAFileIsNamedInTheError() throws IOException {
    Path file = dir.resolve("plain-file");
    Files.writeString(file, "");
    assertThatThrownBy(
            () -> OutputFiles.writeAtomically(file.resolve("out.xlsx"), false, text("x")))
        .isInstanceOf(OutputDirectoryException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aTargetThatIsADirectoryIsRefusedEvenWithForce() throws IOException {
    Path target = Files.createDirectory(dir.resolve("out.xlsx"));
    assertThatThrownBy(() -> OutputFiles.writeAtomically(target, true, text("x")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("directory");
    assertThat(target).isDirectory();
  }

  @Test
  void writesTheWorkbookAndAuditLogTogether() throws IOException {
    Path workbook = dir.resolve("claims-payout.xlsx");
    Path audit = dir.resolve("claims-audit.csv");
    var result = Fixtures.result();
    var facts = Fixtures.facts();
    try (PreparedOutput w =
            OutputFiles.prepare(
                workbook, false, f -> new PayoutWorkbookWriter().write(result, facts, f));
        PreparedOutput a =
            OutputFiles.prepare(
                audit, false, f -> new AuditCsvWriter().write(result, facts.runId(), f))) {
      StagedOutputs.commitAll(List.of(w, a));
    }
    assertThat(Files.size(workbook)).isPositive();
    assertThat(Files.readString(audit)).startsWith("\uFEFFrun_id,");
    assertThat(listing()).containsExactly("claims-audit.csv", "claims-payout.xlsx");
  }
}
