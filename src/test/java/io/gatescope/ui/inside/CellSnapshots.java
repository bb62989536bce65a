package io.gatescope.ui.inside;

import static io.gatescope.ui.FxTestSupport.onFx;
import static io.gatescope.ui.FxTestSupport.run;

import io.gatescope.core.Messages;
import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.CellNumbers;
import io.gatescope.core.inspect.Equations;
import io.gatescope.core.model.ModelFile;
import io.gatescope.ui.common.Files2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Not a test: renders the cell panel to PNG files for a person to look at, in both languages and at
 * two sizes, when run with {@code -Dcell.snapshots=<folder>}: the shipped LSTM on test image 0 at t
 * = 14 (plain, stepped to c, and with Γf clamped and the unit silenced), a GRU and an RNN.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "cell.snapshots", matches = ".+")
class CellSnapshots {
  private static final int T = 14;
  private static Quantity hover;

  @Test
  void render() throws Exception {
    Path out = Path.of(System.getProperty("cell.snapshots"));
    Files.createDirectories(out);
    LabeledImages test = Mnist.loadTest(DataLocator.mnistFolder(Optional.empty()));
    float[] img = test.images().imageAsFloats(0);
    RecurrentClassifier lstm =
        ModelFile.load(Path.of("assets/models/lstm-classic.gatescope")).model();
    Locale before = Messages.language();
    try {
      for (Locale lang : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
        Messages.use(lang);
        String tag = lang == Locale.ENGLISH ? "en" : "zh";
        GateTrace tr = lstm.trace(img);
        int u = busiest(tr);
        shoot(out, "lstm-" + tag, lstm, tr, img, u, 0);
        shoot(out, "lstm-step-" + tag, lstm, tr, img, u, tag.equals("en") ? 5 : 6);
        GateTrace clamped =
            lstm.trace(
                img,
                List.of(Intervention.clampAll(0, Quantity.FORGET, 0f), Intervention.silence(0, u)));
        shoot(out, "lstm-clamp-" + tag, lstm, clamped, img, u, 2);
        hover = Quantity.CELL;
        shoot(out, "lstm-hover-" + tag, lstm, tr, img, u, 0);
        hover = null;
        for (CellType cell : List.of(CellType.GRU, CellType.RNN)) {
          RecurrentClassifier m =
              RecurrentClassifier.create(new ModelConfig(cell, 1, 32, 0, 1.0, 5));
          GateTrace t = m.trace(img);
          shoot(
              out,
              cell.name().toLowerCase() + "-" + tag,
              m,
              t,
              img,
              busiest(t),
              tag.equals("en") ? 0 : 3);
        }
      }
    } finally {
      Messages.use(before);
    }
  }

  /** The unit with the largest |a⟨t⟩| at t: something to look at. */
  private static int busiest(GateTrace tr) {
    float[] a = tr.get(0, Quantity.HIDDEN)[T - 1];
    int best = 0;
    for (int k = 1; k < a.length; k++) {
      if (Math.abs(a[k]) > Math.abs(a[best])) {
        best = k;
      }
    }
    return best;
  }

  private static void shoot(
      Path out, String name, RecurrentClassifier m, GateTrace tr, float[] img, int u, int steps)
      throws Exception {
    float[] reading = m.config().reading().apply(img);
    CellNumbers n = CellNumbers.of(tr, 0, T, u, reading);
    float tanhC = tr.cell() == CellType.LSTM ? tr.get(0, Quantity.CELL_TANH)[T - 1][u] : Float.NaN;
    double r = 1e-6;
    if (tr.cell() == CellType.LSTM) {
      for (float[] row : tr.get(0, Quantity.CELL)) {
        for (float v : row) {
          r = Math.max(r, Math.abs(v));
        }
      }
    }
    String eq = Equations.describe(tr, 0, T, u);
    for (int[] size : new int[][] {{1000, 560}, {700, 400}}) {
      Stage[] stage = new Stage[1];
      FxToolkit.registerPrimaryStage();
      double range = r;
      run(
          () -> {
            CellStepper stepper = new CellStepper();
            CellPanel p = new CellPanel(stepper, new SimpleIntegerProperty(T), t -> {});
            p.setStyle("-fx-padding: 8;");
            Scene scene = new Scene(p, size[0], size[1]);
            scene
                .getStylesheets()
                .add(
                    CellSnapshots.class
                        .getResource("/io/gatescope/ui/gatescope.css")
                        .toExternalForm());
            p.show(n, tanhC, range, eq);
            for (int k = 0; k < steps; k++) {
              stepper.step();
            }
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
          });
      Thread.sleep(300);
      WritableImage shot =
          onFx(
              () -> {
                if (hover != null) { // the pointer's place is the headless robot's: show it here
                  ((CellPanel) stage[0].getScene().getRoot()).diagram().hoverOn(hover);
                }
                return stage[0].getScene().snapshot(null);
              });
      Files.write(out.resolve("cell-" + name + "-" + size[0] + ".png"), Files2.png(shot));
      run(() -> stage[0].close());
    }
  }
}
