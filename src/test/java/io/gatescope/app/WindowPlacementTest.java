package io.gatescope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window always opens inside a screen, whatever size and place were saved. */
class WindowPlacementTest {
  static final Rectangle2D PROJECTOR = new Rectangle2D(0, 27, 1024, 573); // 1024×600 less a panel
  static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728); // 1366×768 less a task bar
  static final Rectangle2D RIGHT_4K = new Rectangle2D(1366, 0, 3840, 2120);

  @Test
  void aLargeSavedWindowShrinksToTheSmallScreenAndStaysOnIt() {
    Rectangle2D r = WindowPlacement.fit(new Rectangle2D(300, 200, 2400, 1400), List.of(PROJECTOR));
    assertEquals(new Rectangle2D(0, 27, 1024, 573), r);
  }

  @Test
  void aWindowSavedOffScreenComesBackWhole() {
    Rectangle2D r = WindowPlacement.fit(new Rectangle2D(1200, 700, 1000, 560), List.of(LAPTOP));
    assertEquals(new Rectangle2D(366, 168, 1000, 560), r);
    Rectangle2D above =
        WindowPlacement.fit(new Rectangle2D(-500, -900, 1000, 600), List.of(LAPTOP));
    assertEquals(new Rectangle2D(0, 0, 1000, 600), above);
  }

  @Test
  void noSavedSizeMeansTheDefaultOrTheScreenIfSmallerCentred() {
    assertEquals(
        new Rectangle2D(43, 0, 1280, 728), WindowPlacement.fit(null, List.of(LAPTOP, RIGHT_4K)));
    assertEquals(new Rectangle2D(0, 27, 1024, 573), WindowPlacement.fit(null, List.of(PROJECTOR)));
  }

  @Test
  void theWindowStaysOnTheScreenItWasOnAndTooSmallSizesGrowToTheMinimum() {
    Rectangle2D r =
        WindowPlacement.fit(new Rectangle2D(2000, 500, 100, 50), List.of(LAPTOP, RIGHT_4K));
    assertEquals(new Rectangle2D(2000, 500, 960, 540), r);
  }

  @Test
  void nonsenseNumbersFromADamagedSettingsFileStillGiveAWindowOnScreen() {
    Rectangle2D r =
        WindowPlacement.fit(
            new Rectangle2D(Double.NaN, Double.NaN, Double.NaN, Double.NaN), List.of(LAPTOP));
    assertEquals(new Rectangle2D(0, 0, 960, 540), r);
  }

  @Test
  void theMinimumNeverExceedsTheScreen() {
    Rectangle2D tiny = new Rectangle2D(0, 0, 800, 480);
    assertEquals(800, WindowPlacement.minWidth(tiny));
    assertEquals(480, WindowPlacement.minHeight(tiny));
    assertEquals(960, WindowPlacement.minWidth(LAPTOP));
  }
}
