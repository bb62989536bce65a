package io.gatescope.core.inspect;

/**
 * Counts of values in equal bins over [lo, hi]: bin k holds lo + k·w ≤ v < lo + (k+1)·w, the last
 * bin also v = hi (w = (hi − lo) / bins).
 */
public record Histogram(double lo, double hi, long[] counts) {
  public Histogram {
    if (!(hi > lo) || counts.length == 0) {
      throw new IllegalArgumentException("a histogram needs lo < hi and at least one bin");
    }
    counts = counts.clone();
  }

  /** An empty histogram of {@code bins} bins over [lo, hi]. */
  static Histogram empty(double lo, double hi, int bins) {
    return new Histogram(lo, hi, new long[bins]);
  }

  public int bins() {
    return counts.length;
  }

  /** The bin v falls in (values outside [lo, hi] count in the first or last bin). */
  public int binOf(double v) {
    int k = (int) Math.floor((v - lo) / (hi - lo) * counts.length);
    return Math.max(0, Math.min(counts.length - 1, k));
  }

  /** The lower edge of bin k. */
  public double edge(int k) {
    return lo + (hi - lo) * k / counts.length;
  }

  @Override
  public long[] counts() {
    return counts.clone();
  }

  public long total() {
    long s = 0;
    for (long c : counts) {
      s += c;
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Histogram h
        && h.lo == lo
        && h.hi == hi
        && java.util.Arrays.equals(h.counts, counts);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(counts) * 31 + Double.hashCode(lo) + 7 * Double.hashCode(hi);
  }
}
