package app.omniy.core.quota;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.post.Media;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Instagram's publishing limits (POST-3): at most {@code quota_total} API-published posts (read
 * live; {@link #defaultPublishLimit} when unknown) and at most {@link #containerLimit} containers
 * per account in a rolling {@link #window}. Decision: the window at {@code now} is {@code (now −
 * window, now]}: a post published at {@code t} counts until {@code t + window}, exclusive, and its
 * slot is free again at exactly {@code t + window}.
 *
 * @param defaultPublishLimit posts per window when the live quota is unknown (50)
 * @param containerLimit containers per window (400)
 * @param window the rolling window (24 h)
 */
public record QuotaPolicy(int defaultPublishLimit, int containerLimit, Duration window) {
  /** The catalogue's limits: 50 posts (when not read live) and 400 containers per 24 h. */
  public static final QuotaPolicy DEFAULTS = new QuotaPolicy(50, 400, Duration.ofHours(24));

  /**
   * @throws InvalidValueException if a limit is not positive or the window is missing or not
   *     positive
   */
  public QuotaPolicy {
    Require.atLeast(defaultPublishLimit, 1, "defaultPublishLimit");
    Require.atLeast(containerLimit, 1, "containerLimit");
    Require.positive(window, "window");
  }

  /**
   * Whether a post needing {@code containersNeeded} containers (see {@link
   * Media#containersNeeded()}) may be published at {@code now}, given what the account used.
   *
   * @throws InvalidValueException if an argument is missing, or the post needs more containers than
   *     the limit allows at all
   */
  public QuotaDecision decide(QuotaUsage usage, int containersNeeded, Instant now) {
    Require.nonNull(usage, "usage");
    Require.nonNull(now, "now");
    if (containersNeeded < 1 || containersNeeded > containerLimit) {
      throw new InvalidValueException(
          "containersNeeded", containersNeeded, "must be between 1 and " + containerLimit);
    }
    int publishLimit =
        usage.liveQuotaTotal() == null ? defaultPublishLimit : usage.liveQuotaTotal();
    List<Instant> published = inWindow(usage.publishedAt(), now);
    List<Instant> containers = inWindow(usage.containersCreatedAt(), now);
    Instant earliest = now;
    List<String> why = new ArrayList<>(2);
    if (published.size() + 1 > publishLimit) {
      earliest = later(earliest, freedAt(published, published.size() + 1 - publishLimit, now));
      why.add(published.size() + " of " + publishLimit + " posts published in the last " + window);
    }
    if (containers.size() + containersNeeded > containerLimit) {
      int toFree = containers.size() + containersNeeded - containerLimit;
      earliest = later(earliest, freedAt(containers, toFree, now));
      why.add(
          containers.size()
              + " of "
              + containerLimit
              + " containers created in the last "
              + window
              + ", "
              + containersNeeded
              + " needed");
    }
    return why.isEmpty()
        ? new QuotaDecision(true, now, "")
        : new QuotaDecision(false, earliest, String.join("; ", why) + "; next slot at " + earliest);
  }

  /** The instants of {@code all} in {@code (now − window, now]}, oldest first. */
  private List<Instant> inWindow(List<Instant> all, Instant now) {
    Instant start = now.minus(window);
    List<Instant> in = new ArrayList<>();
    for (Instant t : all) {
      if (t.isAfter(start) && !t.isAfter(now)) {
        in.add(t);
      }
    }
    Collections.sort(in);
    return in;
  }

  /**
   * When {@code count} entries have left the window; with a live quota below what the window holds,
   * the oldest ones must leave first.
   */
  private Instant freedAt(List<Instant> oldestFirst, int count, Instant now) {
    if (count > oldestFirst.size()) {
      // The live quota was lowered below zero free slots even with every entry gone: wait a window.
      return now.plus(window);
    }
    return oldestFirst.get(count - 1).plus(window);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
