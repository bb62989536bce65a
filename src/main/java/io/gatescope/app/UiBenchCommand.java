package io.gatescope.app;

import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.common.FxThread;
import io.gatescope.ui.common.Workspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import picocli.CommandLine.Command;

/**
 * Measures how the window keeps up, headlessly: the time to redraw the six Inside maps, the delay
 * from a stroke to its prediction in Draw, and the gaps between animation pulses while the quick
 * demo trains. A benchmark, not a test: numbers depend on the machine and its load.
 */
@Command(
    name = "bench-ui",
    mixinStandardHelpOptions = true,
    versionProvider = io.gatescope.cli.Version.class)
public final class UiBenchCommand implements Callable<Integer> {
  @picocli.CommandLine.Option(names = "--units", descriptionKey = "bench-ui.units")
  boolean unitsOnly;

  @picocli.CommandLine.Option(names = "--warm", descriptionKey = "bench-ui.warm")
  boolean warm;

  @Override
  public Integer call() throws Exception {
    NativeSetup.init(1);
    SnapshotCommand.headless();
    Platform.startup(() -> {});
    Workbench[] wb = new Workbench[1];
    FxThread.call(
        () -> {
          wb[0] = new Workbench(Optional.empty());
          Stage s = new Stage();
          s.setScene(wb[0].scene(1280, 800));
          s.show();
          wb[0].shellVm.load();
          return null;
        });
    waitFor(() -> wb[0].shellVm.readyProperty().get());
    System.out.println("GC: " + gcNames());
    if (unitsOnly) {
      UnitsBench.run(wb[0]);
      return closed(wb[0]);
    }

    FxThread.call(
        () -> {
          wb[0].shell.select(Workspace.INSIDE);
          wb[0].session.showTestImage(3);
          return null;
        });
    waitFor(() -> wb[0].insideVm.maps().size() == 6);
    List<Double> redraw = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      redraw.add(
          FxThread.call(
              () -> {
                long t0 = System.nanoTime();
                var shared = wb[0].insideVm.sharedRangeProperty();
                shared.set(!shared.get()); // recolours and repaints all six maps
                return (System.nanoTime() - t0) / 1e6;
              }));
    }
    Collections.sort(redraw);
    System.out.printf(
        "inside: redraw of the six maps: median %.2f ms, max %.2f ms (n=40)%n",
        redraw.get(20), redraw.get(39));

    FxThread.call(
        () -> {
          wb[0].insideView.showCellDiagram();
          return null;
        });
    List<Double> cell = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int k = i;
      cell.add(
          FxThread.call(
              () -> {
                long t0 = System.nanoTime();
                if (k % 2 == 0) {
                  wb[0].insideVm.stepBy(k % 4 == 0 ? 1 : -1); // the diagram follows t
                } else {
                  wb[0].insideVm.unitBy(k % 4 == 1 ? 1 : -1); // and the unit
                }
                return (System.nanoTime() - t0) / 1e6;
              }));
    }
    Collections.sort(cell);
    System.out.printf(
        "inside: cell diagram after a timestep or unit change: median %.2f ms, max %.2f ms"
            + " (n=40)%n",
        cell.get(20), cell.get(39));

    long[] shownAt = {0};
    FxThread.call(
        () -> {
          wb[0].shell.select(Workspace.DRAW);
          wb[0].drawVm.clear();
          wb[0]
              .drawVm
              .predictedForProperty()
              .addListener((o, a, b) -> shownAt[0] = System.nanoTime());
          wb[0].drawVm.beginStroke(140, 40);
          return null;
        });
    List<Double> lat = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int y = 45 + i * 3;
      long[] t0 = {0};
      float[] in =
          FxThread.call(
              () -> {
                t0[0] = System.nanoTime();
                wb[0].drawVm.extendStroke(140, y);
                return wb[0].session.inputProperty().get();
              });
      waitFor(() -> wb[0].drawVm.predictedForProperty().get() == in);
      lat.add((FxThread.call(() -> shownAt[0]) - t0[0]) / 1e6);
    }
    FxThread.call(
        () -> {
          wb[0].drawVm.endStroke();
          return null;
        });
    Collections.sort(lat);
    System.out.printf(
        "draw: stroke to new prediction on screen: median %.1f ms, p90 %.1f ms, max %.1f ms"
            + " (n=60)%n",
        lat.get(30), lat.get(54), lat.get(59));

    List<String> runs = new ArrayList<>(List.of("Draw", "Train"));
    if (warm) {
      runs.add(0, "Train"); // not measured: the JIT compiles the window's and training's code
    }
    for (int run = 0; run < runs.size(); run++) {
      String tab = runs.get(run);
      List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
      long[] last = {0};
      AnimationTimer timer =
          new AnimationTimer() {
            @Override
            public void handle(long now) {
              if (last[0] != 0) {
                gaps.add(now - last[0]);
              }
              last[0] = now;
            }
          };
      // Switching workspaces lays out and renders a whole screen once; that pulse is not what
      // this measures (stutter while training), so the run starts after the switch has settled.
      FxThread.call(
          () -> {
            wb[0].shell.select(Workspace.byId(tab).orElseThrow());
            wb[0].trainVm.applyPreset(TrainingConfig.quickDemo());
            return null;
          });
      Thread.sleep(500);
      FxThread.call(
          () -> {
            timer.start();
            wb[0].trainVm.start();
            return null;
          });
      Thread.sleep(500);
      waitFor(() -> !wb[0].trainVm.run().runningProperty().get());
      FxThread.call(
          () -> {
            timer.stop();
            return null;
          });
      if (warm && run == 0) {
        System.out.println("train (quick demo, Train shown): warm-up run, not measured");
        continue;
      }
      List<Long> g = new ArrayList<>(gaps);
      Collections.sort(g);
      long late = g.stream().filter(v -> v > 20_000_000L).count();
      System.out.printf(
          "train (quick demo, %s shown): %d pulses, gap median %.1f ms, p99 %.1f ms, max %.1f"
              + " ms, %d gaps over 20 ms%n",
          tab,
          g.size(),
          g.get(g.size() / 2) / 1e6,
          g.get((int) (g.size() * 0.99)) / 1e6,
          g.get(g.size() - 1) / 1e6,
          late);
    }
    return closed(wb[0]);
  }

  /** Closes the window's workbench and JavaFX; the command's exit code. */
  private static int closed(Workbench wb) throws Exception {
    FxThread.call(
        () -> {
          wb.shutdown();
          return null;
        });
    Platform.exit();
    return 0;
  }

  static String gcNames() {
    List<String> names = new ArrayList<>();
    for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      names.add(b.getName());
    }
    return String.join(", ", names);
  }

  static void waitFor(BooleanSupplier c) throws Exception {
    for (int i = 0; i < 6000; i++) {
      if (FxThread.call(c::getAsBoolean)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("timed out");
  }
}
