package io.gatescope.app;

import io.gatescope.core.engine.Quantity;
import io.gatescope.ui.common.FxThread;
import io.gatescope.ui.common.Navigation;
import io.gatescope.ui.common.Workspace;
import io.gatescope.ui.units.UnitsViewModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * bench-ui --units: the Units workspace's figures on the real window. The index of the whole test
 * set, built as the workspace builds it; then the time from asking for a unit's card (what a click
 * on Inside's unit number does: {@link Navigation.UnitCard}) to the layout pulse that puts it on
 * screen, once with nothing else running and once just after the state map's build began.
 */
final class UnitsBench {
  private UnitsBench() {}

  static void run(Workbench wb) throws Exception {
    UnitsViewModel units = wb.unitsVm;
    long t0 = System.nanoTime();
    FxThread.call(
        () -> {
          wb.shell.select(Workspace.UNITS);
          units.index.ensure();
          return null;
        });
    UiBenchCommand.waitFor(() -> units.index.indexProperty().get() != null);
    long indexMs = (System.nanoTime() - t0) / 1_000_000;
    int images = FxThread.call(() -> units.index.indexProperty().get().size());
    long kept = FxThread.call(() -> units.index.indexProperty().get().bytes());
    System.out.printf(
        "units: index of %,d images in %,d ms (as built by the app: %,d ms), %,d bytes kept%n",
        images, indexMs, FxThread.call(units.index::buildMillis), kept);
    waitForDrop(wb);

    List<Double> idle = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      idle.add(cardMillis(wb, 10 + 3 * i));
      waitForDrop(wb);
    }
    report("nothing else running", idle, -1);

    List<Double> busy = new ArrayList<>();
    int overlapped = 0;
    for (int i = 0; i < 10; i++) {
      FxThread.call(
          () -> {
            units.pageProperty().set(UnitsViewModel.Page.MAP);
            Quantity q = units.map.quantityProperty().get();
            units.map.chooseQuantity(q == Quantity.HIDDEN ? Quantity.CELL : Quantity.HIDDEN);
            units.map.ensure();
            return null;
          });
      Thread.sleep(150); // the build is under way on the long lane
      busy.add(cardMillis(wb, 50 + 5 * i));
      overlapped += FxThread.call(() -> units.map.mapProperty().get() == null) ? 1 : 0;
      UiBenchCommand.waitFor(() -> units.map.mapProperty().get() != null);
      waitForDrop(wb);
    }
    report("just after a state-map build began", busy, overlapped);
  }

  /** Asks for unit u's card as Inside's click does; ms until the pulse that shows it. */
  private static double cardMillis(Workbench wb, int u) throws Exception {
    long[] at = {0, 0};
    FxThread.call(
        () -> {
          var scene = wb.shell.getScene();
          wb.unitsVm
              .card
              .profileProperty()
              .addListener(
                  new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(
                        javafx.beans.value.ObservableValue<
                                ? extends io.gatescope.core.inspect.UnitProfile>
                            o,
                        io.gatescope.core.inspect.UnitProfile a,
                        io.gatescope.core.inspect.UnitProfile p) {
                      if (p != null && p.unit() == u) {
                        o.removeListener(this);
                        Runnable[] once = new Runnable[1];
                        once[0] =
                            () -> {
                              scene.removePostLayoutPulseListener(once[0]);
                              at[1] = System.nanoTime();
                            };
                        scene.addPostLayoutPulseListener(once[0]);
                      }
                    }
                  });
          at[0] = System.nanoTime();
          wb.session.navigate(new Navigation.UnitCard(u));
          return null;
        });
    UiBenchCommand.waitFor(() -> at[1] != 0);
    return (at[1] - at[0]) / 1e6;
  }

  private static void waitForDrop(Workbench wb) throws Exception {
    UiBenchCommand.waitFor(
        () -> {
          var d = wb.unitsVm.card.dropProperty().get();
          return d != null && d.unit() == wb.unitsVm.card.unitProperty().get();
        });
  }

  private static void report(String when, List<Double> ms, int overlapped) {
    Collections.sort(ms);
    System.out.printf(
        "units: click to card on screen, %s: median %.0f ms, max %.0f ms (n=%d%s)%n",
        when,
        ms.get(ms.size() / 2),
        ms.get(ms.size() - 1),
        ms.size(),
        overlapped < 0 ? "" : ", " + overlapped + " of them with the build still running");
  }
}
