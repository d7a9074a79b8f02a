package app.omniy.firestore.internal;

import app.omniy.core.InvalidValueException;
import org.jspecify.annotations.Nullable;

/** Argument checks of the Firestore stores, failing with {@link InvalidValueException}. */
public final class Args {
  private Args() {}

  /** {@code value}, or an {@link InvalidValueException} naming {@code field} if it is blank. */
  public static String nonBlank(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, value, "is required");
    }
    return value;
  }
}
