package app.omniy.core.alert.silence;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.alert.AlertKey;
import java.time.Instant;
import java.util.Map;

/**
 * A silence (the Alertmanager model): from {@code start} until {@code end}, the notifications of
 * the alerts it matches are held. A silenced alert keeps its state; when the silence ends, an alert
 * that still fires and was held notifies then ({@link NotificationGate}).
 *
 * @param id the silence's id, unique in its store
 * @param match equality matchers: {@code id} on the rule id, any other name on the label of that
 *     name; every matcher must match; empty matches every alert (a maintenance window's silence)
 * @param start the first instant it holds
 * @param end the first instant it no longer holds; not before {@code start} (equal for a silence
 *     expired before it started, which holds nothing)
 * @param by who created it
 * @param comment why; empty for none
 */
public record Silence(
    String id, Map<String, String> match, Instant start, Instant end, String by, String comment) {

  /**
   * @throws InvalidValueException naming the field that is missing or blank, a matcher without a
   *     name or value, or an {@code end} before {@code start}
   */
  public Silence {
    Require.nonBlank(id, "id");
    match = Matchers.check(match, "match");
    Require.instant(start, "start");
    Require.instant(end, "end");
    Require.nonBlank(by, "by");
    Require.nonNull(comment, "comment");
    if (end.isBefore(start)) {
      throw new InvalidValueException("end", end, "must not be before start " + start);
    }
  }

  /** Whether it holds at {@code at}: from its start, until (not including) its end. */
  public boolean activeAt(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }

  /** Whether it matches {@code key}. */
  public boolean matches(AlertKey key) {
    return Matchers.matches(match, key);
  }

  /** Whether it holds {@code key}'s notifications at {@code at}. */
  public boolean silences(AlertKey key, Instant at) {
    return activeAt(at) && matches(key);
  }

  /**
   * This silence expired at {@code at}: ending then, or at its start if it had not started; itself
   * if it has ended by then.
   */
  public Silence expiredAt(Instant at) {
    Require.nonNull(at, "at");
    if (!at.isBefore(end)) {
      return this;
    }
    return new Silence(id, match, start, at.isAfter(start) ? at : start, by, comment);
  }
}
