package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import io.gatescope.core.lesson.DrawingPicture;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.LessonInput;
import io.gatescope.core.lesson.LessonStep;
import io.gatescope.core.preprocess.ImageFiles;
import io.gatescope.core.preprocess.Preprocessor;
import io.gatescope.ui.common.Input;
import io.gatescope.ui.common.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The pictures of the open lesson: each written once to a private temporary folder so it can be
 * shown as a picture file (its name in the source line), and the pictures a teacher's recorded
 * steps add, kept as bytes until the lesson is saved.
 */
final class LessonPictures {
  /** A picture of a lesson is at most this large (as the lesson file reads them). */
  static final int MAX_BYTES = 4 << 20;

  private final Map<String, byte[]> bytes = new LinkedHashMap<>();
  private final Map<String, Path> files = new LinkedHashMap<>();
  private final java.util.Set<String> drawings = new java.util.HashSet<>();
  private Path folder;

  /** The pictures of {@code l} (none for null). */
  void use(Lesson l) {
    bytes.clear();
    files.clear();
    drawings.clear();
    if (l != null) {
      l.pictures().forEach((k, v) -> bytes.put(k, v));
      for (LessonStep s : l.steps()) {
        if (s.input() instanceof LessonInput.Drawing d) {
          drawings.add(d.entry());
        }
      }
    }
  }

  /**
   * Adds a drawing (already rounded to the PNG's grey levels) as a new picture; its entry name,
   * {@code pictures/drawing-N.png}.
   */
  String addDrawing(float[] rounded) {
    byte[] png = DrawingPicture.png(rounded);
    String entry;
    int i = 1;
    do {
      entry = "pictures/drawing-" + i++ + ".png";
    } while (bytes.containsKey(entry));
    bytes.put(entry, png);
    drawings.add(entry);
    return entry;
  }

  /** The entry of a drawing this lesson holds that is shown from {@code file}, if it is one. */
  Optional<String> drawingShownFrom(Path file) {
    return files.entrySet().stream()
        .filter(e -> e.getValue().equals(file) && drawings.contains(e.getKey()))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The bytes of picture {@code entry} (empty when the lesson has none by that name). */
  byte[] bytes(String entry) {
    return bytes.getOrDefault(entry, new byte[0]);
  }

  /**
   * A drawing's input: the pixels of its PNG as they are, shown from {@code file}; decoding blocks,
   * so never on the FX thread.
   */
  static Read readDrawing(Path file, byte[] png) {
    try {
      return new Read(Input.picture(file, DrawingPicture.pixels(png)), null);
    } catch (RuntimeException e) {
      return new Read(
          null, Messages.get("draw.picture.error", file.getFileName().toString(), e.getMessage()));
    }
  }

  /** The file that holds picture {@code entry}, written on first use. */
  Path file(String entry) {
    return files.computeIfAbsent(
        entry,
        e -> {
          try {
            if (folder == null) {
              folder = Files.createTempDirectory("gatescope-lesson");
              folder.toFile().deleteOnExit();
            }
            Path f = folder.resolve(e.substring(e.lastIndexOf('/') + 1));
            Files.write(f, bytes.getOrDefault(e, new byte[0]));
            f.toFile().deleteOnExit();
            return f;
          } catch (IOException ex) {
            return Path.of(e);
          }
        });
  }

  /** Adds a picture file shown in the window; its entry name, or empty when it cannot be read. */
  Optional<String> add(Path file) {
    for (Map.Entry<String, Path> e : files.entrySet()) {
      if (e.getValue().equals(file)) {
        return Optional.of(e.getKey());
      }
    }
    byte[] b;
    try (InputStream in = Files.newInputStream(file)) {
      b = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (b.length > MAX_BYTES) {
      return Optional.empty();
    }
    String base = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    base = base.replace("..", "_");
    String entry = "pictures/" + base;
    for (int i = 2;
        bytes.containsKey(entry) && !java.util.Arrays.equals(bytes.get(entry), b);
        i++) {
      entry = "pictures/" + i + "-" + base;
    }
    bytes.put(entry, b);
    files.put(entry, file);
    return Optional.of(entry);
  }

  /** {@code l} with {@code steps}, carrying every picture they show. */
  Lesson into(Lesson l, java.util.List<LessonStep> steps) {
    return new Lesson(l.id(), l.title(), steps, Map.copyOf(bytes), l.model());
  }

  /**
   * Shows {@code input} in the window, then tells {@code then} whether it is shown: a test image at
   * once, a picture or drawing of the lesson once the inference worker has read it (a picture that
   * cannot be read is named in the status bar, and the window keeps its input). A picture read
   * after {@code current} turned false (another step was applied, or the lesson closed) is not
   * shown, and {@code then} is not told.
   */
  void show(LessonInput input, Session session, BooleanSupplier current, Consumer<Boolean> then) {
    if (input instanceof LessonInput.TestImage t) {
      session.showTestImage(t.index());
      then.accept(true);
    } else {
      String entry = input.entry();
      Path file = file(entry);
      byte[] png = bytes(entry);
      boolean drawing = input instanceof LessonInput.Drawing;
      session
          .inference()
          .run(
              () -> drawing ? readDrawing(file, png) : read(file),
              in -> {
                if (!current.getAsBoolean()) {
                  return;
                }
                if (in.input() != null) {
                  session.show(in.input());
                } else {
                  session.setStatus(in.error());
                }
                then.accept(in.input() != null);
              });
    }
  }

  /** A picture read and prepared as Draw prepares one, or why it could not be. */
  record Read(Input input, String error) {}

  /** Reads {@code file}; blocks, so never on the FX thread. */
  static Read read(Path file) {
    try {
      ImageFiles.Grey g = ImageFiles.read(file);
      return new Read(
          Input.picture(file, Preprocessor.toMnist(g.pixels(), g.width(), g.height())), null);
    } catch (IOException | RuntimeException e) {
      return new Read(
          null, Messages.get("draw.picture.error", file.getFileName().toString(), e.getMessage()));
    }
  }
}
