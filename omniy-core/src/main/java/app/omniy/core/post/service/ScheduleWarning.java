package app.omniy.core.post.service;

import app.omniy.core.Require;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something the host should know about a post it just scheduled, which did not stop it from being
 * stored.
 *
 * @param code what it is about
 * @param message the warning in words, e.g. "50 of 50 posts already in a rolling PT24H around …;
 *     next free slot at …"
 * @param nextFreeSlot for {@link Code#QUOTA_FULL}: the earliest instant at or after the requested
 *     time where the post would fit, or {@code null} if none was found within the search span
 */
public record ScheduleWarning(Code code, String message, @Nullable Instant nextFreeSlot) {
  /** The kinds of warning; the names are stable. */
  public enum Code {
    /**
     * The account's publishing limit for the rolling 24 h around the publish time is already taken
     * by its other posts (POST-3): the dispatcher will defer this post or a later one, perhaps past
     * its window.
     */
    QUOTA_FULL
  }

  /** Checks the components. */
  public ScheduleWarning {
    Require.nonNull(code, "code");
    Require.nonBlank(message, "message");
  }

  /** The next free slot, if one was found. */
  public Optional<Instant> next() {
    return Optional.ofNullable(nextFreeSlot);
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
