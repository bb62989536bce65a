package io.gatescope.app;

import io.gatescope.ui.common.Navigation;
import io.gatescope.ui.common.Session;
import io.gatescope.ui.common.Workspace;
import io.gatescope.ui.draw.DrawView;
import io.gatescope.ui.draw.DrawViewModel;
import io.gatescope.ui.evaluate.EvaluateView;
import io.gatescope.ui.evaluate.EvaluateViewModel;
import io.gatescope.ui.inside.BackwardViewModel;
import io.gatescope.ui.inside.InsideView;
import io.gatescope.ui.inside.InsideViewModel;
import io.gatescope.ui.shell.ShellView;
import io.gatescope.ui.shell.ShellViewModel;
import io.gatescope.ui.train.TrainView;
import io.gatescope.ui.train.TrainViewModel;
import io.gatescope.ui.units.UnitsView;
import io.gatescope.ui.units.UnitsViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;

/** Wires the session, the view-models and the views into one window's content. FX thread. */
public final class Workbench {
  public final Session session = new Session();
  public final ShellViewModel shellVm;
  public final TrainViewModel trainVm = new TrainViewModel(session);
  public final DrawViewModel drawVm = new DrawViewModel(session);
  public final InsideViewModel insideVm = new InsideViewModel(session);
  public final BackwardViewModel backwardVm = new BackwardViewModel(session, insideVm);
  public final InsideView insideView = new InsideView(insideVm, backwardVm);
  public final UnitsViewModel unitsVm = new UnitsViewModel(session);
  public final EvaluateViewModel evaluateVm = new EvaluateViewModel(session);
  public final ShellView shell;

  public Workbench(Optional<Path> dataFolder) {
    this(dataFolder, Platform::exit);
  }

  /**
   * @param onQuit what File ▸ Quit does once the user has confirmed (saved or dropped unsaved
   *     models)
   */
  public Workbench(Optional<Path> dataFolder, Runnable onQuit) {
    shellVm = new ShellViewModel(session, dataFolder);
    shell =
        new ShellView(
            shellVm,
            List.of(
                new TrainView(trainVm),
                new DrawView(drawVm),
                insideView,
                new UnitsView(unitsVm),
                new EvaluateView(evaluateVm)),
            f -> trainVm.open(f.toPath()),
            f -> trainVm.save(f.toPath()),
            onQuit);
    trainVm.messageProperty().addListener((o, a, m) -> session.setStatus(m));
    wireUnits();
  }

  /**
   * Units starts its work when first shown; its "Silence in Inside" selects the unit in Inside and
   * silences it there (Inside's own intervention).
   */
  private void wireUnits() {
    shell
        .tabs()
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, tab) -> {
              if (tab != null && tab.getUserData() == Workspace.UNITS) {
                unitsVm.shown();
              }
            });
    // Inside's "Unit card" (button, Ctrl+Shift+U): the card of the selected unit, in Units.
    insideView.setOnUnitCard(u -> session.navigate(new Navigation.UnitCard(u)));
    session.addNavigationListener(
        n -> {
          if (n instanceof Navigation.UnitCard c) {
            unitsVm.card.chooseUnit(c.unit());
          }
        });
    unitsVm.card.onSilenceInInside(
        u -> {
          insideVm.selectUnit(u);
          insideVm.silenceSelected();
        });
  }

  /** Takes back what the settings remember of the window itself: presenter mode. */
  public void restore(io.gatescope.core.settings.Settings settings) {
    shell.restorePresenter(settings::get);
  }

  /** Puts into the settings what {@link #restore} takes back. */
  public void remember(io.gatescope.core.settings.Settings settings) {
    shell.presenter().values().forEach(settings::put);
  }

  /** A scene with the app's style sheets. */
  public Scene scene(double width, double height) {
    Scene scene = new Scene(shell, width, height);
    for (String css : List.of("/io/gatescope/ui/gatescope.css")) {
      scene.getStylesheets().add(Workbench.class.getResource(css).toExternalForm());
    }
    return scene;
  }

  /** Stops background work: a running training, the inference thread. */
  public void shutdown() {
    trainVm.shutdown();
    evaluateVm.shutdown();
    unitsVm.shutdown();
    session.shutdown();
  }
}
