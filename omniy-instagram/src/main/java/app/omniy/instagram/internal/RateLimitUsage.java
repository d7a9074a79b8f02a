package app.omniy.instagram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The API's own view of how close a caller is to being throttled, from {@code X-App-Usage} and
 * {@code X-Business-Use-Case-Usage}: the largest of {@code call_count}, {@code total_cputime} and
 * {@code total_time} (integer percentages of a rolling hour; throttling starts at 100), and the
 * stated {@code estimated_time_to_regain_access}.
 *
 * @param percent the highest usage figure, 0 to 100 (or more)
 * @param regainAccessIn the wait the API stated, zero when none
 */
public record RateLimitUsage(int percent, Duration regainAccessIn) {
  public static final RateLimitUsage NONE = new RateLimitUsage(0, Duration.ZERO);

  /** Reads both headers; missing or malformed headers count as no usage. */
  public static RateLimitUsage parse(
      ObjectMapper json, @Nullable String appUsage, @Nullable String businessUsage) {
    int percent = 0;
    long regainMinutes = 0;
    JsonNode app = read(json, appUsage);
    if (app != null) {
      percent = Math.max(percent, highest(app));
    }
    JsonNode business = read(json, businessUsage);
    if (business != null) {
      for (JsonNode entries : business) {
        for (JsonNode entry : entries) {
          percent = Math.max(percent, highest(entry));
          regainMinutes =
              Math.max(regainMinutes, entry.path("estimated_time_to_regain_access").asLong(0));
        }
      }
    }
    return new RateLimitUsage(percent, Duration.ofMinutes(regainMinutes));
  }

  /** The wait to honour before calling again, if the API stated one. */
  public Optional<Duration> statedWait() {
    return regainAccessIn.isZero() ? Optional.empty() : Optional.of(regainAccessIn);
  }

  private static int highest(JsonNode usage) {
    return Math.max(
        usage.path("call_count").asInt(0),
        Math.max(usage.path("total_cputime").asInt(0), usage.path("total_time").asInt(0)));
  }

  private static @Nullable JsonNode read(ObjectMapper json, @Nullable String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      JsonNode node = json.readTree(header);
      return node != null && node.isObject() ? node : null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }
}
