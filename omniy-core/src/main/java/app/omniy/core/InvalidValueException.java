package app.omniy.core;

import java.io.Serial;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value given to Omniy was rejected. Carries the field, the rejected value as text and the
 * reason, so a caller can show the user exactly what to fix; thrown instead of a bare {@link
 * NullPointerException} or {@link IllegalArgumentException}.
 *
 * <p>The value is kept as short text, so that neither the exception nor its message can grow with
 * the input: a decimal in short form ({@code 1e-999999999}, never its billion-character plain
 * text), any other value cut after {@value #MAX_VALUE_CHARS} characters, ending in {@code …}.
 */
public class InvalidValueException extends OmniyException {
  @Serial private static final long serialVersionUID = 1L;

  /** The most characters of a rejected value this exception keeps. */
  public static final int MAX_VALUE_CHARS = 40;

  private final String field;
  private final @Nullable String value;
  private final String reason;

  /**
   * @param field the name of the rejected field, as the caller knows it (e.g. {@code caption})
   * @param value the rejected value, or {@code null} when the field was missing; kept as {@link
   *     #shown(Object)}
   * @param reason why it was rejected, in words a user understands
   */
  public InvalidValueException(String field, @Nullable Object value, String reason) {
    this(field, shown(value), reason);
  }

  private InvalidValueException(String field, @Nullable String shown, String reason) {
    super(describe(field, shown, reason));
    this.field = Objects.requireNonNull(field, "field");
    this.value = shown;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * {@code value} as the bounded text an exception shows: a {@link BigDecimal} in short form
   * ({@code 0.25}, {@code 1e-999999999}), anything else as {@link String#valueOf} cut after {@value
   * #MAX_VALUE_CHARS} characters with a trailing {@code …}; {@code null} for {@code null}.
   */
  public static @Nullable String shown(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    String text =
        value instanceof BigDecimal decimal ? DecimalText.of(decimal) : String.valueOf(value);
    if (text.length() <= MAX_VALUE_CHARS) {
      return text;
    }
    int end = MAX_VALUE_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
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

  private static String describe(String field, @Nullable String value, String reason) {
    return value == null ? field + ": " + reason : field + " = '" + value + "': " + reason;
  }
}
