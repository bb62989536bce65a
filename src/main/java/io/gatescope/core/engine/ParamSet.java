package io.gatescope.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Every parameter of a model in one flat array, each one a 2-D view into it. One flat array lets
 * ND4J's updaters (Adam, ...) and gradient clipping work on the whole model in a few calls; the
 * gradients live in a second ParamSet with the same layout.
 */
public final class ParamSet {
  /** Name and shape of one parameter matrix. */
  public record Spec(String name, int rows, int cols) {
    long size() {
      return (long) rows * cols;
    }
  }

  private final List<Spec> specs;
  private final INDArray flat;
  private final Map<String, INDArray> views = new LinkedHashMap<>();

  public ParamSet(List<Spec> specs, DataType dtype) {
    this.specs = List.copyOf(specs);
    long n = 0;
    for (Spec s : specs) {
      n += s.size();
    }
    this.flat = Nd4j.zeros(dtype, n); // [n]
    long off = 0;
    for (Spec s : specs) {
      INDArray v =
          flat.get(NDArrayIndex.interval(off, off + s.size())).reshape('c', s.rows(), s.cols());
      if (views.put(s.name(), v) != null) {
        throw new IllegalArgumentException("duplicate parameter " + s.name());
      }
      off += s.size();
    }
  }

  /** Same layout, fresh zeros (used for gradients). */
  public ParamSet like() {
    return new ParamSet(specs, flat.dataType());
  }

  public INDArray flat() {
    return flat;
  }

  public INDArray get(String name) {
    INDArray v = views.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no parameter " + name);
    }
    return v;
  }

  public List<Spec> specs() {
    return Collections.unmodifiableList(specs);
  }

  public long size() {
    return flat.length();
  }

  public DataType dataType() {
    return flat.dataType();
  }

  /** Names in layout order. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    specs.forEach(s -> out.add(s.name()));
    return out;
  }
}
