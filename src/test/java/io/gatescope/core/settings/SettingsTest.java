package io.gatescope.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  @Test
  void savedSettingsComeBackAndNoTemporaryFileIsLeft() throws Exception {
    Path f = dir.resolve("gatescope/settings.properties");
    Settings s = Settings.load(f).settings();
    s.put("window.width", "1400");
    s.put("train.learning rate", "0.002");
    s.save(f);
    Settings.Loaded back = Settings.load(f);
    assertTrue(back.problem().isEmpty());
    assertEquals("0.002", back.settings().get("train.learning rate").orElseThrow());
    assertEquals(1400, back.settings().number("window.width", 1280, 640, 10000));
    try (var files = Files.list(f.getParent())) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void aCorruptFileStartsWithDefaultsAndSaysSo() throws Exception {
    Path f = dir.resolve("settings.properties");
    byte[] noise = new byte[300];
    new Random(3).nextBytes(noise);
    noise[10] = 0;
    Files.write(f, noise);
    Settings.Loaded l = Settings.load(f);
    assertTrue(l.settings().asMap().isEmpty());
    assertEquals(
        "The settings file "
            + f
            + " could not be read (its content is not settings); GateScope"
            + " started with default settings and will write a new one.",
        l.problem().orElseThrow());
  }

  @Test
  void absurdValuesFallBackToDefaults() {
    Settings s = new Settings();
    s.put("window.width", "NaN");
    s.put("window.height", "-5");
    assertEquals(1280, s.number("window.width", 1280, 640, 10000));
    assertEquals(800, s.number("window.height", 800, 480, 10000));
    assertEquals(800, s.number("missing", 800, 480, 10000));
  }

  @Test
  void aFolderWhereTheFileShouldBeIsReported() throws Exception {
    Path f = dir.resolve("settings.properties");
    Files.createDirectories(f);
    assertTrue(Settings.load(f).problem().orElseThrow().contains("not a settings file"));
  }
}
