package app.omniy.runtime;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;

/**
 * One check of a {@link HealthReport}.
 *
 * @param name a stable name, e.g. {@code store}
 * @param status its status
 * @param detail what was seen, for an operator
 */
public record HealthCheck(String name, HealthStatus status, String detail) {
  /**
   * @throws InvalidValueException if a component is missing
   */
  public HealthCheck {
    if (name == null || name.isBlank()) {
      throw new InvalidValueException("name", name, "is required");
    }
    Require.nonNull(status, "status");
    Require.nonNull(detail, "detail");
  }
}
