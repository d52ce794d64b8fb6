package cn.ipsubsidy.outputs;

import static cn.ipsubsidy.testsupport.OutputFolders.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipsubsidy.report.OutputExistsException;
import cn.ipsubsidy.report.OutputFiles;
import cn.ipsubsidy.report.OutputWriteException;
import cn.ipsubsidy.report.PreparedOutput;
import cn.ipsubsidy.testsupport.OutputFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several outputs placed together: all of them, or none and the old files as they were. */
class StagedOutputsTest {
  @TempDir Path dir;

  private List<String> listing() throws IOException {
    return OutputFolders.listing(dir);
  }

  /**
   * The second file cannot be moved into place (on Windows: the old audit log is open in Excel).
   * The workbook already placed is taken back, so the pair never mixes two runs.
   */
  @Test
  void aPairWhoseSecondFileCannotBePlacedRestoresTheFirst() throws IOException {
    Path workbook = dir.resolve("claims-payout.xlsx");
    Path audit = dir.resolve("claims-audit.csv");
    Files.writeString(workbook, "old wb");
    Files.writeString(audit, "old csv");
    PreparedOutput w = OutputFiles.prepare(workbook, true, text("new wb"));
    PreparedOutput a = OutputFiles.prepare(audit, true, text("new csv"));
    Files.delete(a.temp()); // its move fails as a locked target's would
    assertThatThrownBy(() -> StagedOutputs.commitAll(List.of(w, a)))
        .isInstanceOf(OutputWriteException.class)
        .hasMessageContaining("无法替换 " + audit)
        .hasMessageContaining("已恢复原有文件")
        .hasMessageContaining("the previous files were restored and nothing was written");
    assertThat(workbook).hasContent("old wb");
    assertThat(audit).hasContent("old csv");
    assertThat(listing()).containsExactly("claims-audit.csv", "claims-payout.xlsx");
  }

  @Test
  void aNewPairWhoseSecondFileCannotBePlacedLeavesNoFile() throws IOException {
    Path workbook = dir.resolve("claims-payout.xlsx");
    Path audit = dir.resolve("claims-audit.csv");
    PreparedOutput w = OutputFiles.prepare(workbook, false, text("new wb"));
    PreparedOutput a = OutputFiles.prepare(audit, false, text("new csv"));
    Files.delete(a.temp());
    assertThatThrownBy(() -> StagedOutputs.commitAll(List.of(w, a)))
        .isInstanceOf(OutputWriteException.class);
    assertThat(listing()).isEmpty();
  }

  @Test
  void preparedFilesAppearOnlyOnCommit() throws IOException {
    Path workbook = dir.resolve("claims-payout.xlsx");
    Path audit = dir.resolve("claims-audit.csv");
    PreparedOutput w = OutputFiles.prepare(workbook, false, text("wb"));
    PreparedOutput a = OutputFiles.prepare(audit, false, text("csv"));
    assertThat(workbook).doesNotExist();
    assertThat(audit).doesNotExist();
    assertThat(w.temp()).hasContent("wb");

    StagedOutputs.commitAll(List.of(w, a));
    assertThat(workbook).hasContent("wb");
    assertThat(audit).hasContent("csv");
    assertThat(w.isCommitted()).isTrue();
    assertThat(listing()).containsExactly("claims-audit.csv", "claims-payout.xlsx");
    assertThatThrownBy(w::commit).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTargetThatAppearsBeforeCommitIsNotReplacedWithoutForce() throws IOException {
    Path workbook = dir.resolve("claims-payout.xlsx");
    Path audit = dir.resolve("claims-audit.csv");
    PreparedOutput w = OutputFiles.prepare(workbook, false, text("wb"));
    PreparedOutput a = OutputFiles.prepare(audit, false, text("csv"));
    Files.writeString(audit, "someone else's");

    assertThatThrownBy(() -> StagedOutputs.commitAll(List.of(w, a)))
        .isInstanceOf(OutputExistsException.class)
        .hasMessageContaining("claims-audit.csv");
    assertThat(workbook).as("refused before anything moved").doesNotExist();
    assertThat(audit).hasContent("someone else's");
    assertThat(listing()).containsExactly("claims-audit.csv");
  }
}
