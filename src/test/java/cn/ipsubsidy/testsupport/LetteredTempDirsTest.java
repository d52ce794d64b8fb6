package cn.ipsubsidy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.claims.PersonalIds;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LetteredTempDirsTest {
  @TempDir Path dir;

  @Test
  void theTestsTemporaryFoldersAreNamedByLettersThatNoMaskHides() {
    assertThat(dir.getFileName().toString()).matches("junit-[a-z]{12}");
    assertThat(PersonalIds.mask(dir.toString())).isEqualTo(dir.toString());
  }
}
