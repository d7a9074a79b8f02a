package app.omniy.core.alert;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * How a rule turns the samples in its window into one value to compare with the threshold. Counter
 * increments and events feed {@link ShareOf} and {@link Occurrence}; measured values (gauges,
 * latencies) feed the others.
 */
public sealed interface Aggregation {

  /** A short text for condition descriptions, such as {@code p95} or {@code share of {…}}. */
  String describe();

  /**
   * The share of events matching {@code numerator} among all the rule's events: numerator count ÷
   * denominator count, exactly. A window without events has no share (ALERT-1: never 0%).
   */
  record ShareOf(TagFilter numerator) implements Aggregation {
    public ShareOf {
      Require.nonNull(numerator, "share-of");
    }

    @Override
    public String describe() {
      return "share of " + numerator;
    }
  }

  /** The arithmetic mean of the values in the window. */
  record Mean() implements Aggregation {
    @Override
    public String describe() {
      return "mean";
    }
  }

  /** The largest value in the window. */
  record Max() implements Aggregation {
    @Override
    public String describe() {
      return "max";
    }
  }

  /**
   * The nearest-rank percentile (SLA-4: the ⌈p/100·n⌉-th smallest value) of the values in the
   * window. Compared exactly by counting values on either side of the threshold, so no histogram is
   * kept.
   */
  record Percentile(BigDecimal percent) implements Aggregation {
    /**
     * @throws InvalidValueException naming {@code percentile} if it is missing, has more than ten
     *     decimal places or lies outside (0, 100]
     */
    public Percentile {
      percent = Require.decimal(percent, 3, 10, "percentile");
      if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new InvalidValueException("percentile", percent, "must be above 0 and at most 100");
      }
    }

    @Override
    public String describe() {
      return "p" + percent.stripTrailingZeros().toPlainString();
    }
  }

  /** The most recent value in the window. */
  record Latest() implements Aggregation {
    @Override
    public String describe() {
      return "latest";
    }
  }

  /**
   * The relative change of the window's mean against the mean of the {@code baseline} period just
   * before the window, as a ratio: −0.20 is "down 20%" (ALERT-I1).
   */
  record ChangeVsBaseline(Duration baseline) implements Aggregation {
    public ChangeVsBaseline {
      Require.nonNull(baseline, "change-vs");
      if (baseline.isNegative() || baseline.isZero()) {
        throw new InvalidValueException("change-vs", baseline, "must be positive");
      }
    }

    @Override
    public String describe() {
      return "change vs the previous " + AlertCondition.words(baseline) + " mean";
    }
  }

  /** The number of events in the window (ALERT-I3: an anomalous login is one event). */
  record Occurrence() implements Aggregation {
    @Override
    public String describe() {
      return "events";
    }
  }
}
