package app.omniy.core.alert.evaluator;

import app.omniy.core.alert.SampleRecorder;
import java.util.List;

/**
 * The windows one meter feeds, resolved once, with whether the meter is in each share's numerator.
 */
final class RecorderTargets implements SampleRecorder {
  private final SeriesWindow[] windows;
  private final boolean[] inNumerator;
  private boolean bucketed;

  public RecorderTargets(List<SeriesWindow> windows, List<Boolean> inNumerator) {
    this.windows = windows.toArray(new SeriesWindow[0]);
    this.inNumerator = new boolean[windows.size()];
    for (int i = 0; i < this.inNumerator.length; i++) {
      this.inNumerator[i] = inNumerator.get(i);
    }
  }

  @Override
  public void record(long epochMillis, double value) {
    for (int i = 0; i < windows.length; i++) {
      windows[i].record(epochMillis, value, inNumerator[i]);
    }
  }

  @Override
  public void measure(long epochMillis, double value) {
    for (SeriesWindow window : windows) {
      if (window.aggregatesValues() && !(bucketed && window.readsBuckets())) {
        window.record(epochMillis, value, false);
      }
    }
  }

  @Override
  public void increment(long epochMillis, long count) {
    for (int i = 0; i < windows.length; i++) {
      windows[i].increment(epochMillis, count, inNumerator[i]);
    }
  }

  @Override
  public void bucket(long epochMillis, double lowerBound, double upperBound, long count) {
    bucketed = true;
    for (SeriesWindow window : windows) {
      window.bucket(epochMillis, lowerBound, upperBound, count);
    }
  }
}
