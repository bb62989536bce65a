package io.gatescope.ui.inside;

import static io.gatescope.ui.common.Controls.heading;
import static io.gatescope.ui.common.Controls.keepWidth;
import static io.gatescope.ui.common.Controls.spacer;

import io.gatescope.core.Messages;
import io.gatescope.core.inspect.UnitOrder;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** Inside's top bar: the summary, the test image to show, how the units are sorted and coloured. */
final class InsideTopBar {
  private InsideTopBar() {}

  static HBox build(InsideViewModel vm) {
    Label summary = heading(null);
    summary.textProperty().bind(vm.summaryProperty());
    Spinner<Integer> index = new Spinner<>(0, 9999, 0);
    index.setEditable(true);
    index.setPrefWidth(90);
    Button show = new Button(Messages.get("inside.show"), new FontIcon("mdi2i-image-outline"));
    show.setTooltip(new Tooltip(Messages.get("inside.show.tip")));
    show.setOnAction(e -> vm.showTestImage(index.getValue()));
    vm.testIndexProperty() // the spinner follows the shown test image, whoever showed it
        .addListener(
            (o, a, i) -> {
              if (i.intValue() >= 0) {
                index.getValueFactory().setValue(i.intValue());
              }
            });
    ComboBox<UnitOrder> order =
        new ComboBox<>(FXCollections.observableArrayList(UnitOrder.values()));
    order.valueProperty().bindBidirectional(vm.orderKindProperty());
    order.setTooltip(new Tooltip(Messages.get("inside.order.tip")));
    order.setId("inside-order");
    CheckBox shared = new CheckBox(Messages.get("inside.shared"));
    shared.selectedProperty().bindBidirectional(vm.sharedRangeProperty());
    shared.setTooltip(new Tooltip(Messages.get("inside.shared.tip")));
    shared.setId("inside-shared");
    Label orderLabel = new Label(Messages.get("inside.units"));
    orderLabel.setId("inside-order-label");
    HBox top = new HBox(10, summary, spacer(), new Label(Messages.get("draw.testIndex")), index);
    top.getChildren().addAll(show, orderLabel, order, shared);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(8, 12, 4, 12));
    fitTopBar(top, summary);
    return top;
  }

  /**
   * Nothing in the top bar is cut: the controls keep their width, the summary takes what is left
   * and wraps onto a second line when that is not enough.
   */
  private static void fitTopBar(HBox top, Label summary) {
    for (Node n : top.getChildren()) {
      if (n instanceof Region r && n != summary && HBox.getHgrow(n) == null) {
        keepWidth(r);
      }
    }
    summary.setWrapText(true);
    summary.setMinWidth(120);
    summary.setMinHeight(Region.USE_PREF_SIZE);
  }
}
