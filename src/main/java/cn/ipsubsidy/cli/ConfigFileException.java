package cn.ipsubsidy.cli;

import cn.ipsubsidy.domain.Bilingual;
import cn.ipsubsidy.domain.ClerkFacing;
import java.nio.file.Path;

/**
 * A bad key or value among the office's defaults, naming where it is: the config file and line, or
 * the environment variable. Nothing runs until it is put right (exit 2).
 */
final class ConfigFileException extends RuntimeException implements ClerkFacing {
  private final Bilingual message;

  /** A line of the config file (0 when the file as a whole could not be read). */
  ConfigFileException(Path file, int line, Bilingual reason) {
    this(
        line > 0
            ? Bilingual.of(
                "设置文件 " + file + " 第 " + line + " 行：" + reason.zh(),
                "settings file " + file + ", line " + line + ": " + reason.en())
            : Bilingual.of(
                "设置文件 " + file + "：" + reason.zh(), "settings file " + file + ": " + reason.en()));
  }

  /** An environment variable ({@code IPSUBSIDY_LEDGER}, …). */
  ConfigFileException(String variable, Bilingual reason) {
    this(
        Bilingual.of(
            "环境变量 " + variable + "：" + reason.zh(),
            "environment variable " + variable + ": " + reason.en()));
  }

  private ConfigFileException(Bilingual message) {
    super(message.en());
    this.message = message;
  }

  @Override
  public Bilingual bilingual() {
    return message;
  }
}
