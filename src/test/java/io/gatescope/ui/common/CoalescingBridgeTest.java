package io.gatescope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescingBridgeTest {
  @Test
  void manyPostsBeforeTheFxThreadRunsMakeOneRunLaterAndOneBatchInOrder() {
    List<Runnable> scheduled = new ArrayList<>();
    List<List<Integer>> delivered = new ArrayList<>();
    CoalescingBridge<Integer> bridge = new CoalescingBridge<>(delivered::add, scheduled::add);
    for (int i = 0; i < 1000; i++) {
      bridge.post(i);
    }
    assertEquals(1, scheduled.size(), "at most one runLater pending");
    scheduled.get(0).run();
    assertEquals(1, delivered.size());
    assertEquals(1000, delivered.get(0).size());
    assertEquals(999, delivered.get(0).get(999));
    bridge.post(5);
    assertEquals(2, scheduled.size(), "a new runLater once the previous one ran");
    scheduled.get(1).run();
    assertEquals(List.of(5), delivered.get(1));
  }
}
