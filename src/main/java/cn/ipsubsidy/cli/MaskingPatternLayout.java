package cn.ipsubsidy.cli;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import cn.ipsubsidy.claims.PersonalIds;

/**
 * The log file's layout: Logback's pattern layout with resident ID numbers masked in the message
 * and in any stack trace ({@link PersonalIds}). Set up by {@link LogConfigurator}.
 */
public final class MaskingPatternLayout extends PatternLayout {
  @Override
  public String doLayout(ILoggingEvent event) {
    return PersonalIds.mask(super.doLayout(event));
  }
}
