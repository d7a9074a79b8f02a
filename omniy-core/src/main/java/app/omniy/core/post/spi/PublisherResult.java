package app.omniy.core.post.spi;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Publisher} call returned: a classified outcome (POST-5) and, on success, a value.
 *
 * @param outcome the class of the outcome
 * @param value the result on success (a container id, a status, a media id); {@code null} otherwise
 * @param code the API's error code, e.g. {@code 2207001}; empty on success
 * @param message what happened, for the transition's reason and the logs
 * @param retryAfter the wait the API stated (rate limits, quota), or {@code null}
 * @param <T> the type of the value
 */
public record PublisherResult<T>(
    OutcomeClass outcome,
    @Nullable T value,
    String code,
    String message,
    @Nullable Duration retryAfter) {

  /**
   * @throws InvalidValueException if a component is missing, a success has no value, or the wait is
   *     negative
   */
  public PublisherResult {
    Require.nonNull(outcome, "outcome");
    Require.nonNull(code, "code");
    Require.nonNull(message, "message");
    if (outcome == OutcomeClass.SUCCESS && value == null) {
      throw new InvalidValueException("value", null, "is required on success");
    }
    if (retryAfter != null) {
      Require.nonNegative(retryAfter, "retryAfter");
    }
  }

  /** A success with {@code value}. */
  public static <T> PublisherResult<T> success(T value) {
    return new PublisherResult<>(
        OutcomeClass.SUCCESS, Require.nonNull(value, "value"), "", "", null);
  }

  /** A failure of class {@code outcome}. */
  public static <T> PublisherResult<T> failure(OutcomeClass outcome, String code, String message) {
    if (outcome == OutcomeClass.SUCCESS) {
      throw new InvalidValueException("outcome", outcome, "must be a failure");
    }
    return new PublisherResult<>(outcome, null, code, message, null);
  }

  /** A rate-limit or quota failure with the wait the API stated. */
  public static <T> PublisherResult<T> throttled(
      OutcomeClass outcome, String code, String message, Duration wait) {
    if (outcome != OutcomeClass.RATE_LIMITED && outcome != OutcomeClass.QUOTA) {
      throw new InvalidValueException("outcome", outcome, "must be RATE_LIMITED or QUOTA");
    }
    return new PublisherResult<>(outcome, null, code, message, Require.nonNegative(wait, "wait"));
  }

  /** Whether the call succeeded. */
  public boolean isSuccess() {
    return outcome == OutcomeClass.SUCCESS;
  }

  /** The value, if the call succeeded. */
  public Optional<T> result() {
    return Optional.ofNullable(value);
  }

  /** The stated wait, if any. */
  public Optional<Duration> statedWait() {
    return Optional.ofNullable(retryAfter);
  }

  /** {@code code: message}, or the message alone, for a transition's reason. */
  public String detail() {
    return code.isEmpty() ? message : message.isEmpty() ? code : code + " " + message;
  }
}
