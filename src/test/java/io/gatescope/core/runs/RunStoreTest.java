package io.gatescope.core.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.GateSaturation;
import io.gatescope.core.train.IterationStats;
import io.gatescope.core.train.OptimizerKind;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingResult;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
  @TempDir Path dir;

  @BeforeAll
  static void english() {
    Messages.use(Locale.ENGLISH);
  }

  static RunRecord run(String name, Instant finished) {
    TrainingConfig cfg =
        TrainingConfig.builder()
            .model(new ModelConfig(CellType.GRU, 2, 24, 0, 0.5, 7, Reading.COLUMNS))
            .batch(32)
            .epochs(3)
            .learningRate(2e-3)
            .optimizer(OptimizerKind.RMSPROP)
            .clipNorm(1.5)
            .trainSize(640)
            .testSize(200)
            .evalEvery(5)
            .targetAccuracy(0.9)
            .build();
    List<IterationStats> its =
        List.of(
            new IterationStats(1, 1, 60, 2.302585, 0.125, 1234.5, 40, 12.5, 2e-3),
            new IterationStats(1, 2, 60, Double.NaN, 0.25, 1300, 80, Double.NaN, 2e-3),
            new IterationStats(2, 3, 60, 1.0 / 3, 1.0, 1400, 120, 0, 1.6e-3));
    List<EvaluationStats> evs =
        List.of(
            new EvaluationStats(
                1,
                2,
                1.75,
                0.4375,
                new int[0][],
                List.of(
                    new GateSaturation(Quantity.UPDATE, 0.01, 0.02),
                    new GateSaturation(Quantity.RESET, 0.3, 0.4)),
                81));
    TrainingResult r =
        new TrainingResult(
            TrainingResult.StopReason.CANCELLED,
            "stopped by the user",
            2,
            3,
            0.4375,
            0.5,
            9000,
            -1);
    return new RunRecord(name, finished, cfg, r, its, evs);
  }

  @Test
  void aRunComesBackWithEveryNumberAsWritten() throws Exception {
    RunStore store = new RunStore(dir.resolve("runs"));
    RunRecord a = run("#1 GRU H24", Instant.parse("2026-12-01T02:00:00.123Z"));
    store.save(a);
    RunStore.Loaded loaded = new RunStore(dir.resolve("runs")).load();
    assertEquals(List.of(), loaded.problems());
    assertEquals(1, loaded.runs().size());
    RunRecord b = loaded.runs().get(0);
    assertEquals(a.name(), b.name());
    assertEquals(a.finished(), b.finished());
    assertEquals(a.config(), b.config());
    assertEquals(a.result(), b.result());
    assertEquals(a.iterations(), b.iterations(), "NaN loss and ETA kept as NaN, others bit-exact");
    assertEquals(1, b.evaluations().size());
    EvaluationStats e = b.evaluations().get(0);
    assertEquals(0.4375, e.testAccuracy(), 0.0);
    assertEquals(1.75, e.testLoss(), 0.0);
    assertEquals(2, e.iteration());
    assertEquals(81, e.elapsedMillis());
    assertEquals(a.evaluations().get(0).saturation(), e.saturation());
  }

  @Test
  void runsLoadNewestFirstAndTwoRunsFinishedTogetherBothKeep() throws Exception {
    RunStore store = new RunStore(dir);
    Instant t = Instant.parse("2026-12-01T02:00:00Z");
    store.save(run("old", t));
    store.save(run("same time", t));
    store.save(run("new", t.plusSeconds(60)));
    List<String> names = store.load().runs().stream().map(RunRecord::name).toList();
    assertEquals("new", names.get(0));
    assertEquals(3, names.size());
    assertTrue(names.containsAll(List.of("old", "same time")));
  }

  @Test
  void aTruncatedFileIsSkippedWithAMessageAndTheOthersStillLoad() throws Exception {
    byte[] whole = RunFile.encode(run("cut", Instant.parse("2026-12-01T01:00:00Z")));
    Files.write(dir.resolve("cut.json"), Arrays.copyOf(whole, whole.length / 2));
    new RunStore(dir).save(run("fine", Instant.parse("2026-12-01T02:00:00Z")));
    RunStore.Loaded loaded = new RunStore(dir).load();
    assertEquals(List.of("fine"), loaded.runs().stream().map(RunRecord::name).toList());
    assertEquals(1, loaded.problems().size());
    assertTrue(
        loaded.problems().get(0).startsWith("cut.json: the run file is damaged or cut off ("),
        loaded.problems().get(0));
  }

  @Test
  void aDamagedFileIsSkippedWithAMessage() throws Exception {
    String json =
        new String(
            RunFile.encode(run("bad", Instant.parse("2026-12-01T01:00:00Z"))),
            StandardCharsets.UTF_8);
    // Valid JSON, but a value no run has: an unknown cell and a missing result.
    Files.writeString(dir.resolve("a.json"), json.replace("\"GRU\"", "\"TRANSFORMER\""));
    Files.writeString(dir.resolve("b.json"), json.replace("\"result\"", "\"resultat\""));
    Files.writeString(dir.resolve("c.json"), json.replace("\"hidden\":24", "\"hidden\":-3"));
    RunStore.Loaded loaded = new RunStore(dir).load();
    assertEquals(List.of(), loaded.runs());
    assertEquals(3, loaded.problems().size());
    for (String p : loaded.problems()) {
      assertTrue(p.contains(": the run file is damaged or cut off ("), p);
    }
  }

  @Test
  void aForeignFileIsSkippedWithAMessage() throws Exception {
    Files.writeString(dir.resolve("package.json"), "{\"name\": \"left-pad\", \"version\": 1}");
    Files.write(dir.resolve("photo.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    Files.writeString(dir.resolve("list.json"), "[1, 2, 3]");
    Files.writeString(dir.resolve("empty.json"), "");
    Files.writeString(dir.resolve("notes.txt"), "not a .json file: not even looked at");
    RunStore.Loaded loaded = new RunStore(dir).load();
    assertEquals(List.of(), loaded.runs());
    assertEquals(
        List.of(
            "empty.json: the file is empty; skipped",
            "list.json: not a GateScope run file; skipped",
            "package.json: not a GateScope run file; skipped",
            "photo.json: not a GateScope run file; skipped"),
        loaded.problems());
  }

  @Test
  void aHugeFileIsRefusedWithoutReadingIt() throws Exception {
    Path huge = dir.resolve("huge.json");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(RunFile.MAX_BYTES + 1); // sparse: nothing is written, nothing should be read
    }
    RunFileException e = assertThrows(RunFileException.class, () -> RunFile.read(huge));
    assertEquals(
        "huge.json: 33554433 bytes is far larger than any GateScope run file (at most 33554432);"
            + " skipped",
        e.getMessage());
  }

  @Test
  void aRunFromANewerGateScopeSaysSo() throws Exception {
    String json =
        new String(
            RunFile.encode(run("next", Instant.parse("2026-12-01T01:00:00Z"))),
            StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("next.json"), json.replace("\"version\":1", "\"version\":9"));
    RunFileException e =
        assertThrows(RunFileException.class, () -> RunFile.read(dir.resolve("next.json")));
    assertEquals(
        "next.json: written by a newer GateScope (run format 9); this version reads format 1",
        e.getMessage());
  }

  @Test
  void aMissingFolderIsNoRunsAndNoProblem() {
    RunStore.Loaded loaded = new RunStore(dir.resolve("nowhere")).load();
    assertEquals(List.of(), loaded.runs());
    assertEquals(List.of(), loaded.problems());
  }
}
