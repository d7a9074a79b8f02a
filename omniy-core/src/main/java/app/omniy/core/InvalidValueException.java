package app.omniy.core;

import java.io.Serial;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value given to Omniy was rejected. Carries the field, the rejected value as text and the
 * reason, so a caller can show the user exactly what to fix; thrown instead of a bare {@link
 * NullPointerException} or {@link IllegalArgumentException}.
 */
public class InvalidValueException extends OmniyException {
  @Serial private static final long serialVersionUID = 1L;

  private final String field;
  private final @Nullable String value;
  private final String reason;

  /**
   * @param field the name of the rejected field, as the caller knows it (e.g. {@code caption})
   * @param value the rejected value, or {@code null} when the field was missing
   * @param reason why it was rejected, in words a user understands
   */
  public InvalidValueException(String field, @Nullable Object value, String reason) {
    super(describe(field, value, reason));
    this.field = Objects.requireNonNull(field, "field");
    this.value = value == null ? null : String.valueOf(value);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The name of the rejected field. */
  public String field() {
    return field;
  }

  /** The rejected value as text; {@code null} when the field was missing. */
  public @Nullable String value() {
    return value;
  }

  /** Why the value was rejected. */
  public String reason() {
    return reason;
  }

  private static String describe(String field, @Nullable Object value, String reason) {
    return value == null ? field + ": " + reason : field + " = '" + value + "': " + reason;
  }
}
