package app.omniy.runtime.alert;

import app.omniy.core.alert.CounterTotals;
import app.omniy.core.alert.SampleRecorder;
import app.omniy.core.alert.evaluator.AlertEvaluator;
import app.omniy.core.metrics.MetricNames;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
 *       seconds for timers) as a measured value; with a percentile histogram ({@code
 *       publishPercentileHistogram}, Spring Boot's {@code
 *       management.metrics.distribution.percentiles-histogram.<name>=true}) also each bucket's new
 *       count ({@link SampleRecorder#bucket}), so a percentile rule counts every request (ALERT-W1:
 *       20 samples are 20 requests). Without a histogram, percentile rules see one mean per
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
  private static final CountAtBucket[] NO_BUCKETS = new CountAtBucket[0];
  private final MeterRegistry registry;
  private final Map<Meter.Id, CounterTotals> counts = new HashMap<>();
  private final Map<Meter.Id, double[]> totals = new HashMap<>();
  private final Map<Meter.Id, long[]> buckets = new HashMap<>();
  private final Set<Meter.Id> windowed = new HashSet<>();
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
                      recorder,
                      id,
                      timer.count(),
                      timer.totalTime(TimeUnit.SECONDS),
                      timer.takeSnapshot().histogramCounts(),
                      true,
                      t,
                      counting),
              summary ->
                  interval(
                      recorder,
                      id,
                      summary.count(),
                      summary.totalAmount(),
                      summary.takeSnapshot().histogramCounts(),
                      false,
                      t,
                      counting),
              longTask -> recorder.record(t, longTask.activeTasks()),
              timeGauge -> recorder.record(t, timeGauge.value(TimeUnit.SECONDS)),
              functionCounter -> count(recorder, id, functionCounter.count(), t, counting),
              functionTimer ->
                  interval(
                      recorder,
                      id,
                      functionTimer.count(),
                      functionTimer.totalTime(TimeUnit.SECONDS),
                      NO_BUCKETS,
                      true,
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
      SampleRecorder recorder,
      Meter.Id id,
      double count,
      double sum,
      CountAtBucket[] histogram,
      boolean seconds,
      long t,
      boolean counting) {
    double[] last = totals.get(id);
    totals.put(id, new double[] {count, sum});
    long[] lastBuckets = buckets.get(id);
    long[] bucketCounts = histogram.length == 0 ? null : perBucket(histogram);
    if (bucketCounts != null) {
      buckets.put(id, bucketCounts);
    }
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
    if (bucketCounts != null) {
      long[] previous =
          restarted || lastBuckets == null || lastBuckets.length != bucketCounts.length
              ? new long[bucketCounts.length]
              : lastBuckets;
      double mean = events > 0 ? amount / events : 0;
      buckets(recorder, id, histogram, bucketCounts, previous, (long) events, mean, seconds, t);
    }
    if (events > 0) {
      recorder.measure(t, amount / events);
    }
  }

  /** The histogram's cumulative counts (values at most each bound) as counts per bucket. */
  private static long[] perBucket(CountAtBucket[] histogram) {
    long[] counts = new long[histogram.length];
    double below = 0;
    for (int i = 0; i < histogram.length; i++) {
      double cumulative = histogram[i].count();
      counts[i] = (long) Math.max(0, cumulative - below);
      below = Math.max(below, cumulative);
    }
    return counts;
  }

  /**
   * Feeds the poll's {@code events} as per-bucket counts (ALERT-W1). A cumulative histogram (as
   * Prometheus's registry keeps) gives each bucket's increase since the last poll exactly, and the
   * events beyond them lie above the largest bound. A time-windowed histogram (Micrometer's default
   * elsewhere rotates its buckets every expiry ÷ buffer length) can shrink or empty between polls;
   * once it has, each poll's events are shared out in the proportions the histogram holds now, or,
   * when it holds nothing, counted at the interval's mean.
   */
  private void buckets(
      SampleRecorder recorder,
      Meter.Id id,
      CountAtBucket[] histogram,
      long[] now,
      long[] before,
      long events,
      double mean,
      boolean seconds,
      long t) {
    if (events <= 0) {
      return;
    }
    long[] deltas = new long[now.length];
    boolean shrank = false;
    long added = 0;
    long held = 0;
    for (int i = 0; i < now.length; i++) {
      deltas[i] = now[i] - before[i];
      shrank |= deltas[i] < 0;
      added += Math.max(0, deltas[i]);
      held += now[i];
    }
    if (shrank) {
      windowed.add(id);
    }
    boolean exact = !shrank && (!windowed.contains(id) || added == events);
    if (!exact) {
      if (held == 0) {
        recorder.bucket(t, Math.nextDown(mean), mean, events);
        return;
      }
      apportion(deltas, now, held, events);
    }
    long recorded = 0;
    double lower = 0;
    for (int i = 0; i < deltas.length; i++) {
      double upper = seconds ? histogram[i].bucket(TimeUnit.SECONDS) : histogram[i].bucket();
      if (deltas[i] > 0) {
        recorder.bucket(t, lower, upper, deltas[i]);
        recorded += deltas[i];
      }
      lower = upper;
    }
    if (events > recorded) {
      recorder.bucket(t, lower, Double.POSITIVE_INFINITY, events - recorded);
    }
  }

  /** {@code events} shared out over the buckets in proportion to {@code weights}, exactly. */
  private static void apportion(long[] deltas, long[] weights, long total, long events) {
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      deltas[i] = Math.floorDiv(events * weights[i], total);
      given += deltas[i];
    }
    for (int i = weights.length - 1; i >= 0 && given < events; i--) {
      if (weights[i] > 0) {
        deltas[i] += events - given; // the remainder to the slowest bucket in use
        given = events;
      }
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
