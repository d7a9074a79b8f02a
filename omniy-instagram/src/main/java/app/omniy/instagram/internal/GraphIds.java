package app.omniy.instagram.internal;

import app.omniy.core.InvalidValueException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Graph API node ids (accounts, containers, media) go into request paths as they are. Meta's ids
 * are digits, sometimes joined by underscores; the letters, '-' and '.' allowed besides are the
 * rest of URI's unreserved characters, so any accepted id makes a valid path without escaping and
 * can never point the request at another path or query.
 */
public final class GraphIds {
  private static final Pattern NODE_ID = Pattern.compile("[0-9A-Za-z_.-]{1,128}");

  private GraphIds() {}

  /** Whether {@code id} can stand in a Graph path. */
  public static boolean isNodeId(@Nullable String id) {
    return id != null && NODE_ID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
  }

  /**
   * Returns {@code id}, or throws naming {@code field}.
   *
   * @throws InvalidValueException if {@code id} is blank or not a Graph node id
   */
  public static String require(@Nullable String id, String field) {
    if (id == null || id.isBlank()) {
      throw new InvalidValueException(field, id, "must not be blank");
    }
    if (!isNodeId(id)) {
      throw new InvalidValueException(
          field, id, "must be a Graph API id (letters, digits, '_', '-' or '.')");
    }
    return id;
  }

  /** An id from an answer body, or null (an unexpected answer) when it cannot be a node id. */
  public static @Nullable String fromAnswer(@Nullable String id) {
    return isNodeId(id) ? id : null;
  }
}
