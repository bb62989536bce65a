package io.gatescope.core.data;

/** Images with their digit labels; the two counts always match. */
public record LabeledImages(String name, ImageSet images, byte[] labels) {
  public LabeledImages {
    if (images.count() != labels.length) {
      throw new IllegalArgumentException(
          name + ": " + images.count() + " images but " + labels.length + " labels");
    }
  }

  public int size() {
    return labels.length;
  }

  public int label(int i) {
    return labels[i];
  }

  /** The first n examples (a view for quick demos; shares the arrays' contents by copy). */
  public LabeledImages head(int n) {
    if (n >= size()) {
      return this;
    }
    int ppi = images.pixelsPerImage();
    byte[] px = java.util.Arrays.copyOf(images.pixels(), n * ppi);
    return new LabeledImages(
        name,
        new ImageSet(n, images.rows(), images.cols(), px),
        java.util.Arrays.copyOf(labels, n));
  }
}
