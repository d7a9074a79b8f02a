package app.omniy.ops.report;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.sla.ExactRatio;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * What one day measured, as the host's metrics give it (MNT-1): latency percentiles, requests and
 * errors, posts published and failed.
 *
 * @param date the day, in the report's zone (JST for the guide)
 * @param latency the day's percentiles per measured thing, names unique
 * @param requests requests served
 * @param errors of those, failed requests (5xx)
 * @param postsPublished posts published
 * @param postsFailed posts that failed for good (after retries)
 */
public record DailyFigures(
    LocalDate date,
    List<LatencyFigures> latency,
    long requests,
    long errors,
    long postsPublished,
    long postsFailed) {

  /**
   * @throws InvalidValueException if a value is missing or negative, a latency name repeats, or
   *     there are more errors than requests
   */
  public DailyFigures {
    Require.nonNull(date, "date");
    if (latency == null) {
      throw new InvalidValueException("latency", null, "is required (use an empty list)");
    }
    latency = List.copyOf(latency);
    var names = new HashSet<String>();
    for (LatencyFigures f : latency) {
      if (!names.add(f.name())) {
        throw new InvalidValueException("latency", f.name(), "names a measured thing twice");
      }
    }
    requireCount("requests", requests);
    requireCount("errors", errors);
    requireCount("postsPublished", postsPublished);
    requireCount("postsFailed", postsFailed);
    if (errors > requests) {
      throw new InvalidValueException(
          "errors", errors, "must not exceed requests (" + requests + ")");
    }
  }

  /** The share of requests that failed; empty on a day without requests. */
  public Optional<ExactRatio> errorRate() {
    return requests == 0 ? Optional.empty() : Optional.of(ExactRatio.of(errors, requests));
  }

  /** The share of finished posts that were published; empty on a day without posts. */
  public Optional<ExactRatio> postSuccess() {
    long done = postsPublished + postsFailed;
    return done == 0 ? Optional.empty() : Optional.of(ExactRatio.of(postsPublished, done));
  }

  /** The percentiles of {@code name}, if measured. */
  public Optional<LatencyFigures> latency(String name) {
    return latency.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  private static void requireCount(String field, long value) {
    if (value < 0) {
      throw new InvalidValueException(field, value, "must not be negative");
    }
  }
}
