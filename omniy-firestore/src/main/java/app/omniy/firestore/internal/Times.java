package app.omniy.firestore.internal;

import com.google.cloud.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Instants as Firestore {@link Timestamp}s: every store keeps times this way, so they sort and
 * compare in queries and read well in the console. Firestore keeps microseconds, so finer digits
 * are dropped here, before writing: a time read back then equals the one written, truncated.
 */
public final class Times {
  private Times() {}

  /** {@code instant} as a timestamp, or null. */
  public static @Nullable Timestamp ts(@Nullable Instant instant) {
    if (instant == null) {
      return null;
    }
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    return Timestamp.ofTimeSecondsAndNanos(micros.getEpochSecond(), micros.getNano());
  }

  /** {@code timestamp} as an instant, or null. */
  public static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null
        ? null
        : Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
