package io.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gatescope.core.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lesson --list --json} lists the shipped lessons; snapshot refuses a lesson it lacks. */
class LessonCommandTest {
  @TempDir Path dir;

  @AfterEach
  void english() {
    Messages.use(Locale.ENGLISH);
  }

  @Test
  void listsTheShippedLessonsAsJson() {
    CliTest.Run r = CliHelpTest.run("lesson", "--list", "--json");
    assertEquals(0, r.code(), r.err());
    JsonArray a = JsonParser.parseString(r.out()).getAsJsonArray();
    assertEquals(3, a.size());
    JsonObject first = a.get(0).getAsJsonObject();
    assertEquals("reading-a-seven", first.get("id").getAsString());
    assertEquals("Reading a 7 row by row", first.get("title").getAsString());
    assertEquals("[\"en\",\"zh-CN\"]", first.get("languages").toString());
    assertEquals(5, first.get("steps").getAsInt());
    assertEquals("forget-gate", a.get(1).getAsJsonObject().get("id").getAsString());
    assertEquals(4, a.get(1).getAsJsonObject().get("steps").getAsInt());
    assertEquals("scrambled-rows", a.get(2).getAsJsonObject().get("id").getAsString());
    assertEquals(4, a.get(2).getAsJsonObject().get("steps").getAsInt());
  }

  @Test
  void titlesInChinese() {
    Messages.use(Locale.SIMPLIFIED_CHINESE);
    CliTest.Run r = CliHelpTest.run("lesson", "--list");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("reading-a-seven\t逐行读一个 7\ten, zh-CN\t5"), r.out());
  }

  @Test
  void snapshotRefusesAnUnknownLessonOrStep() throws Exception {
    CliTest.Run r =
        CliHelpTest.run("snapshot", "--lesson", "nope", "--out", dir.resolve("x.png").toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .contains(
                "no shipped lesson is called nope; the shipped lessons are: reading-a-seven, forget-gate, scrambled-rows"),
        r.err());
    r =
        CliHelpTest.run(
            "snapshot",
            "--lesson",
            "forget-gate",
            "--step",
            "5",
            "--out",
            dir.resolve("x.png").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--step must be 1..4"), r.err());
    Path bad = Files.write(dir.resolve("bad.gslesson"), new byte[] {1, 2, 3});
    r =
        CliHelpTest.run(
            "snapshot", "--lesson", bad.toString(), "--out", dir.resolve("x.png").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("bad.gslesson: not a lesson file (not a zip archive)"), r.err());
    r = CliHelpTest.run("snapshot", "--out", dir.resolve("x.png").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("give either --workspace or --lesson"), r.err());
  }
}
