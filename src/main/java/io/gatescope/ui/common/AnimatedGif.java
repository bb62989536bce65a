package io.gatescope.ui.common;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF from frames of equal size, written with the JDK's ImageIO (no other library). One
 * palette of 255 colours serves every frame (the most frequent colours of the last frame and the
 * first, at 5 bits per channel); from the second frame on, a pixel that did not change is
 * transparent, so the file holds little more than what changes from frame to frame. Loops forever.
 * No JavaFX: frames are plain ARGB pixels.
 */
public final class AnimatedGif {
  private static final int TRANSPARENT = 255;

  private AnimatedGif() {}

  /** One frame: {@code argb} pixels, row by row, shown for {@code centiseconds}. */
  public record Frame(int width, int height, int[] argb, int centiseconds) {}

  /** The GIF's bytes. Every frame must have the first frame's size. */
  public static byte[] write(List<Frame> frames) throws IOException {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("no frames");
    }
    int w = frames.get(0).width();
    int h = frames.get(0).height();
    int[] palette = palette(frames.get(frames.size() - 1).argb(), frames.get(0).argb());
    byte[] lut = nearest(palette);
    IndexColorModel colours = colourModel(palette);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.prepareWriteSequence(streamMetadata(writer, colours, w, h));
      byte[] previous = null;
      for (int k = 0; k < frames.size(); k++) {
        Frame f = frames.get(k);
        if (f.width() != w || f.height() != h) {
          throw new IllegalArgumentException("frame " + k + " is not " + w + "×" + h);
        }
        byte[] index = new byte[w * h];
        for (int i = 0; i < index.length; i++) {
          index[i] = lut[rgb555(f.argb()[i])];
        }
        byte[] written = index;
        if (previous != null) {
          written = index.clone();
          for (int i = 0; i < written.length; i++) {
            if (written[i] == previous[i]) {
              written[i] = (byte) TRANSPARENT;
            }
          }
        }
        previous = index;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, colours);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(written, 0, data, 0, written.length);
        IIOMetadata meta =
            writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
        describe(meta, f.centiseconds(), k > 0, k == 0);
        palette(meta, "LocalColorTable", "sizeOfLocalColorTable", colours);
        writer.writeToSequence(new IIOImage(img, null, meta), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** The one palette as the global colour table (the writer's default table is another one). */
  private static IIOMetadata streamMetadata(
      ImageWriter writer, IndexColorModel colours, int w, int h) throws IOException {
    IIOMetadata meta = writer.getDefaultStreamMetadata(null);
    String format = meta.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
    IIOMetadataNode screen = child(root, "LogicalScreenDescriptor");
    screen.setAttribute("logicalScreenWidth", Integer.toString(w));
    screen.setAttribute("logicalScreenHeight", Integer.toString(h));
    screen.setAttribute("colorResolution", "8");
    screen.setAttribute("pixelAspectRatio", "0");
    meta.setFromTree(format, root);
    palette(meta, "GlobalColorTable", "sizeOfGlobalColorTable", colours);
    return meta;
  }

  /** Writes the palette into a colour table of the metadata (global or local). */
  private static void palette(IIOMetadata meta, String name, String sizeName, IndexColorModel cm)
      throws IOException {
    String format = meta.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
    IIOMetadataNode table = child(root, name);
    while (table.getFirstChild() != null) {
      table.removeChild(table.getFirstChild());
    }
    table.setAttribute(sizeName, "256");
    table.setAttribute("sortFlag", "FALSE");
    if (name.startsWith("Global")) {
      table.setAttribute("backgroundColorIndex", "0");
    }
    for (int i = 0; i < 256; i++) {
      IIOMetadataNode e = new IIOMetadataNode("ColorTableEntry");
      e.setAttribute("index", Integer.toString(i));
      e.setAttribute("red", Integer.toString(cm.getRed(i)));
      e.setAttribute("green", Integer.toString(cm.getGreen(i)));
      e.setAttribute("blue", Integer.toString(cm.getBlue(i)));
      table.appendChild(e);
    }
    meta.setFromTree(format, root);
  }

  /** Delay, transparency of unchanged pixels, and (on the first frame) looping forever. */
  private static void describe(IIOMetadata meta, int delay, boolean transparent, boolean first)
      throws IOException {
    String format = meta.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "doNotDispose");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", transparent ? "TRUE" : "FALSE");
    control.setAttribute("transparentColorIndex", Integer.toString(TRANSPARENT));
    control.setAttribute("delayTime", Integer.toString(Math.max(1, delay)));
    if (first) {
      IIOMetadataNode apps = child(root, "ApplicationExtensions");
      IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
      loop.setAttribute("applicationID", "NETSCAPE");
      loop.setAttribute("authenticationCode", "2.0");
      loop.setUserObject(new byte[] {1, 0, 0}); // loop count 0: for ever
      apps.appendChild(loop);
    }
    meta.setFromTree(format, root);
  }

  private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
    for (int i = 0; i < parent.getLength(); i++) {
      if (parent.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) parent.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    parent.appendChild(node);
    return node;
  }

  private static int rgb555(int argb) {
    return (argb >> 9 & 0x7C00) | (argb >> 6 & 0x3E0) | (argb >> 3 & 0x1F);
  }

  /** The 255 most frequent colours (5 bits per channel) of the given frames. */
  static int[] palette(int[]... frames) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int[] frame : frames) {
      for (int p : frame) {
        counts.merge(rgb555(p), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
        .limit(TRANSPARENT)
        .mapToInt(Map.Entry::getKey)
        .toArray();
  }

  /** For every 5-bit colour, the index of the nearest palette colour. */
  private static byte[] nearest(int[] palette) {
    byte[] lut = new byte[1 << 15];
    for (int c = 0; c < lut.length; c++) {
      int best = 0;
      int bestD = Integer.MAX_VALUE;
      for (int i = 0; i < palette.length; i++) {
        int dr = (c >> 10) - (palette[i] >> 10);
        int dg = (c >> 5 & 31) - (palette[i] >> 5 & 31);
        int db = (c & 31) - (palette[i] & 31);
        int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      lut[c] = (byte) best;
    }
    return lut;
  }

  private static IndexColorModel colourModel(int[] palette) {
    byte[] r = new byte[256];
    byte[] g = new byte[256];
    byte[] b = new byte[256];
    for (int i = 0; i < palette.length; i++) {
      r[i] = (byte) ((palette[i] >> 10) * 255 / 31);
      g[i] = (byte) ((palette[i] >> 5 & 31) * 255 / 31);
      b[i] = (byte) ((palette[i] & 31) * 255 / 31);
    }
    return new IndexColorModel(8, 256, r, g, b, TRANSPARENT);
  }
}
