package io.gatescope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Export reading…" writes a GIF with a frame per row read (and the answer), that ImageIO reads.
 */
class ReadingExportTest extends WorkbenchTestBase {
  @TempDir Path dir;

  @Override
  protected String workspace() {
    return "Draw";
  }

  @Test
  void theGifHasAFramePerRowThatDecodesAndShowsTheRowsBeingRead() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.drawVm.loadTestImage(0));
    FxTestSupport.waitFor(
        "the prediction", 60, () -> wb.drawVm.stepProbabilitiesProperty().get() != null);
    Path gif = dir.resolve("reading.gif");
    AtomicInteger frames = new AtomicInteger(0);
    FxTestSupport.run(() -> ReadingExport.write(wb.session, gif, frames::set));
    FxTestSupport.waitFor("the GIF", 120, () -> frames.get() != 0);
    assertEquals(29, frames.get(), "28 rows and the answer");

    List<BufferedImage> shown = GifFrames.shown(gif);
    assertEquals(29, shown.size(), "one frame per timestep, then the answer");
    // Reading row 2 changes the picture: the row outline moves, a map column and P fill in.
    for (int k = 1; k < 28; k++) {
      assertTrue(
          GifFrames.differing(shown.get(k - 1), shown.get(k)) > 50,
          "frame " + (k + 1) + " differs from frame " + k);
    }
    assertEquals(shown.get(0).getWidth(), shown.get(28).getWidth());
  }
}
