package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.PatternSelection;
import io.gatescope.ui.common.Heatmap;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Inside's ways into Units, for the layer the cards cover only: a unit's card, and "Find this
 * pattern" offered beside a rectangle brushed on a map.
 */
final class UnitLinks {
  private final InsideViewModel vm;
  private final ContextMenu patternOffer = new ContextMenu();
  private IntConsumer onUnitCard = u -> {};
  private BiConsumer<PatternSelection, int[]> onFindPattern = (sel, o) -> {};

  UnitLinks(InsideViewModel vm) {
    this.vm = vm;
  }

  /** What "Unit card" does with the selected unit (the window shows its card in Units). */
  void setOnUnitCard(IntConsumer action) {
    onUnitCard = action;
  }

  /** What "Find this pattern" does with a selection brushed on a map and the maps' row order. */
  void setOnFindPattern(BiConsumer<PatternSelection, int[]> action) {
    onFindPattern = action;
  }

  /** Asks for the card of the selected unit. */
  void openUnitCard() {
    openUnitCard(vm.selectedUnitProperty().get());
  }

  /**
   * Selects unit u and asks for its card (a click on its number, a double click on its dot, the
   * button): only when the maps show the layer the cards cover, else the status bar says so.
   */
  void openUnitCard(int u) {
    if (!vm.showsTopLayer()) {
      vm.explainTopLayerOnly();
      return;
    }
    if (u >= 0) {
      vm.selectUnit(u);
      onUnitCard.accept(u);
    }
  }

  /**
   * A rectangle brushed on q's map: "Find this pattern" is offered beside it (the brush goes when
   * the offer closes); chosen, Units searches the test set for those units over those steps.
   */
  void offerPattern(Quantity q, Heatmap hm) {
    Heatmap.Brush b = hm.brush();
    if (b == null) {
      return;
    }
    if (!vm.showsTopLayer()) {
      vm.explainTopLayerOnly();
      hm.clearBrush();
      return;
    }
    PatternSelection sel = new PatternSelection(q, b.units(), b.fromStep() - 1, b.toStep() - 1);
    int[] order = vm.orderProperty().get();
    MenuItem find =
        new MenuItem(
            Messages.get(
                "inside.findPattern", q.symbol(), b.units().length, b.fromStep(), b.toStep()),
            new FontIcon("mdi2m-magnify"));
    find.setId("inside-find-pattern");
    find.setOnAction(e -> onFindPattern.accept(sel, order));
    patternOffer.getItems().setAll(find);
    patternOffer.setOnHidden(e -> hm.clearBrush());
    var at = hm.localToScreen(hm.centerOf(b.toStep(), b.toRow()));
    if (at != null) {
      patternOffer.show(hm, at.getX(), at.getY());
    }
  }

  /** The offer made after a brush on a map ("Find this pattern"). */
  ContextMenu patternOffer() {
    return patternOffer;
  }
}
