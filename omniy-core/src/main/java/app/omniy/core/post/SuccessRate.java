package app.omniy.core.post;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The post execution success rate (POST-9, SLA-3) as an exact fraction {@code published /
 * (published + failed)} over final outcomes after retries. Failures that count against the service
 * are retries exhausted, {@code MISSED_WINDOW}, permanent and unknown errors. The user's own doing
 * is excluded and counted separately: cancellations, media or accounts Instagram rejected ({@code
 * USER_CAUSED}), and {@code NEEDS_REAUTH}.
 *
 * @param published posts published
 * @param failed posts failed for reasons that count against the service
 * @param cancelled posts the host cancelled (excluded)
 * @param userCaused posts failed for the user's media or account (excluded)
 * @param needsReauth posts waiting for the owner to reconnect the account (excluded)
 */
public record SuccessRate(
    long published, long failed, long cancelled, long userCaused, long needsReauth) {

  /** No outcomes yet. */
  public static final SuccessRate EMPTY = new SuccessRate(0, 0, 0, 0, 0);

  /**
   * @throws InvalidValueException if a count is negative
   */
  public SuccessRate {
    Require.atLeast(published, 0, "published");
    Require.atLeast(failed, 0, "failed");
    Require.atLeast(cancelled, 0, "cancelled");
    Require.atLeast(userCaused, 0, "userCaused");
    Require.atLeast(needsReauth, 0, "needsReauth");
  }

  /** Adds {@code record}'s outcome; a post that is not final yet changes nothing. */
  public SuccessRate plus(PostRecord record) {
    Require.nonNull(record, "record");
    return switch (record.state()) {
      case PUBLISHED -> new SuccessRate(published + 1, failed, cancelled, userCaused, needsReauth);
      case CANCELLED -> new SuccessRate(published, failed, cancelled + 1, userCaused, needsReauth);
      case NEEDS_REAUTH ->
          new SuccessRate(published, failed, cancelled, userCaused, needsReauth + 1);
      case FAILED ->
          isUserCaused(record)
              ? new SuccessRate(published, failed, cancelled, userCaused + 1, needsReauth)
              : new SuccessRate(published, failed + 1, cancelled, userCaused, needsReauth);
      case SCHEDULED, PUBLISHING, RETRY_WAIT -> this;
    };
  }

  /** The tally of {@code records}. */
  public static SuccessRate of(Iterable<PostRecord> records) {
    Require.nonNull(records, "records");
    SuccessRate rate = EMPTY;
    for (PostRecord r : records) {
      rate = rate.plus(r);
    }
    return rate;
  }

  private static boolean isUserCaused(PostRecord record) {
    return record
        .lastTransition()
        .map(t -> t.reasonCode().equals(Reasons.USER_CAUSED))
        .orElse(false);
  }

  /** The outcomes that count: published plus failed. */
  public long denominator() {
    return published + failed;
  }

  /** The outcomes excluded from the rate. */
  public long excluded() {
    return cancelled + userCaused + needsReauth;
  }

  /** The exact fraction as text, e.g. {@code 995/1000}. */
  public String fraction() {
    return published + "/" + denominator();
  }

  /** The rate in percent, rounded half-up to {@code scale} decimals; empty with no outcomes. */
  public Optional<BigDecimal> percent(int scale) {
    if (denominator() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(published)
            .multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(denominator()), scale, RoundingMode.HALF_UP));
  }

  /**
   * Whether the rate is at least {@code targetPercent}, compared exactly (no rounding): 995/1000
   * meets 99.5, 994/1000 does not. With no outcomes nothing failed, so the target is met.
   */
  public boolean meets(BigDecimal targetPercent) {
    Require.nonNull(targetPercent, "targetPercent");
    BigDecimal lhs = BigDecimal.valueOf(published).multiply(BigDecimal.valueOf(100));
    BigDecimal rhs = targetPercent.multiply(BigDecimal.valueOf(denominator()));
    return lhs.compareTo(rhs) >= 0;
  }
}
