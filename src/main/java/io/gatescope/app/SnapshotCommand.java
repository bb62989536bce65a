package io.gatescope.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Renders a workspace headlessly to a PNG. */
@Command(name = "snapshot", description = "Render a workspace to a PNG, headlessly.")
public final class SnapshotCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
