package io.gatescope.app;

import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
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
import io.gatescope.ui.lesson.InsideState;
import io.gatescope.ui.lesson.LessonBar;
import io.gatescope.ui.lesson.LessonViewModel;
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
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
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
  public final LessonViewModel lessonVm;
  public final LessonBar lessonBar;

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
    lessonVm = new LessonViewModel(session, insideState(), shell::selectedWorkspace, trainVm::open);
    lessonBar = new LessonBar(lessonVm, shell::controlRoots);
    wireLessons();
  }

  /**
   * Units starts its work when first shown. Inside opens a unit's card (its "Unit card" button,
   * Ctrl+Shift+U, a click on a map's unit number, a double click on a gate-statistics dot) and
   * searches a pattern brushed on its maps; Units' "Silence in Inside" adds the intervention its
   * drop was measured with to Inside's, and selects the unit there when Inside shows that layer.
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
    insideView.setOnUnitCard(u -> session.navigate(new Navigation.UnitCard(u)));
    insideView.setOnFindPattern((s, order) -> session.navigate(new Navigation.Pattern(s, order)));
    session.addNavigationListener(
        n -> {
          if (n instanceof Navigation.UnitCard c) {
            unitsVm.pageProperty().set(UnitsViewModel.Page.CARD);
            unitsVm.card.chooseUnit(c.unit());
          } else if (n instanceof Navigation.Pattern p) {
            unitsVm.pageProperty().set(UnitsViewModel.Page.PATTERN);
            unitsVm.pattern.find(p.selection(), p.order());
          }
        });
    unitsVm.card.onSilenceInInside(
        iv -> {
          if (insideVm.layerProperty().get() == iv.layer()) {
            insideVm.selectUnit(iv.units()[0]);
          }
          insideVm.intervene(iv);
        });
  }

  /**
   * The lesson bar under the menu, File ▸ Open lesson… and Save lesson…; a lesson step that shows
   * Units or Evaluate starts their work as a click on their tab does.
   */
  private void wireLessons() {
    shell.showUnderMenu(lessonBar);
    shell.addFileItems(lessonBar.menuItems());
    lessonVm
        .hiddenTabsProperty()
        .addListener(
            (o, a, ids) ->
                shell.hideWorkspaces(
                    ids.stream().map(id -> Workspace.byId(id).orElseThrow()).toList()));
  }

  /** Inside's view-model as a lesson step sets and reads it. */
  private InsideState insideState() {
    return new InsideState() {
      @Override
      public ReadOnlyObjectProperty<GateTrace> traceProperty() {
        return insideVm.traceProperty();
      }

      @Override
      public ReadOnlyObjectProperty<GateTrace> baselineProperty() {
        return insideVm.baselineProperty();
      }

      @Override
      public ReadOnlyIntegerProperty selectedUnitProperty() {
        return insideVm.selectedUnitProperty();
      }

      @Override
      public List<Intervention> interventions() {
        return insideVm.interventions();
      }

      @Override
      public void setInterventions(List<Intervention> list) {
        insideVm.setInterventions(list);
      }

      @Override
      public void select(int step, int unit) {
        insideVm.select(step, unit);
      }

      @Override
      public String view() {
        return insideView.shownView();
      }

      @Override
      public void showView(String view) {
        insideView.showView(view);
      }

      @Override
      public int chosenTarget() {
        return backwardVm.chosenTarget();
      }

      @Override
      public void chooseTarget(int k) {
        if (k >= 0) {
          backwardVm.choose(k);
        }
      }

      @Override
      public int units() {
        GateTrace tr = insideVm.traceProperty().get();
        return tr == null ? 0 : tr.hidden();
      }

      @Override
      public int shownLayer() {
        return insideVm.layerProperty().get();
      }
    };
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
