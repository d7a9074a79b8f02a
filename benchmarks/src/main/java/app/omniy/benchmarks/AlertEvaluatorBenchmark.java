package app.omniy.benchmarks;

import app.omniy.core.alert.Aggregation;
import app.omniy.core.alert.AlertEvaluation;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.Comparison;
import app.omniy.core.alert.SampleRecorder;
import app.omniy.core.alert.evaluator.AlertEvaluator;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.metrics.MetricNames;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The alert evaluator's cost with many label sets, since ALERT-2 evaluates every rule per label set
 * (targets: at least 5 million samples per second per core, at most 16 KiB retained per rule and
 * label set with 10,000 label sets).
 *
 * <ul>
 *   <li>{@link #recordSamples}: samples fed through pre-resolved recorders into a p95 rule grouped
 *       by account, time advancing 1 ms per sample so buckets keep rolling over. Its same-run
 *       baseline, {@link #baselineArrayWrites}, touches one counter and one sum per sample in plain
 *       arrays: the floor for any per-label-set store.
 *   <li>{@link #evaluateAllLabelSets}: one evaluation of every label set.
 *   <li>{@link #retainedBytes}: heap retained per label set, next to the baseline of the label-set
 *       keys alone.
 * </ul>
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AlertEvaluatorBenchmark {
  /** Samples per benchmark invocation. */
  public static final int BATCH = 4096;

  static final String METRIC = MetricNames.API_LATENCY;
  static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

  /** p95 latency per account above 2 s over 5 minutes: the W1 rule, per account. */
  static final AlertRule RULE =
      AlertRule.builder("BENCH-W1")
          .metric(METRIC)
          .groupBy("account")
          .aggregation(new Aggregation.Percentile(BigDecimal.valueOf(95)))
          .when(Comparison.ABOVE, "2")
          .over(Duration.ofMinutes(5))
          .minSamples(20)
          .channels(Channel.SLACK)
          .build();

  @Param({"10000"})
  public int labelSets;

  AlertEvaluator evaluator;
  SampleRecorder[] recorders;
  double[] values;
  long[] baselineCounts;
  long[] baselineSums;
  long now;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    evaluator = AlertEvaluator.create(List.of(RULE), InMemoryStores.alertStates());
    recorders = new SampleRecorder[labelSets];
    for (int i = 0; i < labelSets; i++) {
      recorders[i] = evaluator.recorder(METRIC, Map.of("account", "account-" + i));
    }
    SplittableRandom random = new SplittableRandom(42);
    values = new double[BATCH];
    for (int i = 0; i < BATCH; i++) {
      values[i] = random.nextDouble() < 0.97 ? random.nextDouble(0.5) : 2 + random.nextDouble(3);
    }
    baselineCounts = new long[labelSets];
    baselineSums = new long[labelSets];
    now = START.toEpochMilli();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  public void recordSamples() {
    int n = labelSets;
    int k = next;
    long t = now;
    for (int i = 0; i < BATCH; i++) {
      recorders[k].record(t++, values[i]);
      if (++k == n) {
        k = 0;
      }
    }
    next = k;
    now = t;
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  public void baselineArrayWrites() {
    int n = labelSets;
    int k = next;
    for (int i = 0; i < BATCH; i++) {
      baselineCounts[k]++;
      baselineSums[k] += (long) (values[i] * 1_000_000);
      if (++k == n) {
        k = 0;
      }
    }
    next = k;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public AlertEvaluation evaluateAllLabelSets() {
    return evaluator.evaluate(Instant.ofEpochMilli(now));
  }

  /**
   * Bytes retained per label set, reported as secondary results of {@link #retainedBytes}. JMH sums
   * event counters over the measurement iterations, so each iteration contributes its share: the
   * reported figure is the mean of the iterations.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Retained {
    /** Heap retained per label set by an evaluator with one rule, fed once per label set. */
    public double bytesPerLabelSet;

    /** Heap retained per label set by the label-set keys alone, in a map: the baseline. */
    public double baselineBytesPerLabelSet;

    double weight = 1;

    @Setup(Level.Iteration)
    public void weigh(IterationParams iteration) {
      weight = iteration.getType() == IterationType.MEASUREMENT ? 1.0 / iteration.getCount() : 0;
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object retainedBytes(Retained retained) {
    long before = HeapUsage.usedAfterGc();
    Map<Map<String, String>, Long> keys = new HashMap<>();
    for (int i = 0; i < labelSets; i++) {
      keys.put(Map.of("account", "account-" + i), (long) i);
    }
    long keysOnly = HeapUsage.usedAfterGc();
    AlertEvaluator fed = AlertEvaluator.create(List.of(RULE), InMemoryStores.alertStates());
    for (int i = 0; i < labelSets; i++) {
      fed.record(METRIC, Map.of("account", "account-" + i), START, 0.1);
    }
    long withEvaluator = HeapUsage.usedAfterGc();
    retained.baselineBytesPerLabelSet = retained.weight * (keysOnly - before) / labelSets;
    retained.bytesPerLabelSet = retained.weight * (withEvaluator - keysOnly) / labelSets;
    return List.of(keys, fed);
  }
}
