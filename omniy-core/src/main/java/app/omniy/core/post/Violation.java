package app.omniy.core.post;

import app.omniy.core.Require;

/**
 * One rule a post breaks (POST-2).
 *
 * @param field the offending field's path, e.g. {@code caption} or {@code media.items[2].bytes}
 * @param value the offending value as text
 * @param code the stable reason code
 * @param message the rule in words, e.g. "must be at most 2200 characters, is 2201"
 */
public record Violation(String field, String value, ViolationCode code, String message) {
  /** Checks every component is present. */
  public Violation {
    Require.nonBlank(field, "field");
    Require.nonNull(value, "value");
    Require.nonNull(code, "code");
    Require.nonBlank(message, "message");
  }

  @Override
  public String toString() {
    return field + " " + code + ": " + message;
  }
}
