package io.gatescope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.data.ImageSet;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.data.Mnist;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed navigation: the session shows a request's payload first, then every listener hears it. */
class NavigationTest {
  /** Three test images whose pixels say their index, labelled 7, 8, 9. */
  static Mnist tiny() {
    byte[] px = new byte[3 * 28 * 28];
    for (int i = 0; i < 3; i++) {
      px[i * 28 * 28] = (byte) (100 + i);
    }
    LabeledImages set =
        new LabeledImages("tiny", new ImageSet(3, 28, 28, px), new byte[] {7, 8, 9});
    return new Mnist(set, set);
  }

  @Test
  void aTestImageRequestShowsTheImageBeforeTheWorkspaceIsAskedFor() {
    Session s = new Session();
    s.setData(tiny());
    List<String> heard = new ArrayList<>();
    s.addNavigationListener(
        n -> heard.add(n.workspace() + " with input " + s.testIndexProperty().get()));
    s.addNavigationListener(n -> heard.add("second " + n.workspace()));

    s.navigate(new Navigation.TestImage(Workspace.INSIDE, 2));

    assertEquals(List.of("INSIDE with input 2", "second INSIDE"), heard);
    assertEquals(9, s.inputLabelProperty().get());
    assertEquals((100 + 2) / 255f, s.inputProperty().get()[0], 0f);
    s.shutdown();
  }

  @Test
  void showAndComparisonNameTheirWorkspaceAndLeaveTheInputAlone() {
    Session s = new Session();
    s.setData(tiny());
    List<Navigation> heard = new ArrayList<>();
    s.addNavigationListener(heard::add);

    s.show(Workspace.DRAW);
    s.navigate(new Navigation.Comparison());

    assertEquals(List.of(new Navigation.Show(Workspace.DRAW), new Navigation.Comparison()), heard);
    assertEquals(Workspace.EVALUATE, heard.get(1).workspace());
    assertNull(s.inputProperty().get(), "no payload, no input");
    s.shutdown();
  }

  @Test
  void workspaceIdsAreTheNamesFilesAndTheCommandLineUse() {
    assertEquals("evaluate", Workspace.EVALUATE.id());
    assertEquals(Optional.of(Workspace.INSIDE), Workspace.byId("Inside"));
    assertTrue(Workspace.byId("outside").isEmpty());
    assertEquals("train, draw, inside, units or evaluate", Workspace.idsInWords());
  }
}
