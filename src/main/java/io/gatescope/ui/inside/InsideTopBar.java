package io.gatescope.ui.inside;

import static io.gatescope.ui.common.Controls.heading;
import static io.gatescope.ui.common.Controls.keepWidth;
import static io.gatescope.ui.common.Controls.spacer;

import io.gatescope.core.Messages;
import io.gatescope.core.inspect.UnitOrder;
import java.util.List;
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
    Label indexLabel = new Label(Messages.get("draw.testIndex"));
    indexLabel.setId("inside-index-label");
    index.setTooltip(new Tooltip(Messages.get("draw.testIndex")));
    index.setAccessibleText(Messages.get("draw.testIndex"));
    order.setAccessibleText(Messages.get("inside.units"));
    HBox top = new OneLine(List.of(indexLabel, orderLabel));
    top.getChildren().addAll(summary, spacer(), indexLabel, index);
    top.getChildren().addAll(show, orderLabel, order, shared);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(8, 12, 4, 12));
    fitTopBar(top, summary);
    return top;
  }

  /**
   * The top bar on one line wherever it can be: when the summary would have to wrap (a long input
   * name, an intervention's note, Chinese at 1024 px), the captions of the test-image box and the
   * unit order give way first (the boxes keep them as tooltip and accessible text). A second line
   * would take its height from the side column, whose gate-statistics row it cut.
   */
  static final class OneLine extends HBox {
    private final List<Label> captions;

    OneLine(List<Label> captions) {
      super(10);
      this.captions = captions;
    }

    @Override
    protected void layoutChildren() {
      boolean room = oneLineWidth() <= getWidth();
      for (Label c : captions) {
        if (c.isManaged() != room) {
          c.setVisible(room);
          c.setManaged(room);
        }
      }
      super.layoutChildren();
    }

    /** The width every child needs for the summary on one line, captions shown. */
    private double oneLineWidth() {
      double w = snappedLeftInset() + snappedRightInset();
      List<Node> kids = getChildren();
      for (Node n : kids) {
        w += n.prefWidth(-1);
      }
      return w + getSpacing() * (kids.size() - 1);
    }
  }

  /**
   * Nothing in the top bar is cut: the controls keep their width, the summary takes what is left
   * and wraps onto a second line when that is not enough even without the captions ({@link
   * OneLine}).
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
