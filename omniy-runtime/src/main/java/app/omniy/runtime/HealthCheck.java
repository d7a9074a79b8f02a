package app.omniy.runtime;

import app.omniy.core.InvalidValueException;

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
    if (status == null) {
      throw new InvalidValueException("status", null, "is required");
    }
    if (detail == null) {
      throw new InvalidValueException("detail", null, "is required");
    }
  }
}
