package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.Reasons;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The post execution success rate (POST-9, SLA-3): final outcomes after retries, published /
 * (published + failed against us), as an exact fraction. Failures that count against us are retries
 * exhausted, {@code MISSED_WINDOW}, permanent and unknown errors. The user's own doing is excluded
 * and counted apart: cancellations, media or accounts Instagram rejected ({@code USER_CAUSED}),
 * media Instagram could not fetch from the user's URL ({@code MEDIA_UNFETCHABLE}) and {@code
 * NEEDS_REAUTH}. Plain counts, so any post store can supply them; {@link #of} tallies them from
 * post records.
 *
 * @param published posts published
 * @param failedAgainstUs posts that failed in a way that counts against us: retries exhausted,
 *     missed window, permanent and unknown errors
 * @param excludedUserCaused posts that ended through the user's doing, not counted: cancelled,
 *     {@code USER_CAUSED} and {@code MEDIA_UNFETCHABLE} failures, {@code NEEDS_REAUTH}
 */
public record PostSuccessRate(long published, long failedAgainstUs, long excludedUserCaused) {
  /** The objective: at least 99.5% (SLA-3). */
  public static final BigDecimal OBJECTIVE_PERCENT = new BigDecimal("99.5");

  /** No outcomes yet. */
  public static final PostSuccessRate EMPTY = new PostSuccessRate(0, 0, 0);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * @throws InvalidValueException if a count is negative
   */
  public PostSuccessRate {
    Require.atLeast(published, 0, "published");
    Require.atLeast(failedAgainstUs, 0, "failedAgainstUs");
    Require.atLeast(excludedUserCaused, 0, "excludedUserCaused");
  }

  /** The tally of {@code records}' final outcomes (POST-9). */
  public static PostSuccessRate of(Iterable<PostRecord> records) {
    Require.nonNull(records, "records");
    PostSuccessRate rate = EMPTY;
    for (PostRecord r : records) {
      rate = rate.plus(r);
    }
    return rate;
  }

  /** Adds {@code record}'s outcome; a post that is not final yet changes nothing. */
  public PostSuccessRate plus(PostRecord record) {
    Require.nonNull(record, "record");
    return switch (record.state()) {
      case PUBLISHED -> new PostSuccessRate(published + 1, failedAgainstUs, excludedUserCaused);
      case CANCELLED, NEEDS_REAUTH -> excludedOneMore();
      case FAILED ->
          isUserCaused(record)
              ? excludedOneMore()
              : new PostSuccessRate(published, failedAgainstUs + 1, excludedUserCaused);
      case SCHEDULED, PUBLISHING, RETRY_WAIT -> this;
    };
  }

  private PostSuccessRate excludedOneMore() {
    return new PostSuccessRate(published, failedAgainstUs, excludedUserCaused + 1);
  }

  private static boolean isUserCaused(PostRecord record) {
    return record
        .lastTransition()
        .map(t -> Reasons.isUserCausedFailure(t.reasonCode()))
        .orElse(false);
  }

  /** Posts counted: published plus failed against us. */
  public long counted() {
    return published + failedAgainstUs;
  }

  /** The exact rate; 1 (nothing failed) with no counted posts. */
  public ExactRatio rate() {
    return counted() == 0 ? ExactRatio.of(1, 1) : ExactRatio.of(published, counted());
  }

  /** The exact fraction as text, e.g. {@code 995/1000}; {@code 0/0} with no counted posts. */
  public String fraction() {
    return published + "/" + counted();
  }

  /**
   * The rate in percent, rounded half-up to {@code scale} decimals, to show next to {@link
   * #fraction()}; empty with no counted posts. Rounded, so never compare it with the objective:
   * {@link #meets} and {@link #met} compare exactly, and {@link #rate()} gives truncated decimals.
   */
  public Optional<BigDecimal> percent(int scale) {
    if (counted() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(published)
            .multiply(HUNDRED)
            .divide(BigDecimal.valueOf(counted()), scale, RoundingMode.HALF_UP));
  }

  /**
   * Whether the rate is at least {@code targetPercent}, compared exactly (no rounding): 995/1000
   * meets 99.5, 994/1000 does not. With no counted posts nothing failed, so the target is met.
   */
  public boolean meets(BigDecimal targetPercent) {
    return rate().isAtLeastPercent(ExactRatio.percent(targetPercent, "targetPercent"));
  }

  /** Whether the rate is at least the 99.5% objective (SLA-3), compared exactly. */
  public boolean met() {
    return meets(OBJECTIVE_PERCENT);
  }
}
