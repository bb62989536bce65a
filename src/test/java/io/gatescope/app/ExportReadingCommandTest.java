package io.gatescope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.cli.GateScopeCommand;
import io.gatescope.core.Messages;
import io.gatescope.ui.common.GifFrames;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import picocli.CommandLine;

/**
 * export-reading writes the GIF and exits 0; a missing picture, a test index out of range or an
 * --out that cannot be written exit 2 with one line. (JavaFX already runs in the test process: the
 * command uses it and leaves it running.)
 */
class ExportReadingCommandTest {
  @TempDir Path dir;

  @BeforeAll
  static void javaFx() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void english() {
    Messages.use(Locale.ENGLISH);
  }

  record Run(int code, String err) {}

  static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = GateScopeCommand.commandLine(new ExportReadingCommand());
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, err.toString());
  }

  @Test
  void writesTheGifOfATestImage() throws Exception {
    Path out = dir.resolve("seven.gif");
    Run r = run("export-reading", "--test-index", "0", "--out", out.toString(), "--lang", "en");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.size(out) > 1000);
    assertEquals(29, GifFrames.shown(out).size(), "28 rows and the answer");
  }

  @Test
  void badInputExitsTwoWithOneLine() {
    Path out = dir.resolve("x.gif");
    Run missing =
        run("export-reading", dir.resolve("nope.png").toString(), "--out", out.toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("nope.png"), missing.err());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());

    Run index = run("export-reading", "--test-index", "10000", "--out", out.toString());
    assertEquals(2, index.code());
    assertTrue(index.err().contains("--test-index"), index.err());
    assertEquals(1, index.err().strip().lines().count(), index.err());

    Path nowhere = dir.resolve("no-such-folder").resolve("x.gif");
    Run unwritable = run("export-reading", "--test-index", "0", "--out", nowhere.toString());
    assertEquals(2, unwritable.code());
    assertTrue(unwritable.err().contains("--out"), unwritable.err());
    assertEquals(1, unwritable.err().strip().lines().count(), unwritable.err());
    assertFalse(Files.exists(out));
  }
}
