package io.gatescope.cli;

import io.gatescope.core.AppInfo;
import picocli.CommandLine.IVersionProvider;

/** picocli's --version. */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"GateScope " + AppInfo.version()};
  }
}
