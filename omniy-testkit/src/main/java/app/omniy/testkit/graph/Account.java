package app.omniy.testkit.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/** An Instagram professional account on the fake. Guarded by {@link GraphState}'s lock. */
final class Account {
  static final Duration ROLLING_DAY = Duration.ofHours(24);
  static final Duration ROLLING_HOUR = Duration.ofHours(1);

  final String id;
  final Set<String> tokens = new LinkedHashSet<>();
  boolean tokenExpired;
  int publishQuota;
  final Deque<Instant> publishes = new ArrayDeque<>();
  final Deque<Instant> containersCreated = new ArrayDeque<>();
  final Deque<Instant> calls = new ArrayDeque<>();

  Account(String id, String token, int publishQuota) {
    this.id = id;
    this.tokens.add(token);
    this.publishQuota = publishQuota;
  }

  /** Publishes in the rolling 24 hours before {@code now}. */
  int publishesInLastDay(Instant now) {
    drop(publishes, now.minus(ROLLING_DAY));
    return publishes.size();
  }

  int containersInLastDay(Instant now) {
    drop(containersCreated, now.minus(ROLLING_DAY));
    return containersCreated.size();
  }

  int callsInLastHour(Instant now) {
    drop(calls, now.minus(ROLLING_HOUR));
    return calls.size();
  }

  /**
   * When the oldest call of the hour leaves the window: the wait before calls are allowed again.
   */
  Duration timeToRegainAccess(Instant now) {
    Instant oldest = calls.peekFirst();
    return oldest == null ? Duration.ZERO : Duration.between(now, oldest.plus(ROLLING_HOUR));
  }

  private static void drop(Deque<Instant> times, Instant before) {
    while (!times.isEmpty() && !times.peekFirst().isAfter(before)) {
      times.removeFirst();
    }
  }
}
