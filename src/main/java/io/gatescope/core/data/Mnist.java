package io.gatescope.core.data;

import io.gatescope.core.Messages;
import java.nio.file.Files;
import java.nio.file.Path;

/** The MNIST train and test sets, loaded from a folder of (gzipped) IDX files. */
public record Mnist(LabeledImages train, LabeledImages test) {
  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  /** Loads the four files from {@code folder}, accepting each raw or with ".gz". */
  public static Mnist load(Path folder) throws DataFileException {
    return new Mnist(
        pair(folder, "train", TRAIN_IMAGES, TRAIN_LABELS),
        pair(folder, "test", TEST_IMAGES, TEST_LABELS));
  }

  /** Only the test set: enough for predict, evaluate and inspect. */
  public static LabeledImages loadTest(Path folder) throws DataFileException {
    return pair(folder, "test", TEST_IMAGES, TEST_LABELS);
  }

  private static LabeledImages pair(Path folder, String name, String imagesStem, String labelsStem)
      throws DataFileException {
    Path imagesFile = find(folder, imagesStem);
    Path labelsFile = find(folder, labelsStem);
    ImageSet images = IdxReader.readImages(imagesFile);
    byte[] labels = IdxReader.readLabels(labelsFile);
    if (images.count() != labels.length) {
      throw new DataFileException(
          labelsFile,
          Messages.get(
              "mnist.countMismatch", labels.length, imagesFile.getFileName(), images.count()));
    }
    if (images.rows() != 28 || images.cols() != 28) {
      throw new DataFileException(
          imagesFile, Messages.get("mnist.size", images.rows(), images.cols()));
    }
    return new LabeledImages(name, images, labels);
  }

  /** The file for a stem: raw, .gz, or the dotted spelling some mirrors use. */
  static Path find(Path folder, String stem) throws DataFileException {
    String dotted = stem.replace("-idx", ".idx");
    for (String name : new String[] {stem + ".gz", stem, dotted + ".gz", dotted}) {
      Path p = folder.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new DataFileException(
        folder.resolve(stem + ".gz"), Messages.get("mnist.notFound", folder.toAbsolutePath()));
  }
}
