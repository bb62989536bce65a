package io.gatescope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.cli.GateScopeCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A double-clicked model opens the window with it; everything else stays a command line. */
class OpenFilesTest {
  private static final Set<String> COMMANDS =
      GateScopeCommand.commandLine(new SnapshotCommand(), new UiBenchCommand())
          .getSubcommands()
          .keySet();

  @TempDir Path dir;

  @Test
  void aModelFileAsTheOnlyArgumentOpensTheWindow() throws Exception {
    Path model = dir.resolve("run 3 LSTM H128.gatescope");
    assertEquals(Optional.of(model), OpenFiles.fromArguments(List.of(model.toString()), COMMANDS));
    // Missing or damaged, it still goes to the window, which says what is wrong with it.
    Path missing = dir.resolve("gone.GATESCOPE");
    assertEquals(
        Optional.of(missing), OpenFiles.fromArguments(List.of(missing.toString()), COMMANDS));
    Path dl4j = Files.writeString(dir.resolve("net.zip"), "x");
    assertEquals(Optional.of(dl4j), OpenFiles.fromArguments(List.of(dl4j.toString()), COMMANDS));
  }

  @Test
  void commandsOptionsAndSeveralArgumentsStayACommandLine() {
    assertTrue(COMMANDS.containsAll(Set.of("train", "evaluate", "predict", "inspect", "bench")));
    for (List<String> args :
        List.of(
            List.of("evaluate"),
            List.of("--help"),
            List.of("-V"),
            List.of("predict", "digit.png"),
            List.of("no-such-command"),
            List.<String>of())) {
      assertEquals(Optional.empty(), OpenFiles.fromArguments(args, COMMANDS), args.toString());
    }
  }
}
