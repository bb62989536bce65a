package io.gatescope.app;

import static io.gatescope.app.SnapshotCommand.onFx;
import static io.gatescope.app.SnapshotCommand.waitFor;

import io.gatescope.cli.Cli;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.common.Workspace;

/**
 * What a snapshot shows before its picture is taken: a lesson's step, or a workspace's real content
 * (a short training run, a prediction, a trace, an evaluation, a page of Units) as the snapshot's
 * options ask, each waited for.
 */
final class SnapshotContent {
  private final SnapshotCommand options;

  /**
   * @param options the snapshot's options (--step, --test-index, --timestep, --unit, ...)
   */
  SnapshotContent(SnapshotCommand options) {
    this.options = options;
  }

  /** The lesson opened at {@code --step}, its state applied and its check evaluated. */
  void lessonStep(Workbench wb, Lesson l) throws Exception {
    onFx(
        () -> {
          wb.lessonVm.open(l);
          wb.lessonVm.go(options.step - 1);
          return null;
        });
    waitFor(
        () -> wb.lessonVm.settledProperty().get() && wb.insideVm.traceProperty().get() != null,
        60,
        "the lesson step's trace");
    waitFor(() -> wb.lessonVm.numbersShown(), 60, "the lesson step's numbers");
    if (l.steps().get(options.step - 1).check().isPresent()) {
      waitFor(() -> wb.lessonVm.holdsProperty().get() != null, 60, "the lesson step's check");
    }
    if (l.steps().get(options.step - 1).workspace().equals("draw")) {
      waitFor(() -> wb.drawVm.probabilitiesProperty().get() != null, 60, "the prediction");
    }
  }

  /** The workspace's content, as --workspace asks for it. */
  void workspace(Workbench wb0, Workspace ws) throws Exception {
    Workbench[] wb = {wb0};
    switch (ws) {
      case TRAIN -> {
        onFx(
            () -> {
              wb[0].trainVm.applyPreset(TrainingConfig.quickDemo());
              wb[0].trainVm.start();
              return null;
            });
        waitFor(
            () ->
                !wb[0].trainVm.run().runningProperty().get()
                    && !wb[0].trainVm.history().runs().isEmpty(),
            600,
            "the quick-demo training run");
        if (options.timeLapse != null) {
          onFx(
              () -> {
                var lapse = wb[0].trainVm.timeLapse();
                lapse
                    .frameProperty()
                    .set(Math.max(0, Math.min(lapse.frames().size(), options.timeLapse) - 1));
                lapse.shownProperty().set(true);
                return null;
              });
        }
      }
      case DRAW -> {
        onFx(
            () -> {
              wb[0].drawVm.loadTestImage(options.testIndex);
              wb[0].session.setTimestep(Math.max(1, Math.min(28, options.timestep)));
              return null;
            });
        waitFor(() -> wb[0].drawVm.probabilitiesProperty().get() != null, 60, "the prediction");
      }
      case EVALUATE -> {
        onFx(
            () -> {
              wb[0].evaluateVm.compare();
              return null;
            });
        waitFor(() -> !wb[0].evaluateVm.busyProperty().get(), 900, "the cell comparison");
        onFx(
            () -> {
              wb[0].evaluateVm.evaluate();
              return null;
            });
        waitFor(
            () ->
                wb[0].evaluateVm.evaluationProperty().get() != null
                    && !wb[0].evaluateVm.busyProperty().get(),
            300,
            "the evaluation");
      }
      case UNITS -> units(wb[0]);
      case INSIDE -> {
        onFx(
            () -> {
              wb[0].session.showTestImage(options.testIndex);
              wb[0].session.setTimestep(Math.max(1, Math.min(28, options.timestep)));
              return null;
            });
        waitFor(() -> !wb[0].insideVm.maps().isEmpty(), 60, "the gate trace");
        onFx(
            () -> {
              int u = options.unit >= 0 ? options.unit : wb[0].insideVm.orderProperty().get()[0];
              wb[0].insideVm.select(Math.max(1, Math.min(28, options.timestep)), u);
              wb[0].insideVm.computeGateStatistics();
              if (options.cell) {
                wb[0].insideView.showCellDiagram();
              } else if (options.backward) {
                wb[0].insideView.showBackward();
              }
              return null;
            });
        waitFor(
            () -> wb[0].insideVm.gateStatisticsProperty().get() != null,
            120,
            "the gate statistics");
        if (options.backward) {
          waitFor(() -> !wb[0].backwardVm.maps().isEmpty(), 60, "the backward trace");
          if (options.target != null) {
            onFx(
                () -> {
                  wb[0].backwardVm.choose(options.target);
                  return null;
                });
            waitFor(
                () -> wb[0].backwardVm.trace().target() == options.target.intValue(),
                60,
                "the backward trace");
          }
        }
      }
    }
  }

  /**
   * Units: the index built (waited for, like every job here), then the page asked for: the card of
   * --unit (0 if none), a pattern brushed over four units from it at steps 10–20, or the state map
   * with the path up to --timestep.
   */
  private void units(Workbench wb) throws Exception {
    io.gatescope.ui.units.UnitsViewModel.Page p =
        switch (options.page) {
          case "card" -> io.gatescope.ui.units.UnitsViewModel.Page.CARD;
          case "pattern" -> io.gatescope.ui.units.UnitsViewModel.Page.PATTERN;
          case "map" -> io.gatescope.ui.units.UnitsViewModel.Page.MAP;
          default -> throw new Cli.UserError("--page must be card, pattern or map");
        };
    int u = Math.max(0, options.unit);
    onFx(
        () -> {
          wb.session.showTestImage(options.testIndex);
          wb.session.setTimestep(Math.max(1, Math.min(28, options.timestep)));
          wb.unitsVm.pageProperty().set(p);
          wb.unitsVm.card.chooseUnit(u);
          return null;
        });
    // Building starts with the card asked for above; a build that stops without an index (out of
    // memory, say) ends the snapshot with the index's own words, not with a wait of minutes.
    waitFor(
        () ->
            wb.unitsVm.index.indexProperty().get() != null
                || !wb.unitsVm.index.buildingProperty().get(),
        600,
        "the index");
    if (onFx(() -> wb.unitsVm.index.indexProperty().get() == null)) {
      throw new Cli.UserError(onFx(() -> wb.unitsVm.index.noteProperty().get()));
    }
    switch (p) {
      case CARD -> {
        var card = wb.unitsVm.card;
        waitFor(
            () ->
                !card.failureProperty().get().isEmpty()
                    || (card.profileProperty().get() != null && card.dropSettledProperty().get()),
            120,
            "the unit card");
        String failed = onFx(() -> card.failureProperty().get());
        if (!failed.isEmpty()) {
          throw new Cli.UserError(failed); // said at once, not after a wait of minutes
        }
      }
      case PATTERN -> {
        waitFor(() -> wb.unitsVm.pattern.traceProperty().get() != null, 60, "the trace");
        onFx(
            () -> {
              int hidden = wb.unitsVm.card.unitsProperty().get();
              int from = Math.min(u, Math.max(0, hidden - 4));
              wb.unitsVm.pattern.select(
                  java.util.stream.IntStream.range(from, Math.min(hidden, from + 4)).toArray(),
                  9,
                  19);
              return null;
            });
        waitFor(
            () ->
                !wb.unitsVm.pattern.matchesProperty().get().isEmpty()
                    && wb.unitsVm.pattern.histogramProperty().get() != null,
            120,
            "the pattern search");
      }
      case MAP -> waitFor(() -> wb.unitsVm.map.pathProperty().get() != null, 300, "the state map");
    }
  }
}
