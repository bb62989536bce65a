package io.gatescope.core.lesson;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.gatescope.core.AtomicFile;
import io.gatescope.core.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The {@code .gslesson} file: a zip with {@code lesson.json} (the ordered steps), the pictures its
 * steps show ({@code pictures/…}) and optionally the model it was made for ({@code
 * model.gatescope}). Written atomically. Read as a hostile file: sizes are bounded by the bytes
 * that leave the decompressor (never by what the archive declares), every field is checked, and
 * every failure is a {@link LessonFileException} naming the file and saying what is wrong.
 */
public final class LessonFile {
  public static final String EXTENSION = ".gslesson";
  static final String JSON = "lesson.json";
  static final String MODEL = "model.gatescope";

  /** A lesson with the shipped model and a few pictures is well under 1 MiB. */
  static final long MAX_FILE = 80L << 20;

  static final long MAX_JSON = 1L << 20;
  static final long MAX_PICTURE = 4L << 20;
  static final long MAX_MODEL = 64L << 20;
  static final int MAX_ENTRIES = 256;

  private static final byte[] MAGIC = {'P', 'K', 3, 4};

  private LessonFile() {}

  /** Reads a lesson file, or says clearly why it cannot. */
  public static Lesson read(Path file) throws LessonFileException {
    String name = file.getFileName().toString();
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new LessonFileException(Messages.get("lesson.noFile", name));
    } catch (IOException e) {
      throw new LessonFileException(Messages.get("lesson.unreadable", name, e.getMessage()));
    }
    if (size == 0) {
      throw new LessonFileException(Messages.get("lesson.empty", name));
    }
    if (size > MAX_FILE) {
      throw new LessonFileException(Messages.get("lesson.huge", name, size, MAX_FILE));
    }
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, 4) < 4 || !Arrays.equals(head, MAGIC)) {
        throw new LessonFileException(Messages.get("lesson.notZip", name));
      }
    } catch (IOException e) {
      throw new LessonFileException(Messages.get("lesson.unreadable", name, e.getMessage()));
    }
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      if (zip.size() > MAX_ENTRIES) {
        throw new LessonFileException(
            Messages.get("lesson.tooManyEntries", name, zip.size(), MAX_ENTRIES));
      }
      if (zip.getEntry(JSON) == null) {
        throw new LessonFileException(Messages.get("lesson.noJson", name, JSON));
      }
      byte[] json = entry(zip, name, JSON, MAX_JSON);
      return parse(
          name,
          json,
          new LessonJson.PartReader() {
            @Override
            public byte[] picture(String entry) throws LessonFileException {
              return entry(zip, name, entry, MAX_PICTURE);
            }

            @Override
            public byte[] model(String entry) throws LessonFileException {
              return entry(zip, name, entry, MAX_MODEL);
            }
          });
    } catch (ZipException e) {
      throw new LessonFileException(Messages.get("lesson.damaged", name, e.getMessage()));
    } catch (IOException e) {
      throw new LessonFileException(Messages.get("lesson.unreadable", name, e.getMessage()));
    }
  }

  /** A lesson from the bytes of its {@code lesson.json}; its parts come from {@code parts}. */
  static Lesson parse(String name, byte[] json, LessonJson.PartReader parts)
      throws LessonFileException {
    JsonElement root;
    try {
      root = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
    } catch (JsonParseException | IllegalStateException e) {
      throw new LessonFileException(Messages.get("lesson.badJson", name, e.getMessage()));
    }
    if (!root.isJsonObject()) {
      throw new LessonFileException(Messages.get("lesson.foreign", name));
    }
    try {
      return LessonJson.read(name, root.getAsJsonObject(), parts);
    } catch (IllegalArgumentException e) {
      // a combination the fields' own checks let through; the records refuse it
      throw new LessonFileException(
          Messages.get(
              "lesson.invalid", name, Messages.get("lesson.where.lesson"), "", e.getMessage()));
    }
  }

  /**
   * An entry's bytes, at most {@code limit}: counted as they come out of the decompressor, so a zip
   * bomb stops after {@code limit} bytes whatever the archive declares.
   */
  private static byte[] entry(ZipFile zip, String name, String entry, long limit)
      throws LessonFileException {
    ZipEntry e = zip.getEntry(entry);
    if (e == null) {
      throw new LessonFileException(Messages.get("lesson.noEntry", name, entry));
    }
    if (e.getSize() > limit) {
      throw new LessonFileException(Messages.get("lesson.entryHuge", name, entry, limit));
    }
    try (InputStream in = zip.getInputStream(e)) {
      byte[] bytes = in.readNBytes((int) limit);
      if (in.read() >= 0) {
        throw new LessonFileException(Messages.get("lesson.entryHuge", name, entry, limit));
      }
      return bytes;
    } catch (ZipException | java.io.EOFException ex) {
      throw new LessonFileException(Messages.get("lesson.damaged", name, ex.getMessage()));
    } catch (IOException ex) {
      throw new LessonFileException(Messages.get("lesson.unreadable", name, ex.getMessage()));
    }
  }

  /** Writes {@code lesson} to {@code target} atomically: a failed save leaves the old file. */
  public static void write(Lesson lesson, Path target) throws LessonFileException {
    write(lesson, target, Files::newOutputStream);
  }

  static void write(Lesson lesson, Path target, AtomicFile.Opener opener)
      throws LessonFileException {
    if (lesson.model().isPresent() && lesson.model().get().length > MAX_MODEL) {
      // a file GateScope would refuse to open again
      throw new LessonFileException(
          Messages.get("lesson.modelTooLarge", target, lesson.model().get().length, MAX_MODEL));
    }
    byte[] json =
        new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .create()
            .toJson(LessonJsonWriter.write(lesson, MODEL))
            .getBytes(StandardCharsets.UTF_8);
    try {
      AtomicFile.write(
          target,
          opener,
          raw -> {
            ZipOutputStream zip = new ZipOutputStream(raw, StandardCharsets.UTF_8);
            put(zip, JSON, json);
            for (Map.Entry<String, byte[]> p : lesson.pictures().entrySet()) {
              put(zip, p.getKey(), p.getValue());
            }
            if (lesson.model().isPresent()) {
              put(zip, MODEL, lesson.model().get());
            }
            zip.finish();
          });
    } catch (IOException | RuntimeException e) {
      throw new LessonFileException(Messages.get("lesson.saveFailed", target, e.getMessage()), e);
    }
  }

  private static void put(ZipOutputStream zip, String entry, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(entry));
    zip.write(bytes);
    zip.closeEntry();
  }
}
