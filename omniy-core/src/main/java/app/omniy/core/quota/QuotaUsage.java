package app.omniy.core.quota;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an account already used, as input to {@link QuotaPolicy#decide} (POST-3).
 *
 * @param publishedAt when the account's recent posts were published through the API (older than the
 *     window may be included; they are ignored)
 * @param containersCreatedAt when its recent media containers were created
 * @param liveQuotaTotal {@code quota_total} as last read from {@code content_publishing_limit};
 *     {@code null} when unknown, and the policy's default applies
 */
public record QuotaUsage(
    List<Instant> publishedAt,
    List<Instant> containersCreatedAt,
    @Nullable Integer liveQuotaTotal) {
  /**
   * @throws InvalidValueException if a list or an instant in it is missing, or the live quota is
   *     negative
   */
  public QuotaUsage {
    publishedAt = copy(publishedAt, "publishedAt");
    containersCreatedAt = copy(containersCreatedAt, "containersCreatedAt");
    if (liveQuotaTotal != null) {
      Require.atLeast(liveQuotaTotal, 0, "liveQuotaTotal");
    }
  }

  private static List<Instant> copy(List<Instant> instants, String field) {
    Require.nonNull(instants, field);
    for (int i = 0; i < instants.size(); i++) {
      Require.nonNull(instants.get(i), field + "[" + i + "]");
    }
    return List.copyOf(instants);
  }

  /** Nothing used yet, quota unknown. */
  public static QuotaUsage none() {
    return new QuotaUsage(List.of(), List.of(), null);
  }
}
