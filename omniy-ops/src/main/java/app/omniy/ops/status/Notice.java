package app.omniy.ops.status;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A notice on the status page (INC-4): planned maintenance, a known issue, a mitigation users
 * should know about.
 *
 * @param title one line
 * @param body the text, plain (it is escaped, never read as HTML)
 * @param from when it starts to apply
 * @param until when it stops applying, or {@code null} until further notice
 */
public record Notice(String title, String body, Instant from, @Nullable Instant until) {
  /**
   * @throws InvalidValueException if a value is missing or {@code until} is before {@code from}
   */
  public Notice {
    if (title == null || title.isBlank()) {
      throw new InvalidValueException("title", title, "must not be blank");
    }
    if (body == null) {
      throw new InvalidValueException("body", null, "is required (may be empty)");
    }
    Require.nonNull(from, "from");
    if (until != null && until.isBefore(from)) {
      throw new InvalidValueException("until", until, "must not be before from (" + from + ")");
    }
  }

  /** When it stops applying, if known. */
  public Optional<Instant> end() {
    return Optional.ofNullable(until);
  }
}
