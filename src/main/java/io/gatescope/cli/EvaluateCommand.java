package io.gatescope.cli;

import io.gatescope.core.Messages;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.model.SavedModel;
import io.gatescope.core.train.Evaluation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Test-set accuracy, per-class accuracy and the confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Version.class)
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin DataOptions io;

  @Mixin JsonOption output;

  @Option(names = "--limit", paramLabel = "N")
  Integer limit;

  @Override
  public Integer call() throws Exception {
    io.initNative();
    SavedModel saved = io.loadModel();
    LabeledImages test = io.test();
    if (limit != null) {
      Cli.requireRange("--limit", limit, 1, test.size());
      test = test.head(limit);
    }
    Evaluation ev = Evaluation.of(saved.model(), test, 500, null);
    if (output.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", saved.source());
      m.put("images", ev.count());
      m.put("accuracy", ev.accuracy());
      m.put("loss", ev.loss());
      double[] perClass = new double[10];
      for (int d = 0; d < 10; d++) {
        perClass[d] = ev.classAccuracy(d);
      }
      m.put("per_class_accuracy", perClass);
      m.put("precision", ev.precision());
      m.put("recall", ev.recall());
      m.put("confusion", ev.confusion());
      System.out.println(Json.write(m));
      return 0;
    }
    System.out.println(Messages.get("cli.evaluate.model", saved.source()));
    System.out.println(Messages.get("cli.evaluate.images", ev.count()));
    System.out.println(Messages.get("cli.evaluate.accuracy", ev.accuracy()));
    System.out.println(Messages.get("cli.evaluate.loss", ev.loss()));
    System.out.println();
    System.out.println(Messages.get("cli.evaluate.perDigit"));
    for (int d = 0; d < 10; d++) {
      System.out.printf(
          "  %d      %.4f     %.4f   %.4f%n",
          d, ev.classAccuracy(d), ev.precision()[d], ev.recall()[d]);
    }
    System.out.println();
    System.out.println(Messages.get("cli.evaluate.confusion"));
    System.out.print("     ");
    for (int p = 0; p < 10; p++) {
      System.out.printf("%6d", p);
    }
    System.out.println();
    for (int a = 0; a < 10; a++) {
      System.out.printf("  %d  ", a);
      for (int p = 0; p < 10; p++) {
        System.out.printf("%6d", ev.confusion()[a][p]);
      }
      System.out.println();
    }
    return 0;
  }
}
