package app.omniy.stripe;

import app.omniy.core.OmniyException;
import com.stripe.exception.StripeException;
import java.io.Serial;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A call to Stripe's API failed after the configured retries. Carries what Stripe said (HTTP
 * status, error code, request id for Stripe's support), never the API key.
 */
public class StripeCallException extends OmniyException {
  @Serial private static final long serialVersionUID = 1L;

  private final @Nullable Integer httpStatus;
  private final @Nullable String requestId;

  /** Wraps {@code cause}, saying what was being done ({@code action}). */
  public StripeCallException(String action, StripeException cause) {
    super(
        action
            + " failed: "
            + (cause.getStatusCode() == null ? "no response" : "HTTP " + cause.getStatusCode())
            + (cause.getCode() == null ? "" : " " + cause.getCode())
            + (cause.getRequestId() == null ? "" : " (request " + cause.getRequestId() + ")"),
        cause);
    this.httpStatus = cause.getStatusCode();
    this.requestId = cause.getRequestId();
  }

  /** Stripe's HTTP status, if a response came. */
  public Optional<Integer> httpStatus() {
    return Optional.ofNullable(httpStatus);
  }

  /** Stripe's request id ({@code req_…}), if a response came. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
