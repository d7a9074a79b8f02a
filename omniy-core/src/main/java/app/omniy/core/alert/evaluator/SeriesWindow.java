package app.omniy.core.alert.evaluator;

import app.omniy.core.alert.Aggregation;
import app.omniy.core.alert.AlertCondition;
import app.omniy.core.alert.Comparison;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.alert.Evaluation.Outcome;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * The samples of one rule and label set, kept in a ring of fixed-size time buckets so its memory is
 * fixed whatever the traffic: {@value AlertCondition#BUCKETS} buckets for the window, plus the
 * baseline's for a change rule. Each slot remembers which bucket it holds, so a stale slot is
 * recognised and reset on write and ignored on read. Only the arrays the aggregation needs exist.
 *
 * <p>A sample is read as the decimal it prints as ({@link BigDecimal#valueOf(double)}), so a gauge
 * reading 0.8 is exactly 80%, not 0.8000000000000000444. Sums for means are kept in exact
 * micro-units (six decimals), so summing never drifts past a threshold the way doubles do.
 */
final class SeriesWindow {
  private static final MathContext DISPLAY = new MathContext(6);
  private static final double MICROS = 1_000_000d;

  private final AlertCondition condition;
  private final Kind kind;
  private final long width;
  private final int baselineBuckets;
  private final long[] bucket;
  private final long[] count;
  private final long[] hits;
  private final double[] sum;
  private final boolean countBelow;
  private final double bound;
  private long latestMillis = Long.MIN_VALUE;
  private double latestValue;

  /** What the slots accumulate. */
  enum Kind {
    SHARE,
    OCCURRENCE,
    SUM,
    MAX,
    PERCENTILE,
    LATEST
  }

  public SeriesWindow(AlertCondition condition) {
    this.condition = condition;
    this.kind = kindOf(condition.aggregation());
    this.width = condition.bucketMillis();
    this.baselineBuckets =
        condition.aggregation() instanceof Aggregation.ChangeVsBaseline change
            ? (int) ((change.baseline().toMillis() + width - 1) / width)
            : 0;
    int slots = AlertCondition.BUCKETS + baselineBuckets;
    this.bucket = new long[slots];
    Arrays.fill(bucket, Long.MIN_VALUE);
    this.count = new long[slots];
    this.hits = kind == Kind.LATEST || kind == Kind.MAX ? new long[0] : new long[slots];
    this.sum = kind == Kind.MAX ? new double[slots] : new double[0];
    Comparison comparison = condition.comparison();
    // Percentiles are compared by counting the samples on one side of the threshold (see
    // evaluatePercentile); which side depends on whether equality fires.
    this.countBelow = comparison == Comparison.AT_LEAST || comparison == Comparison.BELOW;
    this.bound =
        countBelow
            ? Thresholds.belowBound(condition.threshold())
            : Thresholds.atMostBound(condition.threshold());
  }

  private static Kind kindOf(Aggregation aggregation) {
    if (aggregation instanceof Aggregation.ShareOf) {
      return Kind.SHARE;
    } else if (aggregation instanceof Aggregation.Occurrence) {
      return Kind.OCCURRENCE;
    } else if (aggregation instanceof Aggregation.Max) {
      return Kind.MAX;
    } else if (aggregation instanceof Aggregation.Percentile) {
      return Kind.PERCENTILE;
    } else if (aggregation instanceof Aggregation.Latest) {
      return Kind.LATEST;
    }
    return Kind.SUM;
  }

  /**
   * The slot for the bucket of {@code epochMillis}, reset if it held an older bucket; -1 if too
   * old.
   */
  private int slot(long epochMillis) {
    long b = Math.floorDiv(epochMillis, width);
    int s = (int) Math.floorMod(b, (long) bucket.length);
    long held = bucket[s];
    if (held != b) {
      if (held > b) {
        return -1;
      }
      bucket[s] = b;
      count[s] = 0;
      if (hits.length > 0) {
        hits[s] = 0;
      }
      if (sum.length > 0) {
        sum[s] = Double.NEGATIVE_INFINITY;
      }
    }
    return s;
  }

  /** A measured value; for shares and occurrences, one event ({@code inNumerator}: a hit). */
  public void record(long epochMillis, double value, boolean inNumerator) {
    if (!Double.isFinite(value)) {
      return; // Micrometer gauges read NaN when their source is gone: that is no data.
    }
    int s = slot(epochMillis);
    if (s < 0) {
      return;
    }
    count[s]++;
    switch (kind) {
      case SHARE -> hits[s] += inNumerator ? 1 : 0;
      case OCCURRENCE -> hits[s]++;
      case SUM -> hits[s] = add(hits[s], Math.round(value * MICROS));
      case MAX -> sum[s] = Math.max(sum[s], value);
      case PERCENTILE -> hits[s] += (countBelow ? value < bound : value <= bound) ? 1 : 0;
      case LATEST -> {
        if (epochMillis >= latestMillis) {
          latestMillis = epochMillis;
          latestValue = value;
        }
      }
    }
  }

  /** Whether this window aggregates measured values rather than counting events. */
  public boolean aggregatesValues() {
    return kind != Kind.SHARE && kind != Kind.OCCURRENCE;
  }

  /** Whether this window takes histogram buckets: percentile rules do. */
  public boolean readsBuckets() {
    return kind == Kind.PERCENTILE;
  }

  /**
   * {@code n} values in ({@code lower}, {@code upper}] (ALERT-W1 from a timer's histogram); ignored
   * unless this is a percentile window. A bucket straddling the threshold counts on the side that
   * does not make the condition hold, so a percentile fires only when the buckets prove it: for
   * "above T" its values count as at most T unless {@code lower ≥ T}; for "below T" they count as
   * below only if {@code upper < T}.
   */
  public void bucket(long epochMillis, double lower, double upper, long n) {
    if (kind != Kind.PERCENTILE || n <= 0 || !Double.isFinite(lower) || Double.isNaN(upper)) {
      return;
    }
    int s = slot(epochMillis);
    if (s < 0) {
      return;
    }
    BigDecimal threshold = condition.threshold();
    boolean hit =
        switch (condition.comparison()) {
          // hits: values at most T (ABOVE) or below T (AT_LEAST); possibly so when lower < T.
          case ABOVE, AT_LEAST -> below(lower, threshold);
          // hits: values below T (BELOW) or at most T (AT_MOST); proven only by the upper bound.
          case BELOW -> Double.isFinite(upper) && below(upper, threshold);
          case AT_MOST ->
              Double.isFinite(upper) && BigDecimal.valueOf(upper).compareTo(threshold) <= 0;
        };
    count[s] = add(count[s], n);
    if (hit) {
      hits[s] = add(hits[s], n);
    }
  }

  private static boolean below(double value, BigDecimal threshold) {
    return BigDecimal.valueOf(value).compareTo(threshold) < 0;
  }

  /** {@code n} events of a counter; ignored by rules that aggregate measured values. */
  public void increment(long epochMillis, long n, boolean inNumerator) {
    if (n < 0 || (kind != Kind.SHARE && kind != Kind.OCCURRENCE)) {
      return;
    }
    int s = slot(epochMillis);
    if (s < 0) {
      return;
    }
    if (kind == Kind.SHARE) {
      count[s] += n;
      hits[s] += inNumerator ? n : 0;
    } else {
      count[s]++;
      hits[s] += n;
    }
  }

  /** Evaluates the condition over the window ending at {@code nowMillis}. */
  public Evaluation evaluate(long nowMillis) {
    long current = Math.floorDiv(nowMillis, width);
    long first = current - AlertCondition.BUCKETS + 1;
    Totals window = totals(first, current);
    String over = " in the last " + AlertCondition.words(condition.over());
    if (window.count == 0) {
      return new Evaluation(Outcome.NO_DATA, null, 0, "no data" + over);
    }
    if (window.count < condition.minSamples()) {
      return new Evaluation(
          Outcome.TOO_LITTLE_DATA,
          null,
          window.count,
          "too little data: " + window.count + " of " + condition.minSamples() + " samples" + over);
    }
    return switch (kind) {
      case SHARE -> share(window);
      case OCCURRENCE ->
          compared(BigDecimal.valueOf(window.hits), window.count, window.hits + " events");
      case SUM ->
          condition.aggregation() instanceof Aggregation.ChangeVsBaseline
              ? change(window, totals(first - baselineBuckets, first - 1))
              : mean(window);
      case MAX -> exact(BigDecimal.valueOf(window.sum), window.count, "max ");
      case PERCENTILE -> percentile(window);
      case LATEST ->
          latestMillis < first * width
              ? new Evaluation(Outcome.NO_DATA, null, 0, "no data" + over)
              : exact(BigDecimal.valueOf(latestValue), window.count, "latest ");
    };
  }

  /**
   * The condition over one evaluation interval's own samples: the buckets after the one holding
   * {@code afterMillis} up to the one holding {@code nowMillis} ({@link Long#MIN_VALUE}: the whole
   * window), whatever the rule's minimum sample count. The window decides whether to alert; this
   * only tells when the signal went bad or good again ({@link Signals}).
   */
  public Evaluation evaluateInterval(long afterMillis, long nowMillis) {
    long current = Math.floorDiv(nowMillis, width);
    long windowFirst = current - AlertCondition.BUCKETS + 1;
    long first =
        afterMillis == Long.MIN_VALUE
            ? windowFirst
            : Math.max(windowFirst, Math.floorDiv(afterMillis, width) + 1);
    Totals interval = first > current ? new Totals() : totals(first, current);
    if (interval.count == 0) {
      return new Evaluation(Outcome.NO_DATA, null, 0, "no data in the interval");
    }
    return switch (kind) {
      case SHARE -> share(interval);
      case OCCURRENCE ->
          compared(BigDecimal.valueOf(interval.hits), interval.count, interval.hits + " events");
      case SUM ->
          condition.aggregation() instanceof Aggregation.ChangeVsBaseline
              ? change(interval, totals(windowFirst - baselineBuckets, windowFirst - 1))
              : mean(interval);
      case MAX -> exact(BigDecimal.valueOf(interval.sum), interval.count, "max ");
      case PERCENTILE -> percentile(interval);
      case LATEST ->
          latestMillis < first * width
              ? new Evaluation(Outcome.NO_DATA, null, 0, "no data in the interval")
              : exact(BigDecimal.valueOf(latestValue), interval.count, "latest ");
    };
  }

  private Evaluation share(Totals t) {
    BigDecimal hits = BigDecimal.valueOf(t.hits);
    BigDecimal all = BigDecimal.valueOf(t.count);
    // Exact: hits / all ∘ threshold  ⇔  hits ∘ threshold × all, as all > 0.
    int signum = hits.compareTo(condition.threshold().multiply(all));
    BigDecimal ratio = hits.divide(all, DISPLAY);
    String text = AlertCondition.percent(ratio) + " (" + t.hits + " of " + t.count + ")";
    return verdict(signum, ratio, t.count, text);
  }

  private Evaluation mean(Totals t) {
    BigDecimal total = BigDecimal.valueOf(t.hits, 6);
    BigDecimal n = BigDecimal.valueOf(t.count);
    int signum = total.compareTo(condition.threshold().multiply(n));
    BigDecimal mean = total.divide(n, DISPLAY);
    return verdict(signum, mean, t.count, "mean " + mean.stripTrailingZeros().toPlainString());
  }

  private Evaluation change(Totals window, Totals baseline) {
    if (baseline.count == 0 || baseline.hits <= 0) {
      return new Evaluation(
          Outcome.NO_DATA, null, window.count, "no baseline: no data in the previous period");
    }
    // Exact: (w/nw − b/nb) / (b/nb) ∘ t  ⇔  w·nb ∘ (1 + t)·b·nw, as b > 0.
    BigDecimal w = BigDecimal.valueOf(window.hits, 6).multiply(BigDecimal.valueOf(baseline.count));
    BigDecimal b = BigDecimal.valueOf(baseline.hits, 6).multiply(BigDecimal.valueOf(window.count));
    int signum = w.compareTo(BigDecimal.ONE.add(condition.threshold()).multiply(b));
    BigDecimal change = w.subtract(b).divide(b, DISPLAY);
    return verdict(signum, change, window.count, "change " + AlertCondition.percent(change));
  }

  private Evaluation percentile(Totals t) {
    var p = (Aggregation.Percentile) condition.aggregation();
    // Nearest rank r = ⌈p·n/100⌉ (SLA-4). With c≤ samples at most T and c< samples below T:
    // P > T ⇔ c≤ < r;  P ≥ T ⇔ c< < r;  P < T ⇔ c< ≥ r;  P ≤ T ⇔ c≤ ≥ r.
    long rank =
        p.percent()
            .multiply(BigDecimal.valueOf(t.count))
            .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.CEILING)
            .longValueExact();
    boolean holds =
        switch (condition.comparison()) {
          case ABOVE, AT_LEAST -> t.hits < rank;
          case BELOW, AT_MOST -> t.hits >= rank;
        };
    String side = countBelow ? " below " : " at or below ";
    String text =
        p.describe()
            + (holds ? " " : " not ")
            + condition.comparison().symbol()
            + " "
            + condition.thresholdText()
            + " ("
            + t.hits
            + " of "
            + t.count
            + " samples"
            + side
            + condition.thresholdText()
            + ")";
    return new Evaluation(holds ? Outcome.HOLDS : Outcome.CLEAR, null, t.count, text);
  }

  private Evaluation exact(BigDecimal value, long samples, String prefix) {
    int signum = value.compareTo(condition.threshold());
    return verdict(
        signum, value, samples, prefix + value.round(DISPLAY).stripTrailingZeros().toPlainString());
  }

  private Evaluation compared(BigDecimal value, long samples, String text) {
    return verdict(value.compareTo(condition.threshold()), value, samples, text);
  }

  private Evaluation verdict(int signum, BigDecimal value, long samples, String text) {
    boolean holds = condition.comparison().holds(signum);
    String words =
        text
            + (holds ? " " : ", not ")
            + condition.comparison().symbol()
            + " "
            + condition.thresholdText();
    return new Evaluation(holds ? Outcome.HOLDS : Outcome.CLEAR, value, samples, words);
  }

  private Totals totals(long firstBucket, long lastBucket) {
    Totals t = new Totals();
    t.sum = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < bucket.length; s++) {
      long b = bucket[s];
      if (b < firstBucket || b > lastBucket) {
        continue;
      }
      t.count += count[s];
      if (hits.length > 0) {
        t.hits = add(t.hits, hits[s]);
      }
      if (sum.length > 0) {
        t.sum = Math.max(t.sum, sum[s]);
      }
    }
    return t;
  }

  /** Adds without wrapping around: a saturated sum stays at the extreme. */
  private static long add(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  /** Sums over a range of buckets. */
  private static final class Totals {
    long count;
    long hits;
    double sum;
  }
}
