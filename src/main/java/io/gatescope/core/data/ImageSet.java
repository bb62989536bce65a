package io.gatescope.core.data;

/**
 * Greyscale images kept as bytes (MNIST train is 47 MB this way, four times that as floats).
 *
 * @param pixels row-major, image after image: pixel (i, r, c) is at i*rows*cols + r*cols + c
 */
public record ImageSet(int count, int rows, int cols, byte[] pixels) {
  public ImageSet {
    if ((long) count * rows * cols != pixels.length) {
      throw new IllegalArgumentException("pixels length does not match count*rows*cols");
    }
  }

  public int pixelsPerImage() {
    return rows * cols;
  }

  /** Pixel value in [0, 255]. */
  public int pixel(int image, int row, int col) {
    return pixels[image * rows * cols + row * cols + col] & 0xFF;
  }

  /** One image as floats in [0, 1], row-major. */
  public float[] imageAsFloats(int image) {
    int n = pixelsPerImage();
    float[] out = new float[n];
    int base = image * n;
    for (int i = 0; i < n; i++) {
      out[i] = (pixels[base + i] & 0xFF) / 255f;
    }
    return out;
  }
}
