package app.omniy.core.alert.spi;

import app.omniy.core.OmniyException;
import java.io.Serial;

/** A notification was not delivered; says whether another attempt may succeed. */
public class DeliveryException extends OmniyException {
  @Serial private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public DeliveryException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public DeliveryException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** Whether the failure is temporary (a 5xx, a 429, a reset connection). */
  public boolean retryable() {
    return retryable;
  }
}
