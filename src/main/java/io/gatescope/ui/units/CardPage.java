package io.gatescope.ui.units;

import static io.gatescope.ui.common.Controls.button;
import static io.gatescope.ui.common.Controls.flow;
import static io.gatescope.ui.common.Controls.heading;
import static io.gatescope.ui.common.Controls.keepWidth;
import static io.gatescope.ui.common.Controls.note;
import static io.gatescope.ui.common.Controls.wrap;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.UnitProfile;
import io.gatescope.core.inspect.UnitRanking;
import io.gatescope.ui.common.Segments;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * The unit card page: a unit's strongest test images, its means per digit and per step, and its
 * gates' histograms.
 */
final class CardPage extends VBox {
  private final CardViewModel card;
  private final TilePane cardGallery;
  private final Bars perDigit = new Bars(false, 0);
  private final Bars perStep = new Bars(true, 1);
  private final HBox gateHistograms = new HBox(6);

  CardPage(CardViewModel card) {
    this.card = card;
    this.cardGallery = Galleries.tiles("units-card-gallery", CardViewModel.TOP, 3, card::open);
    build();
    card.profileProperty().addListener((o, a, p) -> showProfile(p));
  }

  private void build() {
    CardViewModel c = card;
    Spinner<Integer> unit = new Spinner<>(0, 4095, 0);
    unit.setId("units-unit");
    unit.setEditable(true);
    unit.setPrefWidth(80);
    unit.valueProperty().addListener((o, a, u) -> c.chooseUnit(u));
    c.unitProperty().addListener((o, a, u) -> unit.getValueFactory().setValue(u.intValue()));
    c.unitsProperty()
        .addListener(
            (o, a, n) ->
                ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory)
                        unit.getValueFactory())
                    .setMax(n.intValue() - 1));
    HBox quantities = new HBox();
    Runnable fillQuantities =
        () -> {
          var chosen = new SimpleObjectProperty<>(c.quantityProperty().get());
          chosen.addListener((o, a, q) -> c.chooseQuantity(q));
          c.quantityProperty().addListener((o, a, q) -> chosen.set(q));
          var seg = Segments.of(c.quantitiesProperty().get(), Quantity::symbol, chosen);
          seg.setId("units-quantity");
          quantities.getChildren().setAll(seg);
        };
    c.quantitiesProperty().addListener(o -> fillQuantities.run());
    fillQuantities.run();
    ToggleButton lowest = new ToggleButton(Messages.get("units.card.lowest"));
    lowest.setId("units-lowest");
    lowest.selectedProperty().addListener((o, a, on) -> c.showLowest(on));
    Label drop = note("");
    drop.setId("units-drop");
    drop.textProperty().bind(c.dropTextProperty());
    Button silence =
        button(
            Messages.get("units.card.silence"),
            "mdi2v-volume-off",
            Messages.get("units.card.silence.tip"),
            c::silenceInInside);
    silence.setId("units-silence");
    silence.disableProperty().bind(c.canSilenceProperty().not());
    keepWidth(unit, lowest, silence);
    var controls = flow(new Label(Messages.get("units.card.unit")), unit, quantities, lowest);
    Label galleryTitle = heading("");
    galleryTitle
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    Messages.get(
                        c.lowestProperty().get() ? "units.card.lowestTitle" : "units.card.topTitle",
                        CardViewModel.TOP),
                c.lowestProperty()));
    VBox left = new VBox(6, galleryTitle, cardGallery);
    perDigit.setId("units-per-digit");
    gateHistograms.setId("units-gates");
    perStep.setId("units-per-step");
    VBox right =
        new VBox(
            4,
            heading(Messages.get("units.card.perDigit")),
            perDigit,
            heading(Messages.get("units.card.perStep")),
            perStep,
            heading(Messages.get("units.card.gates")),
            gateHistograms,
            drop,
            silence);
    VBox.setVgrow(perDigit, Priority.ALWAYS);
    VBox.setVgrow(perStep, Priority.ALWAYS);
    HBox.setHgrow(right, Priority.ALWAYS);
    HBox body = new HBox(14, left, right);
    setSpacing(6);
    getChildren().setAll(controls, failure(), body);
    VBox.setVgrow(body, Priority.ALWAYS);
    setPadding(new Insets(4, 10, 8, 10));
    setId("units-card");
  }

  /** Why the card could not be computed, above its empty places; there only then. */
  private Label failure() {
    Label failed = wrap(new Label());
    failed.setId("units-card-failure");
    failed.textProperty().bind(card.failureProperty());
    failed.visibleProperty().bind(failed.textProperty().isNotEmpty());
    failed.managedProperty().bind(failed.visibleProperty());
    return failed;
  }

  private void showProfile(UnitProfile p) {
    List<UnitRanking.Entry> ranked = p == null ? List.of() : p.ranked();
    for (int i = 0; i < cardGallery.getChildren().size(); i++) {
      Thumbnail t = (Thumbnail) cardGallery.getChildren().get(i);
      if (i < ranked.size()) {
        UnitRanking.Entry e = ranked.get(i);
        t.show(
            e.testIndex(),
            card.pixels(e.testIndex()),
            e.step(),
            Messages.get("units.card.entry", e.testIndex(), e.step() + 1, e.value()));
      } else {
        t.show(-1, null, -1, "");
      }
    }
    perDigit.show(p == null ? null : p.classMeans());
    perStep.show(p == null ? null : p.stepMeans());
    gateHistograms.getChildren().clear();
    if (p != null) {
      p.gateHistograms()
          .forEach(
              (q, h) -> {
                HistogramChart chart = new HistogramChart();
                chart.setPrefSize(120, 70);
                chart.show(h, q.symbol() + " " + Messages.get("units.card.unitOf", p.unit()));
                HBox.setHgrow(chart, Priority.ALWAYS);
                gateHistograms.getChildren().add(chart);
              });
    }
    reportTiming();
  }

  /** With -Dgatescope.timing=true: the time from choosing a unit to the card on screen. */
  private void reportTiming() {
    if (!Boolean.getBoolean("gatescope.timing") || getScene() == null) {
      return;
    }
    long asked = card.requestedAt();
    var scene = getScene();
    Runnable[] once = new Runnable[1];
    once[0] =
        () -> {
          scene.removePostLayoutPulseListener(once[0]);
          System.err.printf(
              "units: card for unit %d on screen %d ms after it was chosen%n",
              card.unitProperty().get(), (System.nanoTime() - asked) / 1_000_000);
        };
    scene.addPostLayoutPulseListener(once[0]);
  }
}
