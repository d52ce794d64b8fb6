package cn.ipsubsidy.testsupport;

import cn.ipsubsidy.report.PoiTempFolder;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the test JVM the tool's own POI temporary folder before any test runs, as {@code ipsubsidy}
 * does at start: tests that read or write workbooks without the command line would otherwise use
 * {@code /tmp/poifiles}, which another user of the machine may own.
 */
public final class PoiTempForTests implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    PoiTempFolder.ensure();
  }
}
