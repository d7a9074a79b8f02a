package app.omniy.core;

import java.io.Serial;

/**
 * The root of every exception Omniy throws on purpose. Unchecked, like the exceptions of the
 * libraries Omniy sits beside; catch this to handle any Omniy failure in one place.
 */
public class OmniyException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  public OmniyException(String message) {
    super(message);
  }

  public OmniyException(String message, Throwable cause) {
    super(message, cause);
  }
}
