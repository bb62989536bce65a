package io.gatescope.ui;

import io.gatescope.ui.common.FxThread;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import org.testfx.api.FxRobot;

/** Waiting for the FX thread and for background work in UI tests. */
public final class FxTestSupport {
  private FxTestSupport() {}

  public static <T> T onFx(Callable<T> c) throws Exception {
    return FxThread.call(c);
  }

  public static void run(Runnable r) throws Exception {
    onFx(
        () -> {
          r.run();
          return null;
        });
  }

  /** Polls a condition on the FX thread until it holds or the time is up. */
  public static void waitFor(String what, int seconds, BooleanSupplier cond) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      if (onFx(cond::getAsBoolean)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /**
   * The window at {@code width} × {@code height} with presenter mode at {@code percent} (0: off),
   * waited for until the scene has that height.
   */
  public static void windowAt(
      javafx.stage.Stage stage,
      io.gatescope.ui.common.Presenter presenter,
      int width,
      int height,
      int percent)
      throws Exception {
    run(
        () -> {
          stage.setWidth(width);
          stage.setHeight(height);
          presenter.setOn(percent > 0);
          if (percent > 0) {
            presenter.choosePercent(percent);
          }
        });
    awaitSceneHeight(stage, height);
  }

  /**
   * Waits until {@code stage}'s scene is {@code height} px high, then for the FX events after it:
   * the window system resizes asynchronously, under load a pulse or two after the call.
   */
  public static void awaitSceneHeight(javafx.stage.Stage stage, double height) throws Exception {
    waitFor(
        "the window at " + height + " px",
        20,
        () -> Math.abs(stage.getScene().getHeight() - height) < 1.0);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * Where a node's centre is on the screen, worked out on the FX thread. TestFX's {@code
   * clickOn(node)}, {@code clickOn(query)} and {@code moveTo(node)} measure the node on the calling
   * thread; measuring can lay out text, and JavaFX's text layout (FreeType, Pango) running beside
   * the FX thread's own corrupted the native heap in about one test run in six (docs/faults.md).
   * ArchitectureTest keeps those calls out of the tests.
   */
  public static Point2D centre(Node node) throws Exception {
    // Once it stops moving (a bar sliding in can still be pushing it down), as TestFX's own
    // clickOn(node) looks again after moving there.
    Point2D p = centreNow(node);
    for (int i = 0; i < 40; i++) {
      Thread.sleep(60);
      Point2D q = centreNow(node);
      if (q.equals(p)) {
        return q;
      }
      p = q;
    }
    return p;
  }

  private static Point2D centreNow(Node node) throws Exception {
    return onFx(
        () -> {
          Bounds b = node.localToScreen(node.getBoundsInLocal());
          return new Point2D(b.getCenterX(), b.getCenterY());
        });
  }

  /** The centre of the first shown node a TestFX query finds (a CSS selector or a text). */
  public static Point2D centre(FxRobot robot, String query) throws Exception {
    Node node =
        onFx(
            () ->
                robot
                    .lookup(query)
                    .match(FxTestSupport::shown)
                    .tryQuery()
                    .orElseThrow(() -> new AssertionError("nothing shown matches " + query)));
    return centre(node);
  }

  private static boolean shown(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return n.getScene() != null;
  }
}
