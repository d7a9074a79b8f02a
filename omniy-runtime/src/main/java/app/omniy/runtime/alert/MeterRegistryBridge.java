package app.omniy.runtime.alert;

import app.omniy.core.alert.CounterTotals;
import app.omniy.core.alert.SampleRecorder;
import app.omniy.core.alert.evaluator.AlertEvaluator;
import app.omniy.core.metrics.MetricNames;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Feeds an {@link AlertEvaluator} from a Micrometer {@link MeterRegistry}, one poll per evaluation:
 *
 * <ul>
 *   <li>gauges: their value, as a measured sample;
 *   <li>counters and function counters: the increment since the last poll, a drop being a restart
 *       ({@link CounterTotals});
 *   <li>timers and distribution summaries: the number of new events as an increment (what share
 *       rules count, e.g. ALERT-C1 on {@code http.server.requests}) and the interval's mean (in
 *       seconds for timers) as a measured value. Percentile rules therefore see one mean per
 *       interval; record raw values through {@link AlertEvaluator#recorder} for exact percentiles;
 *   <li>{@code disk.free} and {@code disk.total} of one path: {@code omniy.disk.usage} = 1 − free ÷
 *       total (ALERT-W3).
 * </ul>
 *
 * <p>Meters present at the first poll are primed: what they counted before Omniy started watching
 * is not an alert. Meters that appear later count in full. Not thread-safe: poll from the
 * evaluation thread.
 */
public final class MeterRegistryBridge {
  private final MeterRegistry registry;
  private final Map<Meter.Id, CounterTotals> counts = new HashMap<>();
  private final Map<Meter.Id, double[]> totals = new HashMap<>();
  private boolean primed;

  private final UnaryOperator<String> canonical;

  /** Reads {@code registry} under the meters' own names. */
  public MeterRegistryBridge(MeterRegistry registry) {
    this(registry, UnaryOperator.identity());
  }

  /**
   * Reads {@code registry}, each meter under {@code canonical} of its published name (a host that
   * renamed Omniy's meters, {@code MetricNaming}), which the rules use.
   */
  public MeterRegistryBridge(MeterRegistry registry, UnaryOperator<String> canonical) {
    this.registry = registry;
    this.canonical = canonical;
  }

  /** Reads every meter once and feeds {@code evaluator} as of {@code now}. */
  public void poll(AlertEvaluator evaluator, Instant now) {
    long t = now.toEpochMilli();
    boolean counting = primed;
    Map<String, double[]> disks = new LinkedHashMap<>();
    registry.forEachMeter(
        meter -> {
          Meter.Id id = meter.getId();
          Map<String, String> tags = tags(id);
          SampleRecorder recorder = evaluator.recorder(canonical.apply(id.getName()), tags);
          meter.use(
              gauge -> {
                recorder.record(t, gauge.value());
                disk(disks, id, gauge.value());
              },
              counter -> count(recorder, id, counter.count(), t, counting),
              timer ->
                  interval(
                      recorder, id, timer.count(), timer.totalTime(TimeUnit.SECONDS), t, counting),
              summary ->
                  interval(recorder, id, summary.count(), summary.totalAmount(), t, counting),
              longTask -> recorder.record(t, longTask.activeTasks()),
              timeGauge -> recorder.record(t, timeGauge.value(TimeUnit.SECONDS)),
              functionCounter -> count(recorder, id, functionCounter.count(), t, counting),
              functionTimer ->
                  interval(
                      recorder,
                      id,
                      functionTimer.count(),
                      functionTimer.totalTime(TimeUnit.SECONDS),
                      t,
                      counting),
              other -> {});
        });
    disks.forEach(
        (path, freeAndTotal) -> {
          double free = freeAndTotal[0];
          double total = freeAndTotal[1];
          if (total > 0 && free >= 0) {
            evaluator
                .recorder(MetricNames.DISK_USAGE, Map.of("path", path))
                .record(t, 1 - free / total);
          }
        });
    primed = true;
  }

  private void count(SampleRecorder recorder, Meter.Id id, double count, long t, boolean counting) {
    long total = (long) Math.floor(count);
    CounterTotals previous = counts.get(id);
    if (previous == null) {
      counts.put(id, new CounterTotals(counting ? 0 : total));
      if (!counting) {
        return;
      }
      previous = counts.get(id);
    }
    recorder.increment(t, previous.increment(total));
  }

  private void interval(
      SampleRecorder recorder, Meter.Id id, double count, double sum, long t, boolean counting) {
    double[] last = totals.get(id);
    totals.put(id, new double[] {count, sum});
    if (last == null) {
      if (!counting) {
        return;
      }
      last = new double[] {0, 0};
    }
    boolean restarted = count < last[0];
    double events = restarted ? count : count - last[0];
    double amount = restarted ? sum : sum - last[1];
    recorder.increment(t, (long) events);
    if (events > 0) {
      recorder.measure(t, amount / events);
    }
  }

  private static void disk(Map<String, double[]> disks, Meter.Id id, double value) {
    String path = id.getTag("path");
    if (path == null) {
      return;
    }
    if (id.getName().equals(MetricNames.DISK_FREE)) {
      disks.computeIfAbsent(path, p -> new double[] {-1, -1})[0] = value;
    } else if (id.getName().equals(MetricNames.DISK_TOTAL)) {
      disks.computeIfAbsent(path, p -> new double[] {-1, -1})[1] = value;
    }
  }

  private static Map<String, String> tags(Meter.Id id) {
    Map<String, String> tags = new HashMap<>();
    for (Tag tag : id.getTagsAsIterable()) {
      tags.put(tag.getKey(), tag.getValue());
    }
    return tags;
  }
}
