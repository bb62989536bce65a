package io.gatescope.ui.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatescope.core.Messages;
import io.gatescope.core.data.ImageSet;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.SilencingDrop;
import io.gatescope.core.inspect.TraceIndex;
import io.gatescope.ui.common.Session;
import io.gatescope.ui.common.Workspace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Units view-models' own logic, without a window. */
class UnitsViewModelTest {
  static LabeledImages three() {
    byte[] px = new byte[3 * 28 * 28];
    for (int i = 0; i < px.length; i += 5) {
      px[i] = (byte) (i % 251);
    }
    return new LabeledImages("three", new ImageSet(3, 28, 28, px), new byte[] {1, 2, 3});
  }

  @Test
  void theBudgetNoteStatesTheIndexsOwnFigures() {
    RecurrentClassifier m =
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 16, 16, 1, 3));
    TraceIndex index = TraceIndex.build(m, three(), 3, p -> {}, () -> false);
    long perImage = TraceIndex.bytesPerImage(CellType.LSTM, 16);
    assertEquals(6 * 16 * 38 + 2, perImage);
    assertEquals(
        Messages.get(
            "units.index.budget",
            3,
            Math.round(index.bytes() / 1e6),
            perImage,
            Math.round(perImage * 10_000 / 1e6),
            10_000),
        IndexViewModel.budget(index));
  }

  @Test
  void theBudgetNoteOfTheWholeTestSetSaysItsSizeOnce() {
    String note = IndexViewModel.budget(10_000, 291_860_000L, 29_186);
    assertEquals(Messages.get("units.index.budget.whole", 10_000, 292, 29_186), note);
    assertEquals(1, note.split("292", -1).length - 1, note);
  }

  @Test
  void theDropIsWordedFromTheMeasuredAccuracies() {
    SilencingDrop d = new SilencingDrop(4, 1000, 0.981, 0.975);
    assertEquals(
        Messages.get("units.card.drop", 1000, 98.1, 97.5, d.drop() * 100),
        CardViewModel.dropWords(d));
  }

  @Test
  void openingAnImageShowsItInInside() {
    Session s = new Session();
    LabeledImages set = three();
    s.setData(new Mnist(set, set));
    List<String> heard = new ArrayList<>();
    s.addNavigationListener(n -> heard.add(n.workspace() + " " + s.testIndexProperty().get()));
    UnitsWorker lane = new UnitsWorker("test");
    CardViewModel card = new CardViewModel(s, lane, lane, new IndexViewModel(s, lane));
    card.open(2);
    assertEquals(List.of(Workspace.INSIDE + " 2"), heard);
  }
}
