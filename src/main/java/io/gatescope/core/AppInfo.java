package io.gatescope.core;

/** The application's version, from the jar manifest ("dev" when run from classes). */
public final class AppInfo {
  private AppInfo() {}

  public static String version() {
    String v = AppInfo.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
