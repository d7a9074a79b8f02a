package app.omniy.core.alert.evaluator;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertSignal;
import app.omniy.core.alert.Evaluation;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Follows each alert's signal on the evaluation intervals (INC-2, SLA-2; see {@link AlertSignal}):
 * at every evaluation, the samples recorded since the previous evaluation of the same alert are
 * judged on their own, and the start of the first bad interval of a run and of the first good
 * interval after one are kept. Kept in memory, beside the windows: a runtime that starts while an
 * alert is firing knows the end of its signal, not its start (the incident keeps that).
 */
final class Signals {
  private final Map<AlertKey, Track> tracks = new HashMap<>();

  /** One alert's intervals. */
  private static final class Track {
    long lastMillis = Long.MIN_VALUE;
    @Nullable Instant badSince;
    @Nullable Instant lastBadStart;
    @Nullable Instant goodSince;
    @Nullable Instant firedFrom;
  }

  /**
   * Judges the interval of {@code key} ending at {@code now}: the samples of {@code window} since
   * the previous call for {@code key} (on the first call, the whole window, dated {@code now}).
   */
  void observe(AlertKey key, SeriesWindow window, Instant now) {
    Track track = tracks.computeIfAbsent(key, k -> new Track());
    long millis = now.toEpochMilli();
    Instant start =
        track.lastMillis == Long.MIN_VALUE || track.lastMillis > millis
            ? now
            : Instant.ofEpochMilli(track.lastMillis);
    Evaluation verdict = window.evaluateInterval(track.lastMillis, millis);
    track.lastMillis = Math.max(track.lastMillis, millis);
    switch (verdict.outcome()) {
      case HOLDS -> {
        if (track.badSince == null) {
          track.badSince = start;
          track.lastBadStart = start;
        }
        track.goodSince = null;
      }
      case CLEAR -> {
        if (track.goodSince == null) {
          track.goodSince = start;
        }
        track.badSince = null;
      }
      default -> {
        // An interval without samples (or with too few to judge) changes nothing.
      }
    }
  }

  /** The signal to put on an event of {@code kind} for {@code key}, after {@link #observe}. */
  AlertSignal on(AlertKey key, AlertEvent.Kind kind) {
    Track track = tracks.get(key);
    if (track == null) {
      return AlertSignal.UNKNOWN;
    }
    if (kind == AlertEvent.Kind.FIRED) {
      track.firedFrom = track.lastBadStart;
    }
    Instant start = track.firedFrom;
    Instant end = track.badSince == null ? track.goodSince : null;
    if (start != null && end != null && end.isBefore(start)) {
      end = null; // good before this run went bad: not this run's end
    }
    AlertSignal signal = new AlertSignal(start, end);
    if (kind == AlertEvent.Kind.RESOLVED) {
      track.firedFrom = null;
    }
    return signal;
  }
}
