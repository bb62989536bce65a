package io.gatescope.core.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson file round-trips exactly, and every hostile file gets a clear message. */
class LessonFileTest {
  @TempDir Path dir;

  @BeforeEach
  void english() {
    Messages.use(Locale.ENGLISH);
  }

  @AfterEach
  void back() {
    Messages.use(Locale.ENGLISH);
  }

  static Lesson sample() {
    LessonStep a =
        new LessonStep(
            "draw",
            new LessonInput.TestImage(0),
            -1,
            5,
            List.of(),
            List.of("draw-teach"),
            new LocalText("Row five.", "第五行。"),
            new LocalText("What does it think?", "它在想什么？"),
            Optional.of(new LessonCheck.Probability(7, true, 0.123456f)));
    LessonStep b =
        new LessonStep(
            "inside",
            new LessonInput.Picture("pictures/seven.png"),
            12,
            28,
            List.of(
                new Intervention(0, Quantity.FORGET, new int[] {12, 40}, 0f),
                Intervention.silence(0, 3)),
            List.of("inside-clamp", "inside-stats"),
            new LocalText("Clamp it.", ""),
            LocalText.EMPTY,
            Optional.of(new LessonCheck.Clamped(0, Quantity.FORGET, 12, 0f)));
    LessonStep c =
        new LessonStep(
            "evaluate",
            new LessonInput.TestImage(9999),
            -1,
            28,
            List.of(Intervention.clampAll(0, Quantity.OUTPUT, 0.5f)),
            List.of(),
            new LocalText("", "只有中文。"),
            LocalText.EMPTY,
            Optional.of(new LessonCheck.PredictionChanged()));
    return new Lesson(
        "sample-lesson",
        new LocalText("Sample", "示例"),
        List.of(a, b, c),
        Map.of("pictures/seven.png", new byte[] {1, 2, 3}),
        Optional.of(new byte[] {9, 8, 7}));
  }

  @Test
  void roundTripsEveryField() throws Exception {
    Lesson l = sample();
    Path f = dir.resolve("s.gslesson");
    LessonFile.write(l, f);
    Lesson back = LessonFile.read(f);
    assertEquals(l.id(), back.id());
    assertEquals(l.title(), back.title());
    assertEquals(l.steps(), back.steps());
    assertArrayEquals(new byte[] {1, 2, 3}, back.pictures().get("pictures/seven.png"));
    assertArrayEquals(new byte[] {9, 8, 7}, back.model().orElseThrow());
    assertEquals(List.of(), back.languages(), "two steps lack one language each");
    assertEquals(
        0.123456f, ((LessonCheck.Probability) back.steps().get(0).check().get()).threshold());
  }

  /** A drawing's pixels: a smooth ramp, none of them on one of the PNG's 256 grey levels. */
  static float[] drawn() {
    float[] p = new float[784];
    for (int i = 0; i < p.length; i++) {
      p[i] = (i % 97) / 96.5f + 0.0007f * (i % 3);
      p[i] = Math.min(1f, p[i]);
    }
    return p;
  }

  /** Format 2: a drawing, hidden tabs, Inside's backward view with its target, the cell view. */
  static Lesson version2() {
    float[] rounded = DrawingPicture.rounded(drawn());
    LessonStep drawing =
        new LessonStep(
            "draw",
            new LessonInput.Drawing("pictures/drawing-1.png"),
            -1,
            9,
            List.of(),
            List.of(),
            new LocalText("Your seven.", "你的七。"),
            LocalText.EMPTY,
            Optional.empty(),
            List.of("train", "evaluate"),
            "maps",
            -1);
    LessonStep backward =
        new LessonStep(
            "inside",
            new LessonInput.TestImage(4),
            3,
            20,
            List.of(),
            List.of(),
            new LocalText("Why not a 2?", "为什么不是 2？"),
            LocalText.EMPTY,
            Optional.empty(),
            List.of("train", "draw", "units", "evaluate"),
            "backward",
            2);
    LessonStep cell =
        backward
            .withHiding(List.of("inside-stats"), List.of())
            .withCaption(new LocalText("c", "c"));
    cell =
        new LessonStep(
            cell.workspace(),
            cell.input(),
            cell.unit(),
            cell.timestep(),
            cell.interventions(),
            cell.hidden(),
            cell.caption(),
            cell.question(),
            cell.check(),
            cell.hiddenTabs(),
            "cell",
            -1);
    return new Lesson(
        "drawn",
        new LocalText("Drawn", "手绘"),
        List.of(drawing, backward, cell),
        Map.of("pictures/drawing-1.png", DrawingPicture.png(rounded)),
        Optional.of(new byte[] {4, 5, 6}));
  }

  @Test
  void version2RoundTripsADrawingHiddenTabsAndInsidesView() throws Exception {
    Lesson l = version2();
    Path f = dir.resolve("v2.gslesson");
    LessonFile.write(l, f);
    Lesson back = LessonFile.read(f);
    assertEquals(l.steps(), back.steps());
    assertArrayEquals(new byte[] {4, 5, 6}, back.model().orElseThrow());
    assertArrayEquals(
        DrawingPicture.rounded(drawn()),
        DrawingPicture.pixels(back.pictures().get("pictures/drawing-1.png")),
        "the drawing's pixels exactly, as rounded when recorded");
    try (var z = new java.util.zip.ZipFile(f.toFile())) {
      String json = new String(z.getInputStream(z.getEntry("lesson.json")).readAllBytes());
      assertTrue(json.contains("\"version\": 2"), json);
    }
  }

  @Test
  void aLessonWithoutVersion2FieldsIsWrittenAsVersion1() throws Exception {
    Path f = dir.resolve("v1.gslesson");
    LessonFile.write(sample(), f);
    try (var z = new java.util.zip.ZipFile(f.toFile())) {
      String json = new String(z.getInputStream(z.getEntry("lesson.json")).readAllBytes());
      assertTrue(json.contains("\"version\": 1"), json);
    }
  }

  @Test
  void aModelLargerThanALessonCarriesIsRefusedBeforeWriting() {
    Path f = dir.resolve("big.gslesson");
    Lesson big = sample().withModel(Optional.of(new byte[(int) LessonFile.MAX_MODEL + 1]));
    String m = assertThrows(LessonFileException.class, () -> LessonFile.write(big, f)).getMessage();
    assertEquals(
        "Could not save the lesson to "
            + f
            + ": the model is 67108865 bytes, more than a lesson can carry (67108864). Save it"
            + " without the model and hand the model out as its own file.",
        m);
    assertFalse(Files.exists(f), "nothing written");
  }

  @Test
  void aDrawingIsExactlyItsRoundedPixels() {
    float[] rounded = DrawingPicture.rounded(drawn());
    assertArrayEquals(rounded, DrawingPicture.pixels(DrawingPicture.png(rounded)));
    for (int i = 0; i < 784; i++) {
      assertEquals(Math.round(drawn()[i] * 255) / 255f, rounded[i]);
    }
  }

  @Test
  void languagesAreThoseEveryTextHas() {
    Lesson l = sample();
    Lesson en = l.withSteps(List.of(l.steps().get(0), l.steps().get(1)));
    assertEquals(List.of("en"), en.languages());
    assertEquals(List.of("en", "zh-CN"), l.withSteps(List.of(l.steps().get(0))).languages());
  }

  @Test
  void aFailedSaveLeavesTheOldFile() throws Exception {
    Path f = dir.resolve("s.gslesson");
    LessonFile.write(sample(), f);
    byte[] before = Files.readAllBytes(f);
    LessonFileException e =
        assertThrows(
            LessonFileException.class,
            () ->
                LessonFile.write(
                    sample(),
                    f,
                    (p, o) ->
                        new OutputStream() {
                          @Override
                          public void write(int b) throws IOException {
                            throw new IOException("No space left on device");
                          }
                        }));
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(f));
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left");
    }
  }

  // ---- hostile files ----

  private String refused(Path f) {
    return assertThrows(LessonFileException.class, () -> LessonFile.read(f)).getMessage();
  }

  private Path zip(String name, Map<String, byte[]> entries) throws IOException {
    Path f = dir.resolve(name);
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return f;
  }

  private Path json(String name, String json) throws IOException {
    return zip(name, Map.of("lesson.json", json.getBytes(StandardCharsets.UTF_8)));
  }

  private static final String STEP =
      "{\"workspace\":\"draw\",\"input\":{\"test_index\":0},\"timestep\":3,"
          + "\"caption\":{\"en\":\"x\",\"zh-CN\":\"x\"}}";

  private static String lesson(String steps) {
    return "{\"format\":\"gatescope-lesson\",\"version\":1,\"id\":\"t\","
        + "\"title\":{\"en\":\"T\",\"zh-CN\":\"T\"},\"steps\":["
        + steps
        + "]}";
  }

  @Test
  void aMinimalLessonReads() throws Exception {
    Lesson l = LessonFile.read(json("ok.gslesson", lesson(STEP)));
    assertEquals(1, l.steps().size());
    assertEquals(-1, l.steps().get(0).unit());
  }

  @Test
  void missingEmptyRandomAndTruncatedFiles() throws Exception {
    assertEquals(
        "nothing.gslesson: no such lesson file.", refused(dir.resolve("nothing.gslesson")));
    Path empty = Files.createFile(dir.resolve("empty.gslesson"));
    assertEquals("empty.gslesson: the file is empty; it is not a lesson.", refused(empty));
    Path random = Files.write(dir.resolve("random.gslesson"), new byte[] {1, 2, 3, 4, 5, 6});
    assertTrue(refused(random).startsWith("random.gslesson: not a lesson file (not a zip"));
    Path good = dir.resolve("good.gslesson");
    LessonFile.write(sample(), good);
    byte[] all = Files.readAllBytes(good);
    Path cut =
        Files.write(dir.resolve("cut.gslesson"), java.util.Arrays.copyOf(all, all.length / 2));
    assertTrue(refused(cut).startsWith("cut.gslesson: the lesson file is damaged or truncated"));
  }

  @Test
  void aZipThatIsNotALesson() throws Exception {
    Path f = zip("model.gslesson", Map.of("gatescope.json", "{}".getBytes()));
    assertEquals(
        "model.gslesson: a zip file, but not a GateScope lesson (no lesson.json inside).",
        refused(f));
    assertEquals(
        "foreign.gslesson: not a GateScope lesson (its description has no \"format\": \"gatescope-lesson\").",
        refused(json("foreign.gslesson", "{\"format\":\"gatescope-model\"}")));
    assertEquals(
        "list.gslesson: not a GateScope lesson (its description has no \"format\": \"gatescope-lesson\").",
        refused(json("list.gslesson", "[1,2]")));
    assertTrue(
        refused(json("bad.gslesson", "{\"format\": "))
            .startsWith("bad.gslesson: the lesson description is damaged"));
  }

  @Test
  void deeplyNestedJsonIsRefusedWithAMessage() throws Exception {
    String deep = "[".repeat(400_000) + "]".repeat(400_000);
    assertEquals(
        "deep.gslesson: not a GateScope lesson (its description has no \"format\": \"gatescope-lesson\").",
        refused(json("deep.gslesson", deep)));
    String cut = "{\"format\":" + "[".repeat(400_000);
    assertTrue(
        refused(json("cut.gslesson", cut))
            .startsWith("cut.gslesson: the lesson description is damaged"));
  }

  @Test
  void aNewerVersionIsNamed() throws Exception {
    String s = lesson(STEP).replace("\"version\":1", "\"version\":7");
    assertEquals(
        "next.gslesson: written by a newer GateScope (lesson format 7); this version reads format 2. Update GateScope to open it.",
        refused(json("next.gslesson", s)));
  }

  @Test
  void aJsonBombStopsAtItsBound() throws Exception {
    // 100 MiB of spaces compress to about 100 KB; the reader stops after 1 MiB of them.
    Path f = dir.resolve("bomb.gslesson");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      z.putNextEntry(new ZipEntry("lesson.json"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 100; i++) {
        z.write(spaces);
      }
      z.closeEntry();
    }
    assertTrue(Files.size(f) < 1_000_000);
    assertEquals(
        "bomb.gslesson: entry lesson.json is larger than 1048576 bytes, far more than it can hold (a damaged file or a zip bomb); refusing to read on.",
        refused(f));
  }

  @Test
  void aBombThatLiesAboutItsSizeStopsAtItsBound() throws Exception {
    // The same bomb with its central directory claiming 10 bytes: counted, not believed.
    Path f = dir.resolve("liar.gslesson");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      z.putNextEntry(new ZipEntry("lesson.json"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 20; i++) {
        z.write(spaces);
      }
      z.closeEntry();
    }
    byte[] b = Files.readAllBytes(f);
    for (int i = 0; i + 4 < b.length; i++) {
      if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2) {
        java.nio.ByteBuffer.wrap(b, i + 24, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(10);
      }
    }
    Files.write(f, b);
    assertTrue(
        refused(f).startsWith("liar.gslesson: entry lesson.json is larger than 1048576 bytes"),
        refused(f));
  }

  @Test
  void aPictureBombStopsAtItsBound() throws Exception {
    String step = STEP.replace("{\"test_index\":0}", "{\"picture\":\"pictures/p.png\"}");
    Path f = dir.resolve("pbomb.gslesson");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      z.putNextEntry(new ZipEntry("lesson.json"));
      z.write(lesson(step).getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
      z.putNextEntry(new ZipEntry("pictures/p.png"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 50; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    assertTrue(
        refused(f).startsWith("pbomb.gslesson: entry pictures/p.png is larger than 4194304 bytes"));
  }

  @Test
  void tooManyEntries() throws Exception {
    Map<String, byte[]> many = new java.util.TreeMap<>();
    for (int i = 0; i < 300; i++) {
      many.put("pictures/" + i + ".png", new byte[0]);
    }
    many.put("lesson.json", lesson(STEP).getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "many.gslesson: holds 301 entries, far more than a lesson has (at most 256); refusing to read on.",
        refused(zip("many.gslesson", many)));
  }

  @Test
  void missingAndWrongFieldsAreNamed() throws Exception {
    assertEquals(
        "a.gslesson: step 1: timestep is missing.",
        refused(json("a.gslesson", lesson(STEP.replace("\"timestep\":3,", "")))));
    assertEquals(
        "b.gslesson: step 2: timestep must be a whole number from 1 to 28.",
        refused(json("b.gslesson", lesson(STEP + "," + STEP.replace("3", "29")))));
    assertEquals(
        "c.gslesson: step 1: workspace must be one of: train, draw, inside, units, evaluate.",
        refused(json("c.gslesson", lesson(STEP.replace("draw", "kitchen")))));
    assertEquals(
        "d.gslesson: the lesson: steps must hold at least one step.",
        refused(json("d.gslesson", lesson(""))));
    assertEquals(
        "e.gslesson: step 1: input.picture must name a picture under pictures/.",
        refused(
            json(
                "e.gslesson",
                lesson(STEP.replace("{\"test_index\":0}", "{\"picture\":\"../../etc/passwd\"}")))));
    assertEquals(
        "f.gslesson: the lesson names pictures/p.png, but the file does not hold it.",
        refused(
            json(
                "f.gslesson",
                lesson(STEP.replace("{\"test_index\":0}", "{\"picture\":\"pictures/p.png\"}")))));
    String clamp =
        STEP.replace(
            "\"timestep\":3,",
            "\"timestep\":3,\"interventions\":[{\"quantity\":\"forget\",\"value\":1.5}],");
    assertEquals(
        "g.gslesson: step 1: value must be a number from 0.0 to 1.0.",
        refused(json("g.gslesson", lesson(clamp))));
    String cell = clamp.replace("forget", "cell_state").replace("1.5", "0");
    assertTrue(
        refused(json("h.gslesson", lesson(cell)))
            .startsWith("h.gslesson: step 1: quantity must be one of: "));
    String check =
        STEP.replace("\"timestep\":3,", "\"timestep\":3,\"check\":{\"kind\":\"vibes\"},");
    assertTrue(
        refused(json("i.gslesson", lesson(check)))
            .startsWith("i.gslesson: step 1: check.kind must be one of: "));
    String both =
        STEP.replace(
            "\"timestep\":3,",
            "\"timestep\":3,\"check\":{\"kind\":\"probability\",\"digit\":7,\"above\":0.5,\"below\":0.2},");
    assertEquals(
        "j.gslesson: step 1: check must give either above or below.",
        refused(json("j.gslesson", lesson(both))));
    assertEquals(
        "k.gslesson: step 1: hidden must list control ids (lower-case letters, digits and \"-\").",
        refused(
            json(
                "k.gslesson",
                lesson(
                    STEP.replace(
                        "\"timestep\":3,", "\"timestep\":3,\"hidden\":[\"#shell > *\"],")))));
  }

  @Test
  void aLiveNumberGateScopeCannotComputeIsNamed() throws Exception {
    String caption = "\"caption\":{\"en\":\"x\",\"zh-CN\":\"x\"}";
    assertEquals(
        "a.gslesson: step 1: caption.en holds “{P(12)}”, which is not a number GateScope can"
            + " compute: a digit is 0 to 9.",
        refused(
            json(
                "a.gslesson",
                lesson(
                    STEP.replace(
                        caption, "\"caption\":{\"en\":\"P = {P(12)}\",\"zh-CN\":\"x\"}")))));
    assertEquals(
        "b.gslesson: step 1: question.zh-CN holds “{c[3] @29}”, which is not a number GateScope"
            + " can compute: a timestep is @1 to @28.",
        refused(
            json(
                "b.gslesson",
                lesson(
                    STEP.replace(
                        caption,
                        caption + ",\"question\":{\"en\":\"?\",\"zh-CN\":\"{c[3] @29}\"}")))));
    assertTrue(
        refused(
                json(
                    "c.gslesson",
                    lesson(
                        STEP.replace(
                            caption, "\"caption\":{\"en\":\"{Γf[3] when}\",\"zh-CN\":\"x\"}"))))
            .startsWith("c.gslesson: step 1: caption.en holds “{Γf[3] when}”"));
    // braces of the text itself are text
    Lesson l =
        LessonFile.read(
            json(
                "d.gslesson",
                lesson(
                    STEP.replace(
                        caption,
                        "\"caption\":{\"en\":\"the set {0, 1} and {x[2]}\",\"zh-CN\":\"x\"}"))));
    assertEquals("the set {0, 1} and {x[2]}", l.steps().get(0).caption().en());
  }

  private static final String STEP2 = STEP.replace("\"timestep\":3,", "\"timestep\":3,%s");

  private static String lesson2(String steps) {
    return lesson(steps).replace("\"version\":1", "\"version\":2");
  }

  @Test
  void version2FieldsAreTypedAndBounded() throws Exception {
    assertEquals(
        "a.gslesson: step 1: hidden_tabs must list other workspaces than the step’s own, each once: train, draw, inside, units, evaluate.",
        refused(json("a.gslesson", lesson2(String.format(STEP2, "\"hidden_tabs\":[\"draw\"],")))));
    assertEquals(
        "b.gslesson: step 1: hidden_tabs must list other workspaces than the step’s own, each once: train, draw, inside, units, evaluate.",
        refused(
            json("b.gslesson", lesson2(String.format(STEP2, "\"hidden_tabs\":[\"kitchen\"],")))));
    assertEquals(
        "c.gslesson: step 1: hidden_tabs must be a list.",
        refused(json("c.gslesson", lesson2(String.format(STEP2, "\"hidden_tabs\":\"train\",")))));
    assertEquals(
        "d.gslesson: step 1: inside.view must be one of: maps, backward, cell.",
        refused(
            json(
                "d.gslesson",
                lesson2(String.format(STEP2, "\"inside\":{\"view\":\"sideways\"},")))));
    assertEquals(
        "e.gslesson: step 1: target must be a whole number from 0 to 9.",
        refused(json("e.gslesson", lesson2(String.format(STEP2, "\"inside\":{\"target\":10},")))));
    String drawing = STEP.replace("{\"test_index\":0}", "{\"drawing\":\"pictures/d.png\"}");
    assertEquals(
        "f.gslesson: step 1: input.drawing must name a 28×28 picture (a 2×1 picture, not 28×28).",
        refused(
            zip(
                "f.gslesson",
                Map.of(
                    "lesson.json", lesson2(drawing).getBytes(StandardCharsets.UTF_8),
                    "pictures/d.png", png(2, 1)))));
    assertEquals(
        "g.gslesson: step 1: input.drawing must name a 28×28 picture (not a picture).",
        refused(
            zip(
                "g.gslesson",
                Map.of(
                    "lesson.json",
                    lesson2(drawing).getBytes(StandardCharsets.UTF_8),
                    "pictures/d.png",
                    new byte[] {1, 2, 3}))));
    assertEquals(
        "h.gslesson: step 1: input.drawing must name a picture under pictures/.",
        refused(
            json(
                "h.gslesson",
                lesson2(STEP.replace("{\"test_index\":0}", "{\"drawing\":\"../d.png\"}")))));
  }

  @Test
  void aVersion1FileReadsAsVersion1Did() throws Exception {
    // format 2's fields in a version 1 file are not read: its steps are as version 1 said
    Lesson l =
        LessonFile.read(
            json(
                "old.gslesson",
                lesson(
                    String.format(
                        STEP2, "\"hidden_tabs\":[\"train\"],\"inside\":{\"view\":\"cell\"},"))));
    assertEquals(List.of(), l.steps().get(0).hiddenTabs());
    assertEquals("maps", l.steps().get(0).insideView());
    String drawing = STEP.replace("{\"test_index\":0}", "{\"drawing\":\"pictures/d.png\"}");
    assertEquals(
        "i.gslesson: step 1: input must give a test_index or a picture.",
        refused(json("i.gslesson", lesson(drawing))));
  }

  private static byte[] png(int w, int h) throws IOException {
    var img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  @Test
  void messagesSpeakChinese() throws Exception {
    Messages.use(Locale.SIMPLIFIED_CHINESE);
    assertEquals(
        "a.gslesson：第 1 步：缺少 timestep。",
        refused(json("a.gslesson", lesson(STEP.replace("\"timestep\":3,", "")))));
  }

  @Test
  void stepsHaveBothLanguagesWhenWritten() throws Exception {
    LessonFile.write(sample(), dir.resolve("s.gslesson"));
    assertFalse(Files.readString(dir.resolve("s.gslesson"), StandardCharsets.ISO_8859_1).isEmpty());
  }
}
