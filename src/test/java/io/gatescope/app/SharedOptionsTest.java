package io.gatescope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.cli.GateScopeCommand;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * An option declared once (a picocli mixin) reads and reads back the same in every command that has
 * it: the same help line, and the value given is the value the command gets.
 */
class SharedOptionsTest {
  private final CommandLine cl =
      GateScopeCommand.commandLine(new SnapshotCommand(), new UiBenchCommand());

  private String helpLine(String command, String option) {
    List<String> lines =
        Arrays.stream(cl.getSubcommands().get(command).getUsageMessage().split("\n"))
            .filter(l -> l.strip().startsWith(option + "="))
            .toList();
    assertEquals(1, lines.size(), command + " " + option + ": " + lines);
    return lines.get(0).strip().replaceAll("\\s+", " "); // columns differ per command
  }

  @Test
  void dataAndBatchHaveOneHelpLineWhereverTheyAre() {
    String data = helpLine("evaluate", "--data");
    assertTrue(data.startsWith("--data=FOLDER"), data);
    for (String c : List.of("train", "predict", "inspect", "snapshot")) {
      assertEquals(data, helpLine(c, "--data"), c);
    }
    String batch = helpLine("train", "--batch");
    assertTrue(batch.contains("Default: 128"), batch);
    assertEquals(batch, helpLine("bench", "--batch"));
  }

  @Test
  void snapshotTakesTheDataFolderGiven() {
    SnapshotCommand snapshot = new SnapshotCommand();
    new CommandLine(snapshot)
        .parseArgs("--workspace", "draw", "--out", "x.png", "--data", "/tmp/mnist-here");
    assertEquals(Path.of("/tmp/mnist-here"), snapshot.data.folder().orElseThrow());
    SnapshotCommand none = new SnapshotCommand();
    new CommandLine(none).parseArgs("--workspace", "draw", "--out", "x.png");
    assertTrue(none.data.folder().isEmpty(), "no --data: the usual places");
  }
}
