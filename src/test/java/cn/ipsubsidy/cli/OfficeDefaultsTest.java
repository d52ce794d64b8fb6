package cn.ipsubsidy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code config.properties}: keys, values, their lines, and the environment over them. */
class OfficeDefaultsTest {
  @TempDir Path dir;

  private Path file(String text) throws IOException {
    return Files.writeString(dir.resolve("config.properties"), text, StandardCharsets.UTF_8);
  }

  private static String value(OfficeDefaults d, String key) {
    return d.setting(key).orElseThrow().value();
  }

  @Test
  void eachKeyIsReadWithItsLine() throws IOException {
    Files.writeString(dir.resolve("local-rules.yaml"), "office: x\n");
    Path f =
        file(
            "# 连云港市知识产权局 财务科\n"
                + "ledger = jdbc:sqlite:D:\\资助\\ledger.db\n"
                + "\n"
                + "rules=local-rules.yaml\n"
                + "operator: 张三\n"
                + "policy=lyg-2021\n"
                + "lang=zh\n"
                + "lock-wait=120\n");
    OfficeDefaults d = OfficeDefaults.load(f, Map.of());
    // a Windows path is taken as written: java.util.Properties would read D:资助ledger.db
    assertThat(value(d, "ledger")).isEqualTo("jdbc:sqlite:D:\\资助\\ledger.db");
    assertThat(d.setting("ledger").orElseThrow().source())
        .isEqualTo(new OfficeDefaults.Source.FileLine(f, 2));
    // a relative rules path is relative to the config file's folder
    assertThat(value(d, "rules")).isEqualTo(dir.resolve("local-rules.yaml").toString());
    assertThat(value(d, "operator")).isEqualTo("张三");
    assertThat(d.setting("operator").orElseThrow().source())
        .isEqualTo(new OfficeDefaults.Source.FileLine(f, 5));
    assertThat(value(d, "policy")).isEqualTo("lyg-2021");
    assertThat(value(d, "lang")).isEqualTo("zh");
    assertThat(value(d, "lock-wait")).isEqualTo("120");
    assertThat(d.fileExists()).isTrue();
  }

  @Test
  void theEnvironmentWinsOverTheFile() throws IOException {
    Path f = file("operator=张三\nlock-wait=120\n");
    OfficeDefaults d =
        OfficeDefaults.load(f, Map.of("IPSUBSIDY_OPERATOR", "李四", "IPSUBSIDY_LOCK_WAIT", " 5 "));
    assertThat(value(d, "operator")).isEqualTo("李四");
    assertThat(d.setting("operator").orElseThrow().source())
        .isEqualTo(new OfficeDefaults.Source.Environment("IPSUBSIDY_OPERATOR"));
    assertThat(value(d, "lock-wait")).isEqualTo("5");
  }

  @Test
  void noFileIsNoError() {
    OfficeDefaults d = OfficeDefaults.load(dir.resolve("config.properties"), Map.of());
    assertThat(d.fileExists()).isFalse();
    assertThat(d.setting("ledger")).isEmpty();
  }

  @Test
  void aFileSavedByChineseNotepadAsAnsiIsReadAsGb18030AndABomIsSkipped() throws IOException {
    Path f = dir.resolve("config.properties");
    Files.write(f, "operator=王五\n".getBytes(Charset.forName("GBK")));
    assertThat(value(OfficeDefaults.load(f, Map.of()), "operator")).isEqualTo("王五");
    Files.writeString(f, "\uFEFFoperator=赵六\n", StandardCharsets.UTF_8);
    assertThat(value(OfficeDefaults.load(f, Map.of()), "operator")).isEqualTo("赵六");
  }

  @Test
  void anUnknownKeyNamesTheFileAndLine() throws IOException {
    Path f = file("operator=张三\n# 覆盖\nforce=true\n");
    assertThatThrownBy(() -> OfficeDefaults.load(f, Map.of()))
        .isInstanceOfSatisfying(
            ConfigFileException.class,
            e -> {
              assertThat(e.bilingual().zh())
                  .isEqualTo(
                      "设置文件 "
                          + f
                          + " 第 3 行：未知的设置项“force”；可用的设置项：ledger、rules、operator、policy、lang、lock-wait");
              assertThat(e.bilingual().en())
                  .isEqualTo(
                      "settings file "
                          + f
                          + ", line 3: unknown setting 'force'; the settings are ledger, rules,"
                          + " operator, policy, lang, lock-wait");
            });
  }

  @Test
  void aKeySetTwiceIsRefusedNotTheLastOneTaken() throws IOException {
    Path f = file("operator=张三\noperator=李四\n");
    assertThatThrownBy(() -> OfficeDefaults.load(f, Map.of()))
        .isInstanceOfSatisfying(
            ConfigFileException.class,
            e -> assertThat(e.bilingual().zh()).endsWith("第 2 行：“operator”已在第 1 行设置过；请只保留一行"));
  }

  @Test
  void eachBadValueNamesItsLine() throws IOException {
    String[][] cases = {
      {"lock-wait=半分钟", "第 1 行：等待秒数须为 0 至 999999 的整数：半分钟"},
      {"lock-wait=-5", "第 1 行：等待秒数须为 0 至 999999 的整数：-5"},
      {"lang=fr", "第 1 行：语言须为 zh 或 en：fr"},
      {"policy=lyg-2099", "第 1 行：未登记的政策“lyg-2099”"},
      {"rules=nowhere.yaml", "第 1 行：本地规则文件不存在：" + dir.resolve("nowhere.yaml")},
      {"ledger=D:\\ledger.db", "第 1 行：账本须为 jdbc:sqlite:路径 或 jdbc:postgresql://主机/库?user=… 的形式"},
      {"\n\nno separator here", "第 3 行：不是“名称=值”的形式"},
    };
    for (String[] c : cases) {
      Path f = file(c[0] + "\n");
      assertThatThrownBy(() -> OfficeDefaults.load(f, Map.of()))
          .as(c[0])
          .isInstanceOfSatisfying(
              ConfigFileException.class,
              e -> assertThat(e.bilingual().zh()).startsWith("设置文件 " + f).contains(c[1]));
    }
  }

  @Test
  void aBadLedgerUrlIsShownWithItsPasswordMasked() throws IOException {
    Path f = file("ledger=postgresql://db/lyg?user=clerk&password=s3cret\n");
    assertThatThrownBy(() -> OfficeDefaults.load(f, Map.of()))
        .isInstanceOfSatisfying(
            ConfigFileException.class,
            e ->
                assertThat(e.bilingual().toString())
                    .doesNotContain("s3cret")
                    .contains("password=***"));
  }

  @Test
  void aBadEnvironmentVariableIsNamed() {
    assertThatThrownBy(
            () -> OfficeDefaults.load(dir.resolve("none"), Map.of("IPSUBSIDY_LOCK_WAIT", "x")))
        .isInstanceOfSatisfying(
            ConfigFileException.class,
            e ->
                assertThat(e.bilingual().en())
                    .isEqualTo(
                        "environment variable IPSUBSIDY_LOCK_WAIT: the seconds to wait must be a"
                            + " whole number from 0 to 999999: x"));
    // IPSUBSIDY_LANG set for other programs stays ignored, as before the settings file
    assertThat(
            OfficeDefaults.load(dir.resolve("none"), Map.of("IPSUBSIDY_LANG", "fr_FR"))
                .setting("lang"))
        .isEmpty();
  }

  @Test
  void anEmptyValueLeavesTheSettingUnset() throws IOException {
    assertThat(OfficeDefaults.load(file("rules=\n"), Map.of()).setting("rules")).isEmpty();
  }

  @Test
  void environmentVariablesAreTheKeysInCapitals() {
    assertThat(OfficeDefaults.environmentVariable("lock-wait")).isEqualTo("IPSUBSIDY_LOCK_WAIT");
    assertThat(OfficeDefaults.environmentVariable("ledger")).isEqualTo("IPSUBSIDY_LEDGER");
  }
}
