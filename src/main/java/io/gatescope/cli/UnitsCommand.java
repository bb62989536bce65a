package io.gatescope.cli;

import io.gatescope.core.Messages;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.SilencingDrop;
import io.gatescope.core.inspect.TraceIndex;
import io.gatescope.core.inspect.UnitProfile;
import io.gatescope.core.inspect.UnitRanking;
import io.gatescope.core.model.SavedModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What one unit of the top layer responds to, over the test set: the images where a quantity of it
 * peaks highest (or lowest), ranked by the value at the step where it peaks in each image; its mean
 * per true digit; and the accuracy lost when it is silenced. Timesteps are 1..28 (rows), as Inside
 * shows them.
 */
@Command(name = "units", mixinStandardHelpOptions = true, versionProvider = Version.class)
public final class UnitsCommand implements Callable<Integer> {
  /** The names --quantity takes, and what they mean. */
  static final Map<String, Quantity> QUANTITIES = quantities();

  @Mixin DataOptions io;

  @Mixin JsonOption output;

  @Option(names = "--unit", required = true, paramLabel = "U")
  int unit;

  @Option(names = "--quantity", defaultValue = "a", paramLabel = "Q")
  String quantity;

  @Option(names = "--top", defaultValue = "9", paramLabel = "N")
  int top;

  @Option(names = "--lowest")
  boolean lowest;

  @Option(names = "--limit", paramLabel = "N")
  Integer limit;

  @Option(names = "--drop-images", defaultValue = "1000", paramLabel = "N")
  int dropImages;

  private static Map<String, Quantity> quantities() {
    Map<String, Quantity> m = new LinkedHashMap<>();
    m.put("a", Quantity.HIDDEN);
    m.put("c", Quantity.CELL);
    m.put("update", Quantity.UPDATE);
    m.put("forget", Quantity.FORGET);
    m.put("output", Quantity.OUTPUT);
    m.put("candidate", Quantity.CANDIDATE);
    m.put("reset", Quantity.RESET);
    return m;
  }

  @Override
  public Integer call() throws Exception {
    Quantity q = QUANTITIES.get(quantity.trim().toLowerCase(java.util.Locale.ROOT));
    Cli.require(
        q != null,
        Messages.get("cli.units.quantity", quantity, String.join(", ", QUANTITIES.keySet())));
    Cli.requireRange("--top", top, 1, 10_000);
    io.initNative();
    SavedModel saved = io.loadModel();
    RecurrentClassifier model = saved.model();
    Cli.requireRange("--unit", unit, 0, model.config().hidden() - 1);
    Cli.require(
        model.config().cell().quantities().contains(q),
        Messages.get(
            "cli.units.notInCell",
            model.config().cell().name(),
            quantity,
            model.config().cell().quantities().stream()
                .map(this::nameOf)
                .collect(Collectors.joining(", "))));
    LabeledImages test = io.test();
    int n = test.size();
    if (limit != null) {
      Cli.requireRange("--limit", limit, 1, test.size());
      n = limit;
    }
    Cli.requireRange("--drop-images", dropImages, 1, test.size());
    TraceIndex index = TraceIndex.build(model, test, n, f -> {}, () -> false);
    UnitProfile profile = UnitProfile.of(index, model, test, q, unit, top, lowest);
    SilencingDrop drop = SilencingDrop.measure(model, test, unit, Math.min(dropImages, n));
    Map<String, Object> json = toJson(profile, nameOf(q), index.size(), drop);
    if (output.json) {
      System.out.println(Json.write(json));
    } else {
      printText(profile, nameOf(q), index.size(), drop);
    }
    return 0;
  }

  private String nameOf(Quantity q) {
    return QUANTITIES.entrySet().stream()
        .filter(e -> e.getValue() == q)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(q.key());
  }

  /** The JSON object: timesteps 1..28, values as the trace has them. */
  static Map<String, Object> toJson(
      UnitProfile p, String quantityName, int images, SilencingDrop drop) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("unit", p.unit());
    m.put("quantity", quantityName);
    m.put("lowest", p.lowest());
    m.put("images", images);
    List<Map<String, Object>> ranked = new ArrayList<>();
    for (UnitRanking.Entry e : p.ranked()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("test_index", e.testIndex());
      r.put("timestep", e.step() + 1);
      r.put("value", e.value());
      ranked.add(r);
    }
    m.put("top", ranked);
    m.put("per_class_mean", p.classMeans());
    m.put("per_timestep_mean", p.stepMeans());
    m.put("silenced_accuracy_drop", drop.drop());
    m.put("silenced_images", drop.images());
    m.put("accuracy", drop.accuracy());
    m.put("silenced_accuracy", drop.silencedAccuracy());
    return m;
  }

  private void printText(UnitProfile p, String quantityName, int images, SilencingDrop drop) {
    System.out.println(
        Messages.get(
            p.lowest() ? "cli.units.lowest" : "cli.units.top",
            p.unit(),
            quantityName,
            images,
            p.ranked().size()));
    for (UnitRanking.Entry e : p.ranked()) {
      System.out.println(
          Messages.get("cli.units.entry", e.testIndex(), e.step() + 1, Float.toString(e.value())));
    }
    System.out.println(Messages.get("cli.units.perDigit"));
    double[] means = p.classMeans();
    for (int d = 0; d < means.length; d++) {
      System.out.printf("  %d  %s%n", d, Double.toString(means[d]));
    }
    System.out.println(
        Messages.get(
            "cli.units.drop",
            drop.images(),
            drop.accuracy(),
            drop.silencedAccuracy(),
            drop.drop()));
  }
}
