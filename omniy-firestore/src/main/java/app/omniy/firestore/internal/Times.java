package app.omniy.firestore.internal;

import com.google.cloud.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Instants as Firestore {@link Timestamp}s: every store keeps times this way, so they sort and
 * compare in queries and read well in the console. Firestore keeps microseconds; finer digits are
 * dropped.
 */
public final class Times {
  private Times() {}

  /** {@code instant} as a timestamp, or null. */
  public static @Nullable Timestamp ts(@Nullable Instant instant) {
    return instant == null
        ? null
        : Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
  }

  /** {@code timestamp} as an instant, or null. */
  public static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null
        ? null
        : Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
