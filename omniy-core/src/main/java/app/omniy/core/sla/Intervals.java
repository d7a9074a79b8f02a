package app.omniy.core.sla;

import java.util.Arrays;

/**
 * Disjoint, sorted [start, end) epoch-second intervals, built from intervals added in order of
 * start or as the {@link #union} of unsorted ones. Primitive arrays keep a month of a hundred
 * thousand customers cheap to measure.
 */
final class Intervals {
  private long[] bounds;
  private int size;

  Intervals(int capacity) {
    bounds = new long[Math.max(2, capacity * 2)];
  }

  /**
   * The union of the intervals [starts[i], ends[i]) for i in [from, to). The union depends only on
   * how many intervals cover each instant, which depends only on the sorted starts and the sorted
   * ends, so the two ranges are sorted separately (in place) and swept once. At equal times a start
   * goes first, so touching intervals merge into one run.
   */
  static Intervals union(long[] starts, long[] ends, int from, int to) {
    Intervals union = new Intervals(Math.max(1, to - from));
    sweep(starts, ends, from, to, union::addMerging);
    return union;
  }

  /** The length of {@link #union}, without building it. */
  static long unionSeconds(long[] starts, long[] ends, int from, int to) {
    long[] seconds = {0};
    sweep(starts, ends, from, to, (start, end) -> seconds[0] += end - start);
    return seconds[0];
  }

  /** Receives the disjoint runs of a union, in order. */
  private interface Runs {
    void run(long start, long end);
  }

  /**
   * Sorts both ranges in place and sweeps them once, handing each maximal run of covered time to
   * {@code runs}. At equal times a start goes first, so touching intervals form one run.
   */
  private static void sweep(long[] starts, long[] ends, int from, int to, Runs runs) {
    Arrays.sort(starts, from, to);
    Arrays.sort(ends, from, to);
    int open = 0;
    long runStart = 0;
    int j = from;
    for (int i = from; i < to; ) {
      if (starts[i] <= ends[j]) {
        if (open++ == 0) {
          runStart = starts[i];
        }
        i++;
      } else {
        if (--open == 0) {
          runs.run(runStart, ends[j]);
        }
        j++;
      }
    }
    for (; j < to; j++) {
      if (--open == 0) {
        runs.run(runStart, ends[j]);
      }
    }
  }

  /** Adds [start, end), merging it into the last interval when they overlap or touch. */
  void addMerging(long start, long end) {
    if (size > 0 && start <= bounds[size - 1]) {
      bounds[size - 1] = Math.max(bounds[size - 1], end);
      return;
    }
    if (size == bounds.length) {
      bounds = Arrays.copyOf(bounds, size * 2);
    }
    bounds[size++] = start;
    bounds[size++] = end;
  }

  /** These intervals with every part covered by {@code other} removed. */
  long[] minus(Intervals other) {
    long[] result = new long[size + other.size];
    int n = 0;
    int j = 0;
    for (int i = 0; i < size; i += 2) {
      long start = bounds[i];
      long end = bounds[i + 1];
      while (j < other.size && other.bounds[j + 1] <= start) {
        j += 2;
      }
      int k = j;
      while (start < end && k < other.size && other.bounds[k] < end) {
        if (other.bounds[k] > start) {
          result[n++] = start;
          result[n++] = other.bounds[k];
        }
        start = Math.max(start, other.bounds[k + 1]);
        k += 2;
      }
      if (start < end) {
        result[n++] = start;
        result[n++] = end;
      }
    }
    return Arrays.copyOf(result, n);
  }

  /** The seconds in these intervals that {@code other} does not cover; like {@link #minus}. */
  long secondsMinus(Intervals other) {
    long seconds = 0;
    int j = 0;
    for (int i = 0; i < size; i += 2) {
      long start = bounds[i];
      long end = bounds[i + 1];
      while (j < other.size && other.bounds[j + 1] <= start) {
        j += 2;
      }
      for (int k = j; start < end && k < other.size && other.bounds[k] < end; k += 2) {
        seconds += Math.max(0, other.bounds[k] - start);
        start = Math.max(start, other.bounds[k + 1]);
      }
      seconds += Math.max(0, end - start);
    }
    return seconds;
  }

  /** The intervals as [start, end) pairs. */
  long[] toArray() {
    return Arrays.copyOf(bounds, size);
  }
}
