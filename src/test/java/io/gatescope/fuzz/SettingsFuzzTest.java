package io.gatescope.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gatescope.app.WindowPlacement;
import io.gatescope.core.Messages;
import io.gatescope.core.settings.Settings;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.common.Session;
import io.gatescope.ui.train.TrainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any bytes as the settings file, read the way the app reads it at start: the settings load (with a
 * problem to show when they are not settings), and every value the app takes from them (the
 * language, the window's place, the last model, the training form) is read without an exception.
 */
class SettingsFuzzTest {
  private static final List<Rectangle2D> SCREENS = List.of(new Rectangle2D(0, 0, 1024, 600));
  private static final TrainViewModel FORM = new TrainViewModel(new Session());

  static Stream<Arguments> corpus() {
    return FuzzSupport.corpus("settings");
  }

  @MethodSource("corpus")
  @FuzzTest
  void anyBytesAsTheSettingsFile(byte[] bytes) {
    Path file = FuzzSupport.file("settings.properties", bytes);
    Settings.Loaded loaded = Settings.load(file);
    Settings s = loaded.settings();
    loaded.problem().ifPresent(m -> assertTrue(m.contains(file.toString()), m));

    assertNotNull(Messages.fromSetting(s.get("language").orElse("system")));
    Rectangle2D saved =
        s.window().map(w -> new Rectangle2D(w.x(), w.y(), w.width(), w.height())).orElse(null);
    Rectangle2D placed = WindowPlacement.fit(saved, SCREENS);
    assertTrue(SCREENS.get(0).contains(placed), "window off the screen: " + placed);
    s.path("model.last").filter(Files::isRegularFile); // as the app opens the last model

    FORM.applyPreset(TrainingConfig.classic());
    FORM.form().restore(k -> s.get("train." + k));
    TrainingConfig restored = FORM.form().validate();
    assertTrue(
        restored == null ? !FORM.form().errors().isEmpty() : restored.validate().isEmpty(),
        "the form is either refused with reasons or a config GateScope allows");
  }
}
