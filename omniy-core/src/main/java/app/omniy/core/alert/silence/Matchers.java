package app.omniy.core.alert.silence;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.alert.AlertKey;
import java.util.Map;

/**
 * Equality matchers on an alert: the name {@code id} matches the rule's id, any other name the
 * label of that name. Every matcher must match; an empty set matches every alert.
 */
final class Matchers {
  /** The matcher name for the rule id. */
  static final String ID = "id";

  private Matchers() {}

  static Map<String, String> check(Map<String, String> match, String field) {
    Require.nonNull(match, field);
    match.forEach(
        (name, value) -> {
          if (name == null || name.isBlank()) {
            throw new InvalidValueException(field, name, "a matcher needs a name");
          }
          if (value == null || value.isEmpty()) {
            throw new InvalidValueException(field + "." + name, value, "is required");
          }
        });
    return Map.copyOf(match);
  }

  static boolean matches(Map<String, String> match, AlertKey key) {
    for (Map.Entry<String, String> m : match.entrySet()) {
      String actual = ID.equals(m.getKey()) ? key.ruleId() : key.labels().get(m.getKey());
      if (!m.getValue().equals(actual)) {
        return false;
      }
    }
    return true;
  }
}
