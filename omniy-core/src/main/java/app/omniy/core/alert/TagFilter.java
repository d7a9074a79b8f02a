package app.omniy.core.alert;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which samples of a metric a rule reads, by their tags. Every entry must match. A pattern is
 * matched as:
 *
 * <ul>
 *   <li>{@code *}: the tag is present with any value;
 *   <li>a status class such as {@code 5xx}: any three-character value starting with that digit
 *       (Micrometer's {@code status} tag holds the code, e.g. {@code 503});
 *   <li>alternatives separated by {@code |}, each matched as above;
 *   <li>anything else: equal to the value.
 * </ul>
 *
 * @param tags tag name → pattern; empty matches every sample
 */
public record TagFilter(Map<String, String> tags) {
  /** The filter that matches every sample. */
  public static final TagFilter ANY = new TagFilter(Map.of());

  /**
   * @throws InvalidValueException if a name or pattern is blank
   */
  public TagFilter {
    Require.nonNull(tags, "tags");
    for (Map.Entry<String, String> entry : tags.entrySet()) {
      if (entry.getKey().isBlank()) {
        throw new InvalidValueException("tags", tags, "a tag name must not be blank");
      }
      if (entry.getValue().isBlank()) {
        throw new InvalidValueException("tags." + entry.getKey(), "", "must not be blank");
      }
    }
    // Sorted by name, not Map.copyOf's per-JVM order: matching and printing go the same way on
    // every run.
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /** A filter on one tag. */
  public static TagFilter of(String tag, String pattern) {
    return new TagFilter(Map.of(tag, pattern));
  }

  /** Whether a sample with {@code sampleTags} matches every entry of this filter. */
  public boolean matches(Map<String, String> sampleTags) {
    for (Map.Entry<String, String> entry : tags.entrySet()) {
      String value = sampleTags.get(entry.getKey());
      if (value == null || !matchesValue(entry.getValue(), value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesValue(String pattern, String value) {
    int bar = pattern.indexOf('|');
    if (bar >= 0) {
      return matchesValue(pattern.substring(0, bar), value)
          || matchesValue(pattern.substring(bar + 1), value);
    }
    if (pattern.equals("*")) {
      return true;
    }
    if (isStatusClass(pattern)) {
      return value.length() == 3 && value.charAt(0) == pattern.charAt(0);
    }
    return pattern.equals(value);
  }

  private static boolean isStatusClass(String pattern) {
    return pattern.length() == 3
        && Character.isDigit(pattern.charAt(0))
        && (pattern.endsWith("xx") || pattern.endsWith("XX"));
  }

  /** The filter as {@code {status=5xx}}, names sorted. */
  @Override
  public String toString() {
    return tags.toString();
  }
}
